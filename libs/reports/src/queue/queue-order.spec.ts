import { decodeCursor } from '@claimdesk/core';
import { compareQueueEntries, mergeQueue, QueueEntry, QueueKey, queueKeyOf, QueueReason, resumeAfter } from './queue-order';

const entry = (reason: QueueReason, key: string, dueAt: string | null, since: string): QueueEntry => ({
  reason, key, dueAt, since, articleId: 'a', articleTitle: 'A', claimId: key, quote: 'q', status: 'open',
});

describe('queue order (API.md, "Work")', () => {
  it('puts the earliest due date first, undated work last, then the longest waiting', () => {
    const undatedOld = entry('assigned', 'k1', null, '2026-01-01T00:00:00.000Z');
    const dueLate = entry('review', 'k2', '2026-12-20T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
    const dueSoonNew = entry('recheck', 'k3', '2026-12-10T00:00:00.000Z', '2026-12-05T00:00:00.000Z');
    const dueSoonOld = entry('assigned', 'k4', '2026-12-10T00:00:00.000Z', '2026-12-01T00:00:00.000Z');
    const undatedNew = entry('returned', 'k5', null, '2026-06-01T00:00:00.000Z');
    const sorted = [undatedNew, dueLate, undatedOld, dueSoonNew, dueSoonOld].sort(compareQueueEntries);
    expect(sorted).toEqual([dueSoonOld, dueSoonNew, dueLate, undatedOld, undatedNew]);
  });

  it('breaks ties by reason, then key, so every entry has one place', () => {
    const since = '2026-12-01T00:00:00.000Z';
    const sorted = [entry('review', 'b', null, since), entry('assigned', 'z', null, since), entry('review', 'a', null, since)].sort(compareQueueEntries);
    expect(sorted.map((e) => `${e.reason}:${e.key}`)).toEqual(['assigned:z', 'review:a', 'review:b']);
  });
});

describe('mergeQueue', () => {
  const since = (day: number): string => `2026-12-${String(day).padStart(2, '0')}T00:00:00.000Z`;

  it('merges the sources in order, hides the paging key, and names the last item shown in the cursor', () => {
    const assigned = [entry('assigned', 'a1', null, since(1)), entry('assigned', 'a2', null, since(4))];
    const review = [entry('review', 'r1', since(20), since(2)), entry('review', 'r2', null, since(3))];
    const page = mergeQueue([assigned, review], 3);
    expect(page.items.map((item) => item.claimId)).toEqual(['r1', 'a1', 'r2']);
    expect(page.items[0]).not.toHaveProperty('key');
    expect(decodeCursor(page.nextCursor as string, 4)).toEqual(queueKeyOf(review[1]));
  });

  it('has no next page when everything fits', () => {
    expect(mergeQueue([[entry('assigned', 'a1', null, since(1))], []], 1)).toEqual({ items: [expect.objectContaining({ claimId: 'a1' })], nextCursor: null });
    expect(mergeQueue([], 5)).toEqual({ items: [], nextCursor: null });
  });
});

describe('resumeAfter', () => {
  const after: QueueKey = ['2026-12-10T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'recheck', 'k'];

  it('resumes the cursor\'s own reason after its key', () => {
    expect(resumeAfter('recheck', after)).toEqual({ compare: '>', key: [after[0], after[1], 'k'] });
  });

  it('takes the tied entries of a reason that sorts after the cursor\'s, not of one before', () => {
    expect(resumeAfter('review', after)).toEqual({ compare: '>=', key: [after[0], after[1]] });
    expect(resumeAfter('assigned', after)).toEqual({ compare: '>', key: [after[0], after[1]] });
  });
});
