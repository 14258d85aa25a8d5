import type { Annotation, ClaimSource, LiveEvent, Verdict, Workspace, WorkspaceClaim } from '../api/types';

/**
 * Applies a colleague's change to the workspace the reader holds, from the event alone (API.md, Live
 * updates: the event carries the entity). Returns null when the event cannot be applied — the article's
 * text changed, someone new is named, or a kind of change this function does not know — and the caller
 * reads the workspace afresh. Applying an event twice, or one the workspace already includes, changes
 * nothing: an entity replaces the one held only if it is not older (its `version`).
 */
export function applyLiveEvent(workspace: Workspace, event: LiveEvent): Workspace | null {
  const entity = event.entity as Record<string, unknown> | null;
  switch (event.type) {
    case 'article.updated':
      return entity ? { ...workspace, article: { ...workspace.article, ...(entity as Partial<Workspace['article']>), text: workspace.article.text } } : null;
    case 'claim.created':
      return withPeople(workspace, [(entity as WorkspaceClaim | null)?.createdBy]) && entity ? upsertClaim(workspace, entity as Partial<WorkspaceClaim>) : null;
    case 'claim.deleted':
      return { ...workspace, claims: workspace.claims.filter((c) => c.id !== event.entityId) };
    case 'annotation.created':
    case 'annotation.updated':
      return entity && withPeople(workspace, [(entity as Annotation).authorId]) ? onClaim(workspace, (entity as Annotation).claimId, (c) => ({ ...c, annotations: upsertNote(c.annotations, entity as Annotation) })) : null;
    case 'annotation.deleted':
      return entity ? onClaim(workspace, (entity as Annotation).claimId, (c) => ({ ...c, annotations: c.annotations.map((n) => (n.id === event.entityId ? { ...n, body: null, deleted: true } : n)) })) : null;
    case 'claim_source.created': {
      const link = entity as ClaimSource | null;
      return link && withPeople(workspace, [link.addedBy])
        ? onClaim(workspace, link.claimId, (c) => ({ ...c, sources: [...c.sources.filter((s) => s.sourceId !== link.sourceId), link] }))
        : null;
    }
    case 'claim_source.deleted': {
      const link = entity as ClaimSource | null;
      return link ? onClaim(workspace, link.claimId, (c) => ({ ...c, sources: c.sources.filter((s) => s.sourceId !== link.sourceId) })) : null;
    }
    default:
      if (event.type.startsWith('verdict.')) {
        const verdict = entity as Verdict | null;
        return verdict && withPeople(workspace, [verdict.authorId, verdict.reviewedBy])
          ? onClaim(workspace, verdict.claimId, (c) => ({ ...c, verdicts: upsertVerdict(c.verdicts, verdict) }))
          : null;
      }
      // A claim's own fields changed (re-marked, re-anchored, status, assignment…); a correction also
      // adds an earlier wording that the event does not carry, and a revision changes the text: read afresh.
      if (event.type.startsWith('claim.') && event.type !== 'claim.corrected' && entity && 'quote' in entity) {
        return workspace.claims.some((c) => c.id === event.entityId) ? upsertClaim(workspace, entity as Partial<WorkspaceClaim>) : null;
      }
      return null;
  }
}

/** False when someone the change names is not in the workspace's directory yet (the panel shows names). */
function withPeople(workspace: Workspace, ids: readonly (string | null | undefined)[]): boolean {
  return ids.every((id) => !id || id in workspace.users);
}

const notOlder = (next: { version?: number }, held: { version?: number } | undefined): boolean =>
  held === undefined || typeof next.version !== 'number' || typeof held.version !== 'number' || next.version >= held.version;

/** The claim's own fields from the event; its notes, sources, verdicts and corrections stay as held. */
function upsertClaim(workspace: Workspace, fields: Partial<WorkspaceClaim>): Workspace {
  const held = workspace.claims.find((c) => c.id === fields.id);
  if (!notOlder(fields, held)) return workspace;
  const claim: WorkspaceClaim = {
    ...(held ?? {}), ...fields,
    annotations: held?.annotations ?? [], sources: held?.sources ?? [], verdicts: held?.verdicts ?? [], corrections: held?.corrections ?? [],
  } as WorkspaceClaim;
  return { ...workspace, claims: held ? workspace.claims.map((c) => (c.id === claim.id ? claim : c)) : [...workspace.claims, claim] };
}

function onClaim(workspace: Workspace, claimId: string, change: (claim: WorkspaceClaim) => WorkspaceClaim): Workspace | null {
  if (!workspace.claims.some((c) => c.id === claimId)) return null;
  return { ...workspace, claims: workspace.claims.map((c) => (c.id === claimId ? change(c) : c)) };
}

/**
 * Keeps thread order (each reply after its parent's replies so far): a new note is the newest, so it
 * goes at the end of its parent's subtree, or at the end for a top-level note.
 */
export function upsertNote(notes: readonly Annotation[], note: Annotation): Annotation[] {
  const held = notes.find((n) => n.id === note.id);
  if (held) return notOlder(note, held) ? notes.map((n) => (n.id === note.id ? note : n)) : [...notes];
  const at = note.parentId ? notes.findIndex((n) => n.id === note.parentId) : -1;
  if (at < 0) return [...notes, note];
  const parentOf = new Map(notes.map((n) => [n.id, n.parentId]));
  const inSubtree = (id: string): boolean => {
    for (let p = parentOf.get(id) ?? null; p !== null; p = parentOf.get(p) ?? null) if (p === note.parentId) return true;
    return false;
  };
  let end = at + 1;
  while (end < notes.length && inSubtree(notes[end].id)) end += 1;
  return [...notes.slice(0, end), note, ...notes.slice(end)];
}

/** Oldest first, as the workspace lists them. */
function upsertVerdict(verdicts: readonly Verdict[], verdict: Verdict): Verdict[] {
  const held = verdicts.find((v) => v.id === verdict.id);
  if (held) return notOlder(verdict, held) ? verdicts.map((v) => (v.id === verdict.id ? verdict : v)) : [...verdicts];
  return [...verdicts, verdict].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
