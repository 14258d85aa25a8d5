import type { Claim } from '../api/types';
import type { Remark } from '../reader/useRemark';

interface Props {
  claim: Claim;
  /** The claim's author or an editor: the API lets only them re-mark it. */
  canEdit: boolean;
  /** An editor: only an editor may correct the words of a claim with a published verdict. */
  editor: boolean;
  remark: Remark;
}

/**
 * After a text change: a fuzzy claim (placed approximately) is confirmed where it is or re-marked; an
 * orphaned claim (its text gone) can only be re-marked. Re-marking takes the article's current
 * selection, or starts a mode in which the next selection (button or `n`) goes to this claim.
 */
export function ReanchorSection({ claim, canEdit, editor, remark }: Props) {
  // A published verdict's words: re-marking them is a correction (API.md, Integrity).
  const published = claim.status === 'resolved';
  const mayRemark = published ? editor : canEdit;
  const fuzzy = claim.anchor === 'fuzzy';
  const orphaned = claim.anchor === 'orphaned';
  const remarking = remark.claimId === claim.id;

  if (!fuzzy && !orphaned) {
    if (remark.doneId !== claim.id) return null;
    return (
      <p className="callout callout-success" role="status" data-testid="reanchor-done">
        This claim is anchored: its place in the current text is confirmed.
      </p>
    );
  }

  const keepSelection = (event: { preventDefault: () => void }): void => event.preventDefault();
  return (
    <section className="callout callout-warning reanchor" aria-labelledby="reanchor-title" data-testid="reanchor">
      <h3 id="reanchor-title" className="reanchor-title">
        {fuzzy ? 'This claim was placed approximately after the text changed. Check it.' : 'This claim’s text is no longer in the article.'}
      </h3>
      <p className="small">
        {fuzzy
          ? 'It now covers the words with the dashed underline (≈) in the article. If they still make the claim, confirm this place; if not, select the right words and re-mark it.'
          : 'The text changed and the claim could not be found in it. Above are its last quote and the words around it. Select the words that make the claim now, then re-mark it.'}
      </p>
      {published && (
        <p className="small">
          <strong>This claim has a published verdict.</strong> Re-marking it changes the words readers see: it is a correction,
          listed in the published report with the earlier words and your note.
        </p>
      )}
      {published && mayRemark && (
        <div className="field">
          <label htmlFor={`correction-note-${claim.id}`}>Correction note (what changed, for readers)</label>
          <textarea id={`correction-note-${claim.id}`} rows={2} value={remark.correctionNote} onChange={(event) => remark.setCorrectionNote(event.target.value)} />
        </div>
      )}
      {!canEdit && !mayRemark ? (
        <p className="small muted">Only the claim’s author or an editor can confirm or re-mark it.</p>
      ) : remarking ? (
        <div className="actions">
          <button type="button" className="button button-small" onClick={remark.cancel}>Cancel re-marking</button>
        </div>
      ) : (
        <div className="actions">
          {fuzzy && (
            <button type="button" className="button button-primary button-small" disabled={remark.busy} onClick={() => remark.confirm(claim)}>
              Confirm this place
            </button>
          )}
          {mayRemark ? (
            <button type="button" className="button button-small" disabled={remark.busy} onMouseDown={keepSelection} onClick={() => remark.request(claim)}>
              {published ? 'Correct: re-mark from selection' : 'Re-mark from selection'}
            </button>
          ) : (
            <span className="small muted">Only an editor can re-mark a claim with a published verdict.</span>
          )}
        </div>
      )}
      <div role="status" data-testid="remark-mode">
        {remarking && (
          <p className="small">
            <strong>Re-marking.</strong> Select the claim’s new text in the article, then press <em>Apply to this claim</em> or <kbd>n</kbd>. <kbd>Esc</kbd> cancels.
          </p>
        )}
      </div>
      {remark.error && <p className="field-error" role="alert">{remark.error}</p>}
    </section>
  );
}
