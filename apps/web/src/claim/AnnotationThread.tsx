import { FormEvent, useEffect, useRef, useState } from 'react';
import { annotations as annotationsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { Annotation, Motivation, User, Workspace } from '../api/types';
import { isEditor } from '../auth/session';
import { formatDateTime } from '../lib/format';
import { useDraft } from '../lib/useDraft';
import { useNotices } from '../layout/notices';
import { ConflictChoice } from './ConflictChoice';
import { Markdown } from './Markdown';
import { MentionField } from './MentionField';

const MOTIVATIONS: Array<{ value: Motivation; label: string }> = [
  { value: 'commenting', label: 'Comment' },
  { value: 'questioning', label: 'Question' },
  { value: 'assessing', label: 'Assessment' },
  { value: 'tagging', label: 'Tag' },
];

interface Props {
  claimId: string;
  items: Annotation[];
  me: User;
  users: Workspace['users'];
  reload: () => void;
}

/** The reviewers' discussion of a claim: threaded notes in Markdown. */
export function AnnotationThread({ claimId, items, me, users, reload }: Props) {
  const depth = new Map<string, number>();
  for (const a of items) depth.set(a.id, a.parentId ? (depth.get(a.parentId) ?? 0) + 1 : 0);
  return (
    <div className="thread">
      {items.length === 0 && <p className="muted small">No notes yet.</p>}
      <ol className="thread-list" data-testid="annotations">
        {items.map((a) => (
          <li key={a.id} style={{ marginInlineStart: `${Math.min(depth.get(a.id) ?? 0, 4) * 1.25}rem` }}>
            <AnnotationItem annotation={a} claimId={claimId} me={me} users={users} reload={reload} />
          </li>
        ))}
      </ol>
      <AnnotationForm claimId={claimId} reload={reload} label="Add a note" />
    </div>
  );
}

function AnnotationItem({ annotation, claimId, me, users, reload }: { annotation: Annotation; claimId: string; me: User; users: Workspace['users']; reload: () => void }) {
  const { notify } = useNotices();
  const [mode, setMode] = useState<'view' | 'reply' | 'edit'>('view');
  const [draft, setDraft, clearDraft] = useDraft(`edit:${annotation.id}`, annotation.body ?? '');
  const [base, setBase] = useState(annotation.version);
  const editing = useRef<HTMLTextAreaElement>(null);
  // A draft of an edit left behind (another claim opened, a reload) reopens the editor.
  useEffect(() => {
    if (draft !== (annotation.body ?? '') && mode === 'view') setMode('edit');
    // only when the note first shows
  }, []);
  const [conflict, setConflict] = useState<Annotation | null>(null);
  const author = users[annotation.authorId]?.displayName ?? 'A reviewer';
  const mine = annotation.authorId === me.id;

  if (annotation.deleted || annotation.body === null) {
    return <article className="note note-deleted"><p className="muted">This note was deleted.</p></article>;
  }

  const saveEdit = async (version: number): Promise<void> => {
    try {
      await annotationsApi.update(annotation.id, draft, version);
      clearDraft();
      setMode('view');
      setConflict(null);
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        setConflict(await annotationsApi.get(annotation.id).catch(() => null));
        return;
      }
      notify(e instanceof ApiError ? e.message : 'The note could not be saved.', 'error');
    }
  };

  const remove = async (): Promise<void> => {
    if (!window.confirm('Delete this note?')) return;
    try {
      await annotationsApi.remove(annotation.id);
      reload();
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'The note could not be deleted.', 'error');
    }
  };

  return (
    <article className={`note note-${annotation.motivation}`} data-testid="annotation">
      <header className="note-head">
        <strong>{author}</strong>
        {annotation.motivation !== 'commenting' && <span className="motivation">{MOTIVATIONS.find((m) => m.value === annotation.motivation)?.label}</span>}
        <time dateTime={annotation.createdAt}>{formatDateTime(annotation.createdAt)}</time>
        {annotation.editedAt && <span className="muted">(edited)</span>}
        {annotation.origin && (
          <span className="muted" data-testid="note-origin">
            imported{annotation.origin.author ? ` · by ${annotation.origin.author}` : ''}{annotation.origin.createdAt ? ` · ${formatDateTime(annotation.origin.createdAt)}` : ''}
          </span>
        )}
      </header>
      {mode === 'edit' ? (
        <form onSubmit={(e) => { e.preventDefault(); void saveEdit(base); }}>
          {conflict && (
            <ConflictChoice
              who="Someone"
              fields={[{ label: 'Note', mine: draft, theirs: conflict.body ?? '' }]}
              onKeepMine={() => { setBase(conflict.version); void saveEdit(conflict.version); }}
              onUseTheirs={() => { setConflict(null); setMode('view'); reload(); }}
            />
          )}
          {!conflict && annotation.version > base && (
            <p className="changed-underneath" role="alert" data-testid="note-changed-underneath">
              Someone changed this note while you were editing it. Saving will ask which version to keep.
            </p>
          )}
          <label htmlFor={`edit-${annotation.id}`} className="visually-hidden">Edit note</label>
          <MentionField id={`edit-${annotation.id}`} textareaRef={editing} rows={4} value={draft} onChange={setDraft} />
          <div className="actions">
            <button type="submit" className="button button-small button-primary" disabled={!draft.trim()}>Save</button>
            <button type="button" className="button button-small button-quiet" onClick={() => {
              if (draft !== (annotation.body ?? '') && !window.confirm('Discard your changes to this note?')) return;
              clearDraft();
              setMode('view');
              setConflict(null);
            }}>Cancel</button>
          </div>
        </form>
      ) : (
        <Markdown source={annotation.body} />
      )}
      {mode === 'view' && (
        <div className="note-actions">
          <button type="button" className="link-button" onClick={() => setMode('reply')}>Reply</button>
          {mine && <button type="button" className="link-button" onClick={() => { setBase(annotation.version); setMode('edit'); window.setTimeout(() => editing.current?.focus(), 0); }}>Edit</button>}
          {(mine || isEditor(me)) && <button type="button" className="link-button" onClick={() => void remove()}>Delete</button>}
        </div>
      )}
      {mode === 'reply' && <AnnotationForm claimId={claimId} parentId={annotation.id} label={`Reply to ${author}`} reload={reload} onDone={() => setMode('view')} />}
    </article>
  );
}

function AnnotationForm({ claimId, parentId, label, reload, onDone }: { claimId: string; parentId?: string; label: string; reload: () => void; onDone?: () => void }) {
  const { notify } = useNotices();
  const [body, setBody, clearBody] = useDraft(`note:${claimId}:${parentId ?? 'new'}`);
  const [motivation, setMotivation] = useState<Motivation>('commenting');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = `note-${parentId ?? 'new'}`;
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      await annotationsApi.create(claimId, { body, motivation, ...(parentId ? { parentId } : {}) });
      clearBody();
      reload();
      onDone?.();
      // Keep the keyboard where the reviewer was: ready for the next note.
      if (!onDone) window.setTimeout(() => field.current?.focus(), 0);
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'The note could not be saved.', 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="note-form" onSubmit={submit}>
      <label htmlFor={fieldId}>{label} <span className="muted">(Markdown; @ to mention someone)</span></label>
      <MentionField id={fieldId} textareaRef={field} rows={3} value={body} onChange={setBody} autoFocus={!!parentId} />
      <div className="actions">
        {!parentId && (
          <>
            <label htmlFor={`${fieldId}-motivation`} className="visually-hidden">Kind of note</label>
            <select id={`${fieldId}-motivation`} value={motivation} onChange={(e) => setMotivation(e.target.value as Motivation)}>
              {MOTIVATIONS.map((m) => <option key={m.value} value={m.value}>{m.label}</option>)}
            </select>
          </>
        )}
        <button type="submit" className="button button-small button-primary" disabled={busy || !body.trim()}>{parentId ? 'Reply' : 'Add note'}</button>
        {onDone && (
          <button type="button" className="button button-small button-quiet" onClick={() => {
            if (body.trim() && !window.confirm('Discard this reply?')) return;
            clearBody();
            onDone();
          }}>Cancel</button>
        )}
      </div>
    </form>
  );
}
