import { useEffect, useId, useState } from 'react';
import { sources as sourcesApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { FactCheckMatch, Stance } from '../api/types';
import { useNotices } from '../layout/notices';

const STANCES: Array<{ value: Stance; label: string }> = [
  { value: 'supports', label: 'Supports' },
  { value: 'refutes', label: 'Refutes' },
  { value: 'context', label: 'Context' },
];

interface Props {
  /** What to ask for; a new key (the quote typed, the claim changed) asks again after 300 ms. */
  queryKey: string;
  load: (signal: AbortSignal) => Promise<{ items: FactCheckMatch[] }>;
  /** The claim a match can be added to as a source; without it (a claim being marked) only the link is offered. */
  claimId?: string;
  onAdded?: () => void;
}

/**
 * "Checked before?": fact-checks in the library that may already settle the claim (issue 13). The desk
 * leaves out weak matches and flags near-certain ones (CLAIMDESK_MATCH_SHOW / _LIKELY); nothing shows when none.
 */
export function CheckedBefore({ queryKey, load, claimId, onAdded }: Props) {
  const [items, setItems] = useState<FactCheckMatch[]>([]);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');

  useEffect(() => {
    if (!queryKey.trim()) {
      setItems([]);
      setState('idle');
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      setState('loading');
      load(controller.signal).then(
        (answer) => { setItems(answer.items); setState('idle'); },
        () => { if (!controller.signal.aborted) setState('error'); },
      );
    }, 300);
    return () => { window.clearTimeout(timer); controller.abort(); };
    // load changes with every render of the parent; the key says when the question changed.
  }, [queryKey]);

  return (
    <div className="checked-before" data-testid="checked-before" aria-live="polite" aria-busy={state === 'loading'}>
      {state === 'loading' && <p className="muted small">Looking in the fact-check library…</p>}
      {state === 'error' && <p className="muted small" role="status">The fact-check library could not be searched.</p>}
      {state !== 'error' && items.length > 0 && (
        <ul className="checked-before-list" aria-label="Fact-checks that may settle this claim">
          {items.map((match) => <MatchItem key={match.id} match={match} claimId={claimId} onAdded={onAdded} />)}
        </ul>
      )}
    </div>
  );
}

function MatchItem({ match, claimId, onAdded }: { match: FactCheckMatch; claimId?: string; onAdded?: () => void }) {
  const { notify } = useNotices();
  const [choosing, setChoosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const stanceId = useId();
  const add = async (stance: Stance): Promise<void> => {
    if (!claimId) return;
    setBusy(true);
    try {
      await sourcesApi.attach(claimId, { source: { url: match.url, title: match.headline || match.claimReviewed }, stance });
      setChoosing(false);
      onAdded?.();
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'The fact-check could not be added as a source.', 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="checked-before-match" data-testid="checked-before-match">
      {match.likelySame && <strong className="likely-same" data-testid="likely-same">Very likely the same claim</strong>}
      <p className="small">
        {match.rating.label && <span className="rating-label">{match.rating.label}</span>}
        {match.publisher && <span> · {match.publisher}</span>}
        {match.datePublished && <span className="muted"> · {match.datePublished.slice(0, 10)}</span>}
      </p>
      <a href={match.url} target="_blank" rel="noopener noreferrer">{match.claimReviewed || match.headline}</a>
      {claimId && !choosing && (
        <button type="button" className="link-button" onClick={() => setChoosing(true)} aria-label={`Add as source: ${match.claimReviewed || match.url}`}>Add as source</button>
      )}
      {claimId && choosing && (
        <fieldset className="stance-choice" disabled={busy}>
          <legend id={stanceId}>Stance of this fact-check towards the claim</legend>
          {STANCES.map((s) => (
            <button key={s.value} type="button" className="button button-small" onClick={() => void add(s.value)}>{s.label}</button>
          ))}
          <button type="button" className="button button-small button-quiet" onClick={() => setChoosing(false)}>Cancel</button>
        </fieldset>
      )}
    </li>
  );
}
