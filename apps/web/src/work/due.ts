import type { QueueItem } from '../api/types';

/** What the queue's reasons read as on screen (API.md, "Work"). */
export const REASON_LABEL: Record<QueueItem['reason'], string> = {
  assigned: 'Assigned to you',
  review: 'Verdict to review',
  publish: 'Verdict to publish',
  returned: 'Your verdict came back',
  mentioned: 'You were mentioned',
  reply: 'A reply to your note',
  recheck: 'To re-check after a text change',
};

/** Past its due date, now: work due today at 17:00 is overdue at 17:01. */
export const isOverdue = (dueAt: string | null | undefined, now: Date = new Date()): boolean =>
  !!dueAt && new Date(dueAt).getTime() < now.getTime();

/** Up to two initials of a display name, for an avatar: "Rita Alves" → "RA", "Łukasz" → "Ł". */
export function initials(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  const first = (word: string): string => Array.from(word)[0]?.toUpperCase() ?? '';
  if (words.length === 0) return '?';
  return words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
}

/** A due date as a date input holds it (local day), and back as the end of that day in UTC. */
export const toDateInput = (dueAt: string | null): string => (dueAt ? dueAt.slice(0, 10) : '');
export const fromDateInput = (value: string): string | null => (value ? `${value}T23:59:59.000Z` : null);

