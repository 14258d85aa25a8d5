import { FormEvent, useState } from 'react';
import { claims as claimsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { Claim, LiveEvent, User, Workspace } from '../api/types';
import { isEditor } from '../auth/session';
import { useNotices } from '../layout/notices';
import { ConflictChoice } from './ConflictChoice';

interface Fields {
  claimant: string;
  claimReviewed: string;
  tags: string;
}

const fieldsOf = (claim: Claim): Fields => ({ claimant: claim.claimant ?? '', claimReviewed: claim.claimReviewed ?? '', tags: claim.tags.join(', ') });
const tagList = (tags: string): string[] => tags.split(',').map((t) => t.trim()).filter(Boolean);

interface Props {
  claim: Claim;
  me: User;
  users: Workspace['users'];
  changes: LiveEvent[];
  reload: () => void;
  onDeleted: () => void;
}

/**
 * Who claimed what, and tags: shown, and edited with If-Match. A change saved by someone else while
 * the form is open is announced at once; a save on a stale version shows both versions to choose from.
 */
export function ClaimDetails({ claim, me, users, changes, reload, onDeleted }: Props) {
  const { notify } = useNotices();
  const [editing, setEditing] = useState<{ base: Claim; fields: Fields } | null>(null);
  const [conflict, setConflict] = useState<Claim | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canEdit = claim.createdBy === me.id || isEditor(me);
  const nameOf = (id: string | null | undefined): string => (id && users[id]?.displayName) || 'Another reviewer';

  const changedUnderneath = editing && claim.version > editing.base.version;
  const changedBy = changes.filter((c) => c.type === 'claim.updated' || c.type === 'claim.corrected').at(-1)?.actorId;

  const save = async (fields: Fields, version: number): Promise<void> => {
    setError(null);
    try {
      await claimsApi.update(claim.id, { claimant: fields.claimant.trim() || null, claimReviewed: fields.claimReviewed.trim() || null, tags: tagList(fields.tags) }, version);
      setEditing(null);
      setConflict(null);
      notify('Claim saved.', 'success');
      reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') {
        setConflict(await claimsApi.get(claim.id));
        return;
      }
      setError(e instanceof ApiError ? e.message : 'The claim could not be saved.');
    }
  };

  const remove = async (): Promise<void> => {
    if (!window.confirm('Delete this claim with its notes, sources and verdicts?')) return;
    try {
      await claimsApi.remove(claim.id, claim.version);
      notify('Claim deleted.', 'success');
      onDeleted();
      reload();
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'The claim could not be deleted.', 'error');
    }
  };

  if (editing) {
    const set = (key: keyof Fields, value: string): void => setEditing({ ...editing, fields: { ...editing.fields, [key]: value } });
    const submit = (event: FormEvent): void => {
      event.preventDefault();
      void save(editing.fields, editing.base.version);
    };
    return (
      <form className="claim-details" onSubmit={submit} aria-label="Edit claim">
        {changedUnderneath && !conflict && (
          <p className="callout callout-warning" role="alert" data-testid="changed-underneath">
            {nameOf(changedBy)} changed this claim while you were editing. Saving will show both versions.
          </p>
        )}
        {conflict && (
          <ConflictChoice
            who={nameOf(changedBy ?? null)}
            fields={[
              { label: 'Claimant', mine: editing.fields.claimant.trim(), theirs: conflict.claimant ?? '' },
              { label: 'Claim in one line', mine: editing.fields.claimReviewed.trim(), theirs: conflict.claimReviewed ?? '' },
              { label: 'Tags', mine: tagList(editing.fields.tags).join(', '), theirs: conflict.tags.join(', ') },
            ]}
            onKeepMine={() => void save(editing.fields, conflict.version)}
            onUseTheirs={() => { setConflict(null); setEditing(null); reload(); }}
          />
        )}
        <div className="field">
          <label htmlFor="claim-claimant">Claimant</label>
          <input id="claim-claimant" value={editing.fields.claimant} onChange={(e) => set('claimant', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="claim-reviewed">Claim in one line</label>
          <input id="claim-reviewed" value={editing.fields.claimReviewed} onChange={(e) => set('claimReviewed', e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="claim-tags">Tags <span className="muted">(comma-separated)</span></label>
          <input id="claim-tags" value={editing.fields.tags} onChange={(e) => set('tags', e.target.value)} />
        </div>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" className="button button-primary">Save</button>
          <button type="button" className="button button-quiet" onClick={() => { setEditing(null); setConflict(null); }}>Cancel</button>
        </div>
      </form>
    );
  }

  return (
    <div className="claim-details">
      <dl className="details-list">
        <dt>Claimant</dt>
        <dd data-testid="claimant">{claim.claimant || <span className="muted">not given</span>}</dd>
        <dt>Claim</dt>
        <dd data-testid="claim-reviewed">{claim.claimReviewed || <span className="muted">not given</span>}</dd>
        {claim.tags.length > 0 && (
          <>
            <dt>Tags</dt>
            <dd>{claim.tags.map((t) => <span key={t} className="tag">#{t}</span>)}</dd>
          </>
        )}
        <dt>Marked by</dt>
        <dd>{nameOf(claim.createdBy)}</dd>
      </dl>
      {canEdit && (
        <div className="actions">
          <button type="button" className="button button-small" onClick={() => setEditing({ base: claim, fields: fieldsOf(claim) })}>Edit claim</button>
          {isEditor(me) && (
            <button type="button" className="button button-small button-danger" onClick={() => void remove()}>Delete claim</button>
          )}
        </div>
      )}
    </div>
  );
}
