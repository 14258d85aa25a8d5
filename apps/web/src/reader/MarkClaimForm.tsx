import { FormEvent, useEffect, useRef, useState } from 'react';
import { factChecks } from '../api/desk';
import { ApiError } from '../api/http';
import { CheckedBefore } from '../claim/CheckedBefore';
import { findQuote } from '../lib/find-quote';
import type { QuoteSelector } from '../lib/quote-selector';

export interface MarkedClaimFields {
  claimant: string;
  claimReviewed: string;
  tags: string[];
}

/** What the reviewer selected: its words with their context, the text they were selected in, and the speaker of the turn. */
export interface Marking {
  selector: QuoteSelector;
  selectedIn: string;
  speaker: string | null;
}

interface Props {
  marking: Marking;
  /** The article's text now: a colleague may have revised it since the selection. */
  text: string;
  onSave: (fields: MarkedClaimFields) => Promise<void>;
  onCancel: () => void;
}

/** Where the marked words are in the current text, when it changed since they were selected. */
function placeNow(marking: Marking, text: string): { moved: boolean; found: boolean; before: string; after: string } {
  if (text === marking.selectedIn) return { moved: false, found: true, before: '', after: '' };
  const { exact, prefix, suffix } = marking.selector;
  const found = findQuote(text, { quote: exact, prefix, suffix });
  if (!found) return { moved: true, found: false, before: '', after: '' };
  return { moved: true, found: true, before: text.slice(Math.max(0, found.start - 40), found.start), after: text.slice(found.end, found.end + 40) };
}

/**
 * The claim about to be marked: its quote, and who claimed what, filled in at once. It is saved by its
 * words and context, so a revision saved by a colleague meanwhile cannot shift it onto other words;
 * the form shows where the words are now, or that they are gone.
 */
export function MarkClaimForm({ marking, text, onSave, onCancel }: Props) {
  const [claimant, setClaimant] = useState(marking.speaker ?? '');
  const [claimReviewed, setClaimReviewed] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const now = placeNow(marking, text);
  const matchText = [marking.selector.exact, claimReviewed.trim()].filter(Boolean).join('\n');

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
      <blockquote className="quote" data-testid="mark-quote">{marking.selector.exact}</blockquote>
      {now.moved && (
        now.found ? (
          <p className="callout callout-warning" role="status" data-testid="mark-moved">
            The article was updated while you were marking. The claim will be saved on the same words in the new text:{' '}
            <span className="muted">…{now.before}</span><mark>{marking.selector.exact}</mark><span className="muted">{now.after}…</span>
          </p>
        ) : (
          <p className="callout callout-warning" role="alert" data-testid="mark-gone">
            The article was updated while you were marking, and these words are no longer in it (or now occur more than once). Cancel and select them again.
          </p>
        )
      )}
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
      {/* Links only: a match becomes a source from the claim's panel, once the claim is saved. */}
      <section className="checked-before-section" aria-labelledby="mark-checked-before">
        <h3 id="mark-checked-before" className="small-heading">Checked before?</h3>
        <CheckedBefore queryKey={matchText} load={(signal) => factChecks.similarToText(matchText, { signal })} />
      </section>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || !now.found}>{busy ? 'Saving…' : 'Save claim'}</button>
        <button type="button" className="button button-quiet" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
