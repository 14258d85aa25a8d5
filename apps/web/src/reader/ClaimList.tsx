import { memo, useEffect, useRef, useState } from 'react';
import type { RatingScale, WorkspaceClaim } from '../api/types';
import { AssigneeBadge } from '../work/AssigneeBadge';
import { ColourMode, claimColour, currentVerdict, STATUS_LABEL } from './claim-colours';
import { FIRST_WINDOW, grown, listWindow, ListWindow } from './list-window';

interface Props {
  claims: WorkspaceClaim[];
  total: number;
  selectedId: string | null;
  mode: ColourMode;
  scales: ReadonlyMap<string, RatingScale>;
  onSelect: (claimId: string) => void;
  users: Record<string, { displayName: string }>;
}

const excerpt = (quote: string, max = 90): string => (quote.length > max ? `${quote.slice(0, max - 1)}…` : quote);

/** The claims of the article in reading order; j and k move through the same list. */
export function ClaimList({ claims, total, selectedId, mode, scales, onSelect, users }: Props) {
  const needsReview = claims.filter((c) => c.anchor === 'fuzzy' || c.anchor === 'orphaned');
  // The selected claim is always drawn in the list (j/k and a click in the text bring its item into view).
  const [held, setHeld] = useState<ListWindow>(FIRST_WINDOW);
  const selectedAt = selectedId === null ? -1 : claims.findIndex((c) => c.id === selectedId);
  const shownWindow = listWindow(held, claims.length, selectedAt);
  // Held as drawn, so the claims opened around a selection stay when it moves on. Set while rendering
  // (React's way to adjust state to new props), not in an effect, which drew the list once more.
  if (shownWindow !== held) setHeld(shownWindow);
  const { head, around } = shownWindow;
  const lastShown = around ? around.to : head;
  const hasMore = lastShown < claims.length;
  const more = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (!hasMore || !more.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setHeld((w) => grown(w));
    }, { rootMargin: '400px' });
    observer.observe(more.current);
    return () => observer.disconnect();
  }, [hasMore, lastShown]);
  const item = (claim: WorkspaceClaim) => <ClaimListItem key={claim.id} claim={claim} selected={claim.id === selectedId} colour={claimColour(claim, mode, scales)} onSelect={onSelect} users={users} />;
  return (
    <>
      <section aria-labelledby="claims-title">
        <h2 id="claims-title" className="small-heading">
          Claims <span className="muted">{claims.length === total ? total : `${claims.length} of ${total}`}</span>
        </h2>
        {claims.length === 0 ? (
          <p className="muted small">{total === 0 ? 'No claims yet. Select text in the article and press Mark claim (n).' : 'No claim matches the filters.'}</p>
        ) : (
          <>
            <ol className="claim-list" data-testid="claim-list">
              {claims.slice(0, head).map(item)}
              {around && (
                <li className="claim-list-gap">
                  <button type="button" className="link-button" onClick={() => setHeld((w) => grown(w, around.from - w.head))}>show the {around.from - head} claims between</button>
                </li>
              )}
              {around && claims.slice(around.from, around.to).map(item)}
            </ol>
            {hasMore && (
              <p ref={more} className="muted small claim-list-more" data-testid="claim-list-more">
                {claims.length - lastShown} more; <button type="button" className="link-button" onClick={() => setHeld((w) => grown(w))}>show more</button> (or scroll on)
              </p>
            )}
          </>
        )}
      </section>
      {needsReview.length > 0 && (
        <section aria-labelledby="review-title" className="needs-review" data-testid="needs-review">
          <h2 id="review-title" className="small-heading">To re-check after text changes</h2>
          <ul className="claim-list">
            {needsReview.map((claim) => (
              <li key={claim.id}>
                <button type="button" className="claim-item" onClick={() => onSelect(claim.id)}>
                  <span className={`anchor-badge anchor-${claim.anchor}`}>{claim.anchor === 'fuzzy' ? 'Fuzzy' : 'Orphaned'}</span>
                  <span className="claim-quote">“{excerpt(claim.quote, 70)}”</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/** Memoised: selecting a claim redraws the two items whose selection changed, not the whole list. */
const ClaimListItem = memo(function ClaimListItem({ claim, selected, colour, onSelect, users }: { claim: WorkspaceClaim; selected: boolean; colour: string; onSelect: (id: string) => void; users: Props['users'] }) {
  const verdict = currentVerdict(claim);
  return (
    <li>
      <button
        type="button"
        className={`claim-item${selected ? ' claim-item-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        data-claim-id={claim.id}
        onClick={() => onSelect(claim.id)}
      >
        <span className="claim-colour" style={{ background: `var(--hl-${colour})` }} aria-hidden="true" />
        <span className="claim-quote">“{excerpt(claim.quote)}”</span>
        <span className="claim-meta">
          <span className={`status-badge status-${claim.status}`}>{STATUS_LABEL[claim.status]}</span>
          {verdict && <span className="verdict-chip">{verdict.ratingLabel}</span>}
          {claim.anchor === 'fuzzy' && <span className="anchor-badge anchor-fuzzy">Fuzzy</span>}
          {claim.anchor === 'orphaned' && <span className="anchor-badge anchor-orphaned">Orphaned</span>}
          {claim.tags.map((t) => <span key={t} className="tag">#{t}</span>)}
          <AssigneeBadge assigneeId={claim.assigneeId} dueAt={claim.dueAt} users={users} />
        </span>
      </button>
    </li>
  );
});
