import { encodeCursor, Page } from '@claimdesk/core';

/** Why something waits for the reader (API.md, "Work"). */
export const QUEUE_REASONS = ['assigned', 'review', 'publish', 'returned', 'mentioned', 'reply', 'recheck'] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

/** One thing waiting for the reader, as `GET /me/queue` lists it. */
export interface QueueItem {
  reason: QueueReason;
  articleId: string;
  articleTitle: string;
  /** Null for an article assigned as a whole. */
  claimId: string | null;
  quote: string | null;
  /** The claim's status; null for an article. */
  status: string | null;
  dueAt: string | null;
  since: string;
}

/** An item with what keeps it apart from the others of its reason (a claim's, a verdict's or an article's id): its paging key. */
export interface QueueEntry extends QueueItem {
  key: string;
}

/** Work with no due date sorts after all dated work: a time no due date reaches, in the stored form. */
export const NO_DUE_DATE = '9999-12-31T23:59:59.999Z';

/** The sort key of an entry, also its cursor: due date (none last), since, reason, key. */
export type QueueKey = [due: string, since: string, reason: string, key: string];

export const queueKeyOf = (entry: QueueEntry): QueueKey => [entry.dueAt ?? NO_DUE_DATE, entry.since, entry.reason, entry.key];

/** Earliest due first, undated last; then the longest waiting; then a fixed order for ties. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  const x = queueKeyOf(a);
  const y = queueKeyOf(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}

/**
 * One page of the queue from what each source gave after the cursor (each at most `limit + 1`
 * entries in its own order): every entry of the page is among them, since no source can have more
 * than `limit + 1` entries before the page's end.
 */
export function mergeQueue(fromSources: readonly (readonly QueueEntry[])[], limit: number): Page<QueueItem> {
  const merged = fromSources.flat().sort(compareQueueEntries);
  const shown = merged.slice(0, limit);
  return {
    items: shown.map(({ key: _key, ...item }) => item),
    nextCursor: merged.length > limit ? encodeCursor(queueKeyOf(shown[shown.length - 1])) : null,
  };
}

/**
 * Where a source of reason `reason` resumes after the cursor `after`: its entries whose (due, since)
 * come after the cursor's, those tied with it when the source's reason sorts after the cursor's, and
 * for the cursor's own reason those tied whose key comes after.
 */
export function resumeAfter(reason: QueueReason, after: QueueKey): { compare: '>' | '>='; key: readonly string[] } {
  const [due, since, afterReason, key] = after;
  if (reason === afterReason) return { compare: '>', key: [due, since, key] };
  return { compare: reason > afterReason ? '>=' : '>', key: [due, since] };
}
