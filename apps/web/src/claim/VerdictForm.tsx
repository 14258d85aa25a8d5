import { FormEvent, useState } from 'react';
import { verdicts as verdictsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { CreateVerdict, RatingScale, Verdict } from '../api/types';
import { describedBy, FieldError } from '../layout/FieldError';
import { useDraft } from '../lib/useDraft';
import { ConflictChoice } from './ConflictChoice';

export const DEFAULT_SCALE = 'claimdesk-6';

interface Values {
  scaleId: string;
  rating: string;
  confidence: string;
  correctionNote: string;
}

type Mode =
  | { kind: 'new' }
  | { kind: 'correct'; supersedes: Verdict }
  | { kind: 'edit'; verdict: Verdict };

interface Props {
  claimId: string;
  mode: Mode;
  scales: ReadonlyMap<string, RatingScale>;
  /** Called after a save; `submit` is true when the user asked to submit the saved draft. */
  onSaved: (verdict: Verdict, submit: boolean) => Promise<void> | void;
  onCancel?: () => void;
  /** A newer version saved by someone else while this form is open (edit mode). */
  newerVersion?: Verdict | null;
}

const initial = (mode: Mode): Values => {
  const from = mode.kind === 'edit' ? mode.verdict : mode.kind === 'correct' ? mode.supersedes : null;
  return {
    scaleId: from?.scaleId ?? DEFAULT_SCALE,
    rating: mode.kind === 'edit' ? mode.verdict.rating : '',
    confidence: mode.kind === 'edit' && mode.verdict.confidence !== null ? String(Math.round(mode.verdict.confidence * 100)) : '',
    correctionNote: mode.kind === 'edit' ? mode.verdict.correctionNote ?? '' : '',
  };
};

/** Drafting a verdict, editing one's own draft, or drafting a correction of a published verdict. */
export function VerdictForm({ claimId, mode, scales, onSaved, onCancel, newerVersion }: Props) {
  const [values, setValues] = useState<Values>(() => initial(mode));
  // The rationale is the reviewer's own words: kept as a draft until saved.
  const [rationale, setRationale, clearRationale] = useDraft(
    `rationale:${claimId}:${mode.kind === 'edit' ? mode.verdict.id : mode.kind}`,
    mode.kind === 'edit' ? mode.verdict.rationale ?? '' : '',
  );
  const [base, setBase] = useState(mode.kind === 'edit' ? mode.verdict.version : 0);
  const [error, setError] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Values, value: string): void => setValues((v) => ({ ...v, [key]: value }));
  const scale = scales.get(values.scaleId);
  const prefix = `verdict-${mode.kind === 'edit' ? mode.verdict.id : mode.kind}`;
  const correcting = mode.kind === 'correct' || (mode.kind === 'edit' && mode.verdict.supersedes !== null);

  const confidence = (): number | null => (values.confidence.trim() === '' ? null : Number(values.confidence) / 100);

  const save = async (submit: boolean, version = base): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      let saved: Verdict;
      if (mode.kind === 'edit') {
        saved = await verdictsApi.update(mode.verdict.id, {
          rating: values.rating, rationale, confidence: confidence(),
          ...(correcting ? { correctionNote: values.correctionNote } : {}),
        }, version);
        setBase(saved.version);
      } else {
        const body: CreateVerdict = { scaleId: values.scaleId, rating: values.rating };
        if (rationale.trim()) body.rationale = rationale;
        if (confidence() !== null) body.confidence = confidence();
        if (mode.kind === 'correct') {
          body.supersedes = mode.supersedes.id;
          body.correctionNote = values.correctionNote;
        }
        saved = await verdictsApi.create(claimId, body);
      }
      setConflict(null);
      clearRationale();
      await onSaved(saved, submit);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict' && mode.kind === 'edit') setConflict(await verdictsApi.get(mode.verdict.id));
      else setError(e instanceof ApiError ? e : new ApiError({ title: 'Error', status: 0, code: 'unknown', detail: 'The verdict could not be saved.' }));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void save(false);
  };
  const label = (key: string): string => scale?.levels.find((l) => l.key === key)?.label ?? key;

  return (
    <form className="verdict-form" onSubmit={submit} aria-label={mode.kind === 'edit' ? 'Edit your draft verdict' : mode.kind === 'correct' ? 'Correct the published verdict' : 'Draft a verdict'}>
      {newerVersion && !conflict && newerVersion.version > base && (
        <p className="callout callout-warning" role="alert" data-testid="changed-underneath">This draft was changed elsewhere while you were editing. Saving will show both versions.</p>
      )}
      {conflict && (
        <ConflictChoice
          who="Someone"
          fields={[
            { label: 'Rating', mine: label(values.rating), theirs: conflict.ratingLabel },
            { label: 'Rationale', mine: rationale, theirs: conflict.rationale ?? '' },
            { label: 'Confidence', mine: values.confidence ? `${values.confidence}%` : '', theirs: conflict.confidence === null ? '' : `${Math.round(conflict.confidence * 100)}%` },
          ]}
          onKeepMine={() => { setBase(conflict.version); void save(false, conflict.version); }}
          onUseTheirs={() => {
            setValues({ ...values, rating: conflict.rating, confidence: conflict.confidence === null ? '' : String(Math.round(conflict.confidence * 100)) });
            setRationale(conflict.rationale ?? '');
            setBase(conflict.version);
            setConflict(null);
          }}
        />
      )}
      {mode.kind !== 'edit' && (
        <div className="field">
          <label htmlFor={`${prefix}-scale`}>Rating scale</label>
          <select id={`${prefix}-scale`} value={values.scaleId} onChange={(e) => { set('scaleId', e.target.value); set('rating', ''); }} disabled={mode.kind === 'correct'}>
            {[...scales.values()].map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            {scales.size === 0 && <option value={DEFAULT_SCALE}>{DEFAULT_SCALE}</option>}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${prefix}-rating`}>Rating</label>
        <select id={`${prefix}-rating`} value={values.rating} onChange={(e) => set('rating', e.target.value)} required aria-invalid={!!error?.fieldError('rating')} aria-describedby={describedBy(`${prefix}-rating`, error?.fieldError('rating'))}>
          <option value="">Choose a rating…</option>
          {(scale?.levels ?? []).map((l) => <option key={l.key} value={l.key} title={l.description ?? undefined}>{l.label}</option>)}
        </select>
        <FieldError fieldId={`${prefix}-rating`} message={error?.fieldError('rating')} />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-rationale`}>Rationale</label>
        <textarea id={`${prefix}-rationale`} rows={4} value={rationale} onChange={(e) => setRationale(e.target.value)} aria-invalid={!!error?.fieldError('rationale')} aria-describedby={describedBy(`${prefix}-rationale`, error?.fieldError('rationale'))} />
        <FieldError fieldId={`${prefix}-rationale`} message={error?.fieldError('rationale')} />
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${prefix}-confidence`}>Confidence (%)</label>
        <input id={`${prefix}-confidence`} type="number" min={0} max={100} step={5} value={values.confidence} onChange={(e) => set('confidence', e.target.value)} aria-invalid={!!error?.fieldError('confidence')} aria-describedby={describedBy(`${prefix}-confidence`, error?.fieldError('confidence'))} />
        <FieldError fieldId={`${prefix}-confidence`} message={error?.fieldError('confidence')} />
      </div>
      {correcting && (
        <div className="field">
          <label htmlFor={`${prefix}-correction`}>Correction note <span className="muted">(required: what changed and why)</span></label>
          <textarea id={`${prefix}-correction`} rows={2} value={values.correctionNote} onChange={(e) => set('correctionNote', e.target.value)} required aria-invalid={!!error?.fieldError('correctionNote')} aria-describedby={describedBy(`${prefix}-correction`, error?.fieldError('correctionNote'))} />
          <FieldError fieldId={`${prefix}-correction`} message={error?.fieldError('correctionNote')} />
        </div>
      )}
      {error && <p className="field-error" role="alert">{error.message}</p>}
      <div className="actions">
        <button type="submit" className="button button-small" disabled={busy || !values.rating}>{mode.kind === 'edit' ? 'Save draft' : 'Create draft'}</button>
        {mode.kind === 'edit' && (
          <button type="button" className="button button-small button-primary" disabled={busy || !values.rating} onClick={() => void save(true)}>Submit for review</button>
        )}
        {onCancel && (
          <button type="button" className="button button-small button-quiet" onClick={() => {
            if (rationale !== (mode.kind === 'edit' ? mode.verdict.rationale ?? '' : '') && !window.confirm('Discard the rationale you wrote?')) return;
            clearRationale();
            onCancel();
          }}>Cancel</button>
        )}
      </div>
    </form>
  );
}
