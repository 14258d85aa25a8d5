import { useState } from 'react';
import { verdicts as verdictsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { RatingScale, User, Verdict, VerdictAction, VerdictStep, Workspace } from '../api/types';
import { isEditor } from '../auth/session';
import { formatDateTime } from '../lib/format';
import { useNotices } from '../layout/notices';
import { VerdictForm } from './VerdictForm';

const STATUS: Record<Verdict['status'], string> = { draft: 'Draft', submitted: 'Submitted', approved: 'Approved', published: 'Published', retracted: 'Retracted' };
const OPEN: ReadonlyArray<Verdict['status']> = ['draft', 'submitted', 'approved'];
const DONE: Record<VerdictAction, string> = { submit: 'submitted', approve: 'approved', reject: 'sent back to its author', publish: 'published', retract: 'retracted' };

interface Props {
  claimId: string;
  items: Verdict[];
  me: User;
  users: Workspace['users'];
  scales: ReadonlyMap<string, RatingScale>;
  reload: () => void;
}

/** The claim's verdicts and the workflow steps the user's role allows. */
export function VerdictSection({ claimId, items, me, users, scales, reload }: Props) {
  const { notify } = useNotices();
  const [correcting, setCorrecting] = useState<Verdict | null>(null);
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const myDraft = newestFirst.find((v) => v.status === 'draft' && v.authorId === me.id) ?? null;
  const anyOpen = newestFirst.some((v) => OPEN.includes(v.status));
  const published = newestFirst.find((v) => v.status === 'published') ?? null;

  const transition = async (verdict: Verdict, step: VerdictStep): Promise<void> => {
    try {
      await verdictsApi.transition(verdict.id, step, verdict.version);
      notify(`Verdict ${DONE[step.action]}.`, 'success');
      reload();
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'That did not work.', 'error');
      reload();
    }
  };

  const afterSave = async (verdict: Verdict, submit: boolean): Promise<void> => {
    setCorrecting(null);
    if (submit) await transition(verdict, { action: 'submit' });
    else {
      notify('Draft saved.', 'success');
      reload();
    }
  };

  return (
    <div className="verdicts" data-testid="verdicts">
      {newestFirst.map((v) => (
        <VerdictCard key={v.id} verdict={v} me={me} users={users} onTransition={transition} onCorrect={() => setCorrecting(v)} showCorrect={v === published && !anyOpen && !correcting} />
      ))}
      {myDraft && <VerdictForm key={`${myDraft.id}`} claimId={claimId} mode={{ kind: 'edit', verdict: myDraft }} scales={scales} onSaved={afterSave} newerVersion={myDraft} />}
      {correcting && <VerdictForm claimId={claimId} mode={{ kind: 'correct', supersedes: correcting }} scales={scales} onSaved={afterSave} onCancel={() => setCorrecting(null)} />}
      {!anyOpen && !published && !correcting && (
        <>
          {newestFirst.length === 0 && <p className="muted small">No verdict yet.</p>}
          <VerdictForm claimId={claimId} mode={{ kind: 'new' }} scales={scales} onSaved={afterSave} />
        </>
      )}
    </div>
  );
}

interface CardProps {
  verdict: Verdict;
  me: User;
  users: Workspace['users'];
  showCorrect: boolean;
  onTransition: (verdict: Verdict, step: Exclude<VerdictStep, { action: 'submit' }>) => Promise<void>;
  onCorrect: () => void;
}

function VerdictCard({ verdict, me, users, showCorrect, onTransition, onCorrect }: CardProps) {
  const name = (id: string | null): string => (id && users[id]?.displayName) || 'a reviewer';
  const editor = isEditor(me);
  const notAuthor = verdict.authorId !== me.id;
  return (
    <article className={`verdict verdict-${verdict.status}`} data-testid="verdict" data-status={verdict.status}>
      <header className="verdict-head">
        <span className="verdict-rating" data-testid="verdict-rating">{verdict.ratingLabel}</span>
        <span className={`verdict-status vs-${verdict.status}`} data-testid="verdict-status">{STATUS[verdict.status]}</span>
      </header>
      {verdict.rationale && <p className="rationale">{verdict.rationale}</p>}
      <p className="small muted">
        By {name(verdict.authorId)}
        {verdict.confidence !== null && ` · confidence ${Math.round(verdict.confidence * 100)}%`}
        {verdict.reviewedBy && ` · reviewed by ${name(verdict.reviewedBy)}`}
        {verdict.publishedAt && ` · published ${formatDateTime(verdict.publishedAt)}`}
      </p>
      {verdict.reviewNote && <p className="callout small"><strong>Editor’s note:</strong> {verdict.reviewNote}</p>}
      {verdict.correctionNote && <p className="callout small"><strong>Correction:</strong> {verdict.correctionNote}</p>}
      <div className="actions">
        {verdict.status === 'submitted' && editor && notAuthor && (
          <>
            <button type="button" className="button button-small button-primary" onClick={() => void onTransition(verdict, { action: 'approve' })}>Approve</button>
            <NoteAction label="Reject" verb="Send back" onConfirm={(note) => onTransition(verdict, { action: 'reject', note })} />
          </>
        )}
        {verdict.status === 'approved' && editor && notAuthor && (
          <button type="button" className="button button-small button-primary" onClick={() => void onTransition(verdict, { action: 'publish' })}>Publish</button>
        )}
        {verdict.status === 'published' && editor && <NoteAction label="Retract" verb="Retract" danger onConfirm={(note) => onTransition(verdict, { action: 'retract', note })} />}
        {showCorrect && <button type="button" className="button button-small" onClick={onCorrect}>Correct</button>}
      </div>
      {(verdict.status === 'submitted' || verdict.status === 'approved') && editor && !notAuthor && (
        <p className="small muted">Another editor approves and publishes your verdicts.</p>
      )}
    </article>
  );
}

/** A workflow step that needs a note (reject, retract): the button opens the note field. */
function NoteAction({ label, verb, danger, onConfirm }: { label: string; verb: string; danger?: boolean; onConfirm: (note: string) => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const id = `note-${label.toLowerCase()}`;
  if (!open) return <button type="button" className={`button button-small${danger ? ' button-danger' : ''}`} onClick={() => setOpen(true)}>{label}…</button>;
  return (
    <form className="note-action" onSubmit={(e) => { e.preventDefault(); void onConfirm(note).then(() => setOpen(false)); }}>
      <label htmlFor={id}>Note for the author (required)</label>
      <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
      <div className="actions">
        <button type="submit" className={`button button-small${danger ? ' button-danger' : ' button-primary'}`} disabled={!note.trim()}>{verb}</button>
        <button type="button" className="button button-small button-quiet" onClick={() => setOpen(false)}>Cancel</button>
      </div>
    </form>
  );
}
