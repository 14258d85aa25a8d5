import { mayAssign, nextAssignment } from './assignment';

describe('mayAssign (API.md, "Work")', () => {
  const reviewer = { id: 'r', role: 'reviewer' as const };
  const editor = { id: 'e', role: 'editor' as const };
  const admin = { id: 'a', role: 'admin' as const };

  it('lets editors and admins assign anyone, reassign and unassign', () => {
    for (const actor of [editor, admin]) {
      expect(mayAssign(actor, null, 'x')).toBe(true);
      expect(mayAssign(actor, 'x', 'y')).toBe(true);
      expect(mayAssign(actor, 'x', null)).toBe(true);
    }
  });

  it('lets a reviewer take unassigned work for themselves and give back their own', () => {
    expect(mayAssign(reviewer, null, 'r')).toBe(true);
    expect(mayAssign(reviewer, 'r', null)).toBe(true);
    expect(mayAssign(reviewer, 'r', 'r')).toBe(true);
  });

  it('refuses a reviewer everything else', () => {
    expect(mayAssign(reviewer, null, 'x')).toBe(false);
    expect(mayAssign(reviewer, null, null)).toBe(false);
    expect(mayAssign(reviewer, 'x', 'r')).toBe(false);
    expect(mayAssign(reviewer, 'x', null)).toBe(false);
    expect(mayAssign(reviewer, 'r', 'x')).toBe(false);
  });
});

describe('nextAssignment', () => {
  const before = { assigneeId: 'r', dueAt: '2026-12-10T00:00:00.000Z', assignedAt: '2026-12-01T00:00:00.000Z' };
  const now = '2026-12-05T00:00:00.000Z';

  it('keeps the due date when dueAt is omitted, clears it with null, stores a given one as UTC', () => {
    expect(nextAssignment(before, { assigneeId: 'r' }, now).dueAt).toBe(before.dueAt);
    expect(nextAssignment(before, { assigneeId: 'r', dueAt: null }, now).dueAt).toBeNull();
    expect(nextAssignment(before, { assigneeId: 'r', dueAt: '2026-12-11' }, now).dueAt).toBe('2026-12-11T00:00:00.000Z');
  });

  it('restarts `since` when the assignee changes, keeps it when not, drops it when given back', () => {
    expect(nextAssignment(before, { assigneeId: 'r' }, now).assignedAt).toBe(before.assignedAt);
    expect(nextAssignment(before, { assigneeId: 'x' }, now).assignedAt).toBe(now);
    expect(nextAssignment(before, { assigneeId: null }, now).assignedAt).toBeNull();
  });
});
