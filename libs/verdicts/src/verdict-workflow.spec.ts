import { DomainError } from '@claimdesk/core';
import { assertMayAct, claimStatusOf, nextStatus, VerdictAction, VerdictStatus } from './verdict-workflow';

const reviewer = { id: 'r', role: 'reviewer' as const };
const editor = { id: 'e', role: 'editor' as const };
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return (error as DomainError).code;
  }
  return undefined;
};

describe('verdict workflow', () => {
  it.each<[VerdictAction, VerdictStatus, VerdictStatus]>([
    ['submit', 'draft', 'submitted'],
    ['approve', 'submitted', 'approved'],
    ['reject', 'submitted', 'draft'],
    ['publish', 'approved', 'published'],
    ['retract', 'published', 'retracted'],
  ])('%s moves a %s verdict to %s', (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });

  it('refuses every other transition', () => {
    const allowed = new Set(['submit:draft', 'approve:submitted', 'reject:submitted', 'publish:approved', 'retract:published']);
    for (const action of ['submit', 'approve', 'reject', 'publish', 'retract'] as VerdictAction[]) {
      for (const status of ['draft', 'submitted', 'approved', 'published', 'retracted'] as VerdictStatus[]) {
        if (allowed.has(`${action}:${status}`)) continue;
        expect(codeOf(() => nextStatus(action, status))).toBe('invalid_transition');
      }
    }
  });

  it('lets only the author submit', () => {
    expect(codeOf(() => assertMayAct('submit', reviewer, 'r'))).toBeUndefined();
    expect(codeOf(() => assertMayAct('submit', editor, 'r'))).toBe('forbidden');
  });

  it('needs a second person, an editor, to approve, reject and publish', () => {
    expect(codeOf(() => assertMayAct('approve', reviewer, 'x'))).toBe('forbidden');
    expect(codeOf(() => assertMayAct('approve', editor, 'e'))).toBe('forbidden');
    expect(codeOf(() => assertMayAct('publish', editor, 'e'))).toBe('forbidden');
    expect(codeOf(() => assertMayAct('approve', editor, 'r'))).toBeUndefined();
  });

  it('lets any editor retract, their own verdicts included', () => {
    expect(codeOf(() => assertMayAct('retract', editor, 'e'))).toBeUndefined();
    expect(codeOf(() => assertMayAct('retract', reviewer, 'x'))).toBe('forbidden');
  });

  it.each<[VerdictStatus[], string]>([
    [[], 'open'],
    [['draft', 'retracted'], 'open'],
    [['draft', 'submitted'], 'in_review'],
    [['approved'], 'in_review'],
    [['retracted', 'published', 'submitted'], 'resolved'],
  ])('a claim with verdicts %p is %s', (statuses, expected) => {
    expect(claimStatusOf(statuses)).toBe(expected);
  });
});
