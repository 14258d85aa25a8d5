import { FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/http';
import type { ClaimSpanSelection } from '../lib/offsets';

export interface MarkedClaimFields {
  claimant: string;
  claimReviewed: string;
  tags: string[];
}

interface Props {
  selection: ClaimSpanSelection;
  onSave: (fields: MarkedClaimFields) => Promise<void>;
  onCancel: () => void;
}

/** The claim about to be marked: its quote, and who claimed what, filled in at once. */
export function MarkClaimForm({ selection, onSave, onCancel }: Props) {
  const [claimant, setClaimant] = useState('');
  const [claimReviewed, setClaimReviewed] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await onSave({ claimant: claimant.trim(), claimReviewed: claimReviewed.trim(), tags: tags.split(',').map((t) => t.trim()).filter(Boolean) });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The claim could not be saved.');
      setBusy(false);
    }
  };

  return (
    <form className="mark-form" onSubmit={submit} aria-labelledby="mark-title" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onCancel(); } }}>
      <h2 id="mark-title" className="small-heading">Mark a claim</h2>
      <blockquote className="quote" data-testid="mark-quote">{selection.quote}</blockquote>
      <div className="field-row">
        <div className="field">
          <label htmlFor="mark-claimant">Claimant</label>
          <input id="mark-claimant" ref={first} value={claimant} onChange={(e) => setClaimant(e.target.value)} placeholder="Who made the claim" />
        </div>
        <div className="field">
          <label htmlFor="mark-tags">Tags <span className="muted">(comma-separated)</span></label>
          <input id="mark-tags" value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="mark-claim-reviewed">Claim in one line</label>
        <input id="mark-claim-reviewed" value={claimReviewed} onChange={(e) => setClaimReviewed(e.target.value)} placeholder="The claim as the report will state it" />
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>{busy ? 'Saving…' : 'Save claim'}</button>
        <button type="button" className="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
