import { forwardRef } from 'react';
import type { RevisionResult, WorkspaceClaim } from '../api/types';
import { describeReanchor, flaggedClaims, needsRecheck } from '../lib/reanchor-summary';
import { articlePath, Link } from '../routing/router';

interface Props {
  articleId: string;
  result: RevisionResult;
  /** The revision the text was at before the change (the same as the result's when nothing changed). */
  previousRevision: number;
  /** The claims as they are now: a flagged claim that has since been confirmed or re-marked shows as done. */
  claims: WorkspaceClaim[];
  onDismiss: () => void;
}

const excerpt = (quote: string, max = 80): string => (quote.length > max ? `${quote.slice(0, max - 1)}…` : quote);

/**
 * What a text correction did to the claims, and the ones a reviewer now has to look at, each a link
 * that opens it. It sits in an aria-live region of the reading view and takes focus when it appears.
 */
export const RevisionOutcome = forwardRef<HTMLHeadingElement, Props>(function RevisionOutcome({ articleId, result, previousRevision, claims, onDismiss }, heading) {
  const { article, reanchor } = result;
  const unchanged = article.revision === previousRevision;
  const flagged = flaggedClaims(reanchor);
  const byId = new Map(claims.map((c) => [c.id, c]));
  return (
    <section className={`revise-outcome${flagged.length ? ' revise-outcome-attention' : ''}`} aria-labelledby="revise-outcome-title" data-testid="revise-outcome">
      <div className="revise-outcome-head">
        <h2 id="revise-outcome-title" ref={heading} tabIndex={-1}>
          {unchanged ? 'The text is unchanged' : `Text updated: revision ${article.revision}`}
        </h2>
        <button type="button" className="icon-button" onClick={onDismiss} aria-label="Dismiss the update summary">×</button>
      </div>
      <p data-testid="revise-summary">
        {unchanged ? 'The new text is the same as the current one once normalised, so no revision was made and every claim stays where it was.' : `${describeReanchor(reanchor)}.`}
      </p>
      {!unchanged && flagged.length > 0 && (
        <>
          <p className="small">Check {flagged.length === 1 ? 'this claim' : 'these claims'}:</p>
          <ul className="flagged-list" data-testid="flagged-claims">
            {flagged.map((entry) => {
              const claim = byId.get(entry.id);
              const done = claim ? !needsRecheck(claim.anchor) : false;
              return (
                <li key={entry.id} data-claim-id={entry.id} data-done={done || undefined}>
                  <span className={`anchor-badge anchor-${entry.status}`}>{entry.status === 'fuzzy' ? 'Needs confirmation' : 'Lost its text'}</span>{' '}
                  <Link href={articlePath(articleId, entry.id)}>{claim ? `“${excerpt(claim.quote)}”` : 'Open the claim'}</Link>
                  {done && <span className="done-mark"> ✓ done</span>}
                  {!claim && <span className="muted"> (deleted)</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});
