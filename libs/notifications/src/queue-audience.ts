import type { ChangeRecord } from './recipients';

/**
 * Whose queue (`GET /me/queue`) a committed change may have changed, so that their open `/me/events`
 * streams are told `queue.changed` and the header's count is asked again (API.md, "Work"). Pure: the
 * caller looks up the facts. Erring wide is cheap (one count request too many), erring narrow leaves a
 * count wrong, so deletions and text revisions, which can touch anyone's work, tell everyone listening.
 */
export interface QueueAudience {
  everyone: boolean;
  /** Every editor and admin (verdicts to review or publish). */
  editors: boolean;
  people: string[];
}

/** What the change's entity does not say: who else the claim's or the article's work belongs to. */
export interface QueueFacts {
  claimAssigneeId: string | null;
  claimCreatorId: string | null;
  articleAssigneeId: string | null;
}

export const NO_AUDIENCE: QueueAudience = { everyone: false, editors: false, people: [] };

const EVERYONE = new Set(['article.deleted', 'article.revised', 'claim.deleted', 'annotation.deleted']);
const CLAIM_WORK = new Set(['claim.created', 'claim.updated', 'claim.corrected']);

/** Whether a change of this kind can change anyone's queue at all (notes and mentions reach it as notifications). */
export const mayChangeQueues = (action: string): boolean =>
  EVERYONE.has(action) || CLAIM_WORK.has(action) || action === 'claim.assigned' || action === 'article.assigned' || action.startsWith('verdict.');

/** Whether the audience needs QueueFacts looked up (the rest is in the change itself). */
export const needsQueueFacts = (action: string): boolean => CLAIM_WORK.has(action) || action.startsWith('verdict.');

const ids = (change: ChangeRecord, field: string): Array<string | null> =>
  [change.before?.[field], change.after?.[field]].map((v) => (typeof v === 'string' && v.length > 0 ? v : null));

export function queueAudience(change: ChangeRecord, facts: QueueFacts | null): QueueAudience {
  if (!mayChangeQueues(change.action)) return NO_AUDIENCE;
  if (EVERYONE.has(change.action)) return { ...NO_AUDIENCE, everyone: true };
  const people: Array<string | null> = [];
  let editors = false;
  if (change.action === 'claim.assigned' || change.action === 'article.assigned') {
    people.push(...ids(change, 'assigneeId'));
  } else {
    // A claim's status and anchor decide its assignee's, its marker's and its article's assignee's work.
    people.push(facts?.claimAssigneeId ?? null, facts?.claimCreatorId ?? null, facts?.articleAssigneeId ?? null);
    if (CLAIM_WORK.has(change.action)) people.push(...ids(change, 'assigneeId'), ...ids(change, 'createdBy'));
    else {
      // verdict.*: editors review and publish, the author gets it back.
      editors = true;
      people.push(...ids(change, 'authorId'));
    }
  }
  return { everyone: false, editors, people: [...new Set(people.filter((id): id is string => id !== null))] };
}
