import { FormEvent, useEffect, useState } from 'react';
import { work } from '../api/desk';
import { ApiError } from '../api/http';
import type { User, WorkspaceClaim } from '../api/types';
import { isEditor, useCurrentUser } from '../auth/session';
import { AssigneeBadge } from './AssigneeBadge';
import { fromDateInput, toDateInput } from './due';

interface Props {
  claim: WorkspaceClaim;
  users: Record<string, { displayName: string }>;
  reload: () => void;
}

/**
 * Who works on the claim and until when (API.md, "Work"): editors assign anyone with a due date;
 * a reviewer takes an unassigned claim or gives back their own.
 */
export function AssignControl({ claim, users, reload }: Props) {
  const me = useCurrentUser();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const assign = async (assigneeId: string | null, dueAt?: string | null): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work.assignClaim(claim.id, { assigneeId, dueAt }, claim.version);
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The assignment could not be saved.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="assignment" aria-labelledby="assignment-title" data-testid="assignment">
      <h3 id="assignment-title" className="small-heading">Assignment</h3>
      {claim.assigneeId || claim.dueAt ? <AssigneeBadge assigneeId={claim.assigneeId} dueAt={claim.dueAt} users={users} /> : <p className="muted small">Nobody is assigned.</p>}
      {isEditor(me) ? (
        <EditorAssign claim={claim} busy={busy} onAssign={assign} />
      ) : (
        <div className="assignment-actions">
          {claim.assigneeId === null && <button type="button" className="button button-small" disabled={busy} onClick={() => void assign(me.id)}>Take</button>}
          {claim.assigneeId === me.id && <button type="button" className="button button-small" disabled={busy} onClick={() => void assign(null)}>Give back</button>}
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </section>
  );
}

function EditorAssign({ claim, busy, onAssign }: { claim: WorkspaceClaim; busy: boolean; onAssign: (assigneeId: string | null, dueAt: string | null) => Promise<void> }) {
  const [people, setPeople] = useState<User[]>([]);
  const [assignee, setAssignee] = useState(claim.assigneeId ?? '');
  const [due, setDue] = useState(toDateInput(claim.dueAt));
  useEffect(() => {
    let live = true;
    void work.people().then((page) => live && setPeople(page.items.filter((u) => !u.disabled))).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    setAssignee(claim.assigneeId ?? '');
    setDue(toDateInput(claim.dueAt));
  }, [claim.assigneeId, claim.dueAt]);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void onAssign(assignee || null, fromDateInput(due));
  };
  return (
    <form className="assignment-form" onSubmit={submit} aria-label="Assign the claim">
      <label htmlFor="assign-user">Assignee</label>
      <select id="assign-user" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
        <option value="">Nobody</option>
        {people.map((user) => <option key={user.id} value={user.id}>{user.displayName}</option>)}
      </select>
      <label htmlFor="assign-due">Due date</label>
      <input id="assign-due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      <button type="submit" className="button button-small" disabled={busy}>Assign</button>
    </form>
  );
}
