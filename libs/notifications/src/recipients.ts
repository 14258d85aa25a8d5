/**
 * Who is told about a change (API.md, "Work: assignment, queues, notifications, search"). Pure: the
 * service reads the facts an audit entry needs (`factsNeeded`) and this decides. Never the actor,
 * never a disabled user, and one notification per recipient and change.
 */
export const NOTIFICATION_TYPES = ['assigned', 'mentioned', 'reply', 'submitted', 'approved', 'rejected', 'published', 'corrected'] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** The parts of an audit entry the rules read; `before`/`after` as the log stores them (parsed). */
export interface ChangeRecord {
  action: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** What the service looked up for one change. */
export interface ChangeFacts {
  /** People the note mentions (resolved), for `annotation.created` and the new mentions of `annotation.updated`. */
  mentionedIds: readonly string[];
  /** The author of the note replied to. */
  repliedToAuthorId: string | null;
  /** Every active editor and admin. */
  editorIds: readonly string[];
  /** The verdict's author; for a correction also the corrected verdict's author (or, for `claim.corrected`, the published verdict's). */
  verdictAuthorIds: readonly string[];
  /** The claim's assignee, when claims have one. */
  assigneeId: string | null;
  /** Users who may be told anything: active ones. */
  active: ReadonlySet<string>;
}

export interface Recipient {
  recipientId: string;
  type: NotificationType;
}

export type FactNeeded = 'mentions' | 'repliedTo' | 'editors' | 'verdictAuthors' | 'assignee';

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The facts a change needs before `recipientsOf` can decide; none for changes nobody is told about. */
export function factsNeeded(change: Pick<ChangeRecord, 'action' | 'after'>): FactNeeded[] {
  switch (change.action) {
    case 'annotation.created': return text(change.after?.parentId) ? ['mentions', 'repliedTo'] : ['mentions'];
    case 'annotation.updated': return ['mentions'];
    case 'verdict.submitted': return ['editors'];
    case 'verdict.approved':
    case 'verdict.rejected':
    case 'verdict.published':
    case 'claim.corrected': return ['verdictAuthors', 'assignee'];
    case 'claim.assigned':
    case 'article.assigned': return [];
    default: return [];
  }
}

/** Whether anyone could be told about this kind of change. */
export const mayNotify = (action: string): boolean =>
  ['annotation.created', 'annotation.updated', 'verdict.submitted', 'verdict.approved', 'verdict.rejected', 'verdict.published', 'claim.corrected', 'claim.assigned', 'article.assigned'].includes(action);

/**
 * The notifications one change gives. Where one person has two reasons (a reply that also mentions
 * the author of the note it answers), the first listed wins: each person is told once per change.
 */
export function recipientsOf(change: ChangeRecord, facts: ChangeFacts): Recipient[] {
  const out = new Map<string, NotificationType>();
  const tell = (ids: readonly (string | null)[], type: NotificationType): void => {
    for (const id of ids) {
      if (id && id !== change.actorId && facts.active.has(id) && !out.has(id)) out.set(id, type);
    }
  };
  switch (change.action) {
    case 'annotation.created':
    case 'annotation.updated':
      tell(facts.mentionedIds, 'mentioned');
      if (change.action === 'annotation.created') tell([facts.repliedToAuthorId], 'reply');
      break;
    case 'verdict.submitted':
      tell(facts.editorIds, 'submitted');
      break;
    case 'verdict.approved':
    case 'verdict.rejected':
      tell([...facts.verdictAuthorIds, facts.assigneeId], change.action === 'verdict.approved' ? 'approved' : 'rejected');
      break;
    case 'verdict.published':
      tell([...facts.verdictAuthorIds, facts.assigneeId], text(change.after?.supersedes) ? 'corrected' : 'published');
      break;
    case 'claim.corrected':
      tell([...facts.verdictAuthorIds, facts.assigneeId], 'corrected');
      break;
    case 'claim.assigned':
    case 'article.assigned': {
      const assignee = text(change.after?.assigneeId);
      if (assignee !== text(change.before?.assigneeId)) tell([assignee], 'assigned');
      break;
    }
  }
  return [...out].map(([recipientId, type]) => ({ recipientId, type }));
}
