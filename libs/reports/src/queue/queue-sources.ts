import { EntityManager } from 'typeorm';
import { Actor, hasRole } from '@claimdesk/core';
import { runStatement, Statement } from '@claimdesk/database';
import { NO_DUE_DATE, QueueEntry, QueueKey, QueueReason, resumeAfter } from './queue-order';

/**
 * One reason something waits for a reader: a small query of its own, so that reasons are added or
 * changed one at a time (see QUEUE_SOURCES in queue.service.ts).
 */
export interface QueueSource {
  reason: QueueReason;
  /** Whether the reader can have work of this reason at all (review and publish are editors' work). */
  appliesTo(reader: Actor): boolean;
  /** At most `limit` entries after `after`, in queue order (compareQueueEntries). */
  entries(manager: EntityManager, reader: Actor, after: QueueKey | null, limit: number): Promise<QueueEntry[]>;
  count(manager: EntityManager, reader: Actor): Promise<number>;
}

/** What a source's query selects, one row per entry, under these names. */
interface QueueRow {
  item_key: string;
  article_id: string;
  article_title: string;
  claim_id: string | null;
  quote: string | null;
  status: string | null;
  due_at: string | null;
  since: string;
}

/**
 * A source from one SELECT producing QueueRow columns, with `?` parameters bound from the reader. The
 * query is filtered by the cursor and ordered outside, over its few rows: its own WHERE stays
 * selective on an index (assignee, author, status, weak anchor).
 */
export function sqlSource(reason: QueueReason, select: string, parameters: (reader: Actor) => unknown[], appliesTo: (reader: Actor) => boolean = () => true): QueueSource {
  const due = `COALESCE(q.due_at, '${NO_DUE_DATE}')`;
  const first = new Statement(`SELECT * FROM (${select}) q ORDER BY ${due}, q.since, q.item_key LIMIT ?`);
  const resume = {
    '>': new Statement(`SELECT * FROM (${select}) q WHERE (${due}, q.since) > (?, ?) ORDER BY ${due}, q.since, q.item_key LIMIT ?`),
    '>=': new Statement(`SELECT * FROM (${select}) q WHERE (${due}, q.since) >= (?, ?) ORDER BY ${due}, q.since, q.item_key LIMIT ?`),
    tie: new Statement(`SELECT * FROM (${select}) q WHERE (${due}, q.since, q.item_key) > (?, ?, ?) ORDER BY ${due}, q.since, q.item_key LIMIT ?`),
  };
  const counting = new Statement(`SELECT COUNT(*) AS n FROM (${select}) q`);
  return {
    reason,
    appliesTo,
    async entries(manager, reader, after, limit) {
      let statement = first;
      let bounds: readonly string[] = [];
      if (after) {
        const resumed = resumeAfter(reason, after);
        statement = resumed.key.length === 3 ? resume.tie : resume[resumed.compare];
        bounds = resumed.key;
      }
      const rows = await runStatement<QueueRow>(manager, statement, [...parameters(reader), ...bounds, limit]);
      return rows.map((row) => ({
        reason, key: row.item_key, articleId: row.article_id, articleTitle: row.article_title, claimId: row.claim_id,
        quote: row.quote, status: row.status, dueAt: row.due_at, since: row.since,
      }));
    },
    async count(manager, reader) {
      const [row] = await runStatement<{ n: number | string }>(manager, counting, parameters(reader));
      return Number(row.n);
    },
  };
}

/** A claim's work is due when the claim is, else when its article is. */
const claimRow = (key: string, since: string): string => `${key} AS item_key, c.article_id AS article_id, a.title AS article_title,
  c.id AS claim_id, c.quote AS quote, c.status AS status, COALESCE(c.due_at, a.due_at) AS due_at, ${since} AS since`;
const CLAIMS = 'claims c JOIN articles a ON a.id = c.article_id';
const VERDICTS = 'verdicts v JOIN claims c ON c.id = v.claim_id JOIN articles a ON a.id = c.article_id';
const reader = (actor: Actor): unknown[] => [actor.id];
const editors = (actor: Actor): boolean => hasRole(actor, 'editor');

/** API.md, "Work": the reasons this module answers for (mentions and replies come from notifications). */
export const assignedClaims = sqlSource('assigned',
  // A claim whose verdict is published is done.
  `SELECT ${claimRow('c.id', 'COALESCE(c.assigned_at, c.updated_at)')} FROM ${CLAIMS} WHERE c.assignee_id = ? AND c.status <> 'resolved'`, reader);

export const assignedArticles = sqlSource('assigned',
  // An article is done once it has claims and all of them are resolved.
  `SELECT a.id AS item_key, a.id AS article_id, a.title AS article_title, NULL AS claim_id, NULL AS quote, NULL AS status,
    a.due_at AS due_at, COALESCE(a.assigned_at, a.updated_at) AS since
  FROM articles a WHERE a.assignee_id = ? AND (NOT EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id)
    OR EXISTS (SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.status <> 'resolved'))`, reader);

export const verdictsToReview = sqlSource('review',
  `SELECT ${claimRow('v.id', 'v.updated_at')} FROM ${VERDICTS} WHERE v.status = 'submitted' AND v.author_id <> ?`, reader, editors);

export const verdictsToPublish = sqlSource('publish',
  `SELECT ${claimRow('v.id', 'v.updated_at')} FROM ${VERDICTS} WHERE v.status = 'approved' AND v.author_id <> ?`, reader, editors);

export const returnedVerdicts = sqlSource('returned',
  // Rejected: back to draft with a reviewer; submitting it again ends the item.
  `SELECT ${claimRow('v.id', 'v.updated_at')} FROM ${VERDICTS} WHERE v.author_id = ? AND v.status = 'draft' AND v.reviewed_by IS NOT NULL`, reader);

export const claimsToRecheck = sqlSource('recheck',
  `SELECT ${claimRow('c.id', 'c.updated_at')} FROM ${CLAIMS} WHERE c.anchor IN ('fuzzy', 'orphaned') AND (c.assignee_id = ? OR c.created_by = ?)`,
  (actor) => [actor.id, actor.id]);

/**
 * A note that mentions me or replies to mine, while its notification (written by libs/notifications in
 * the note's own transaction) is unread; a deleted note, claim or article takes it away.
 */
const unreadNotice = (reason: 'mentioned' | 'reply'): QueueSource => sqlSource(reason,
  `SELECT ${claimRow('n.id', 'n.at')} FROM notifications n JOIN claims c ON c.id = n.claim_id JOIN articles a ON a.id = c.article_id
   JOIN annotations an ON an.id = n.entity_id AND NOT an.deleted
   WHERE n.recipient_id = ? AND n.type = '${reason}' AND n.read_at IS NULL`,
  reader);
export const unreadMentions = unreadNotice('mentioned');
export const unreadReplies = unreadNotice('reply');
