import { Actor, DomainError, hasRole } from '@claimdesk/core';
import type { ClaimStatus } from '@claimdesk/claims';

export type VerdictStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'retracted';
export const VERDICT_STATUSES: readonly VerdictStatus[] = ['draft', 'submitted', 'approved', 'published', 'retracted'];
export type VerdictAction = 'submit' | 'approve' | 'reject' | 'publish' | 'retract';

interface Transition {
  from: VerdictStatus;
  to: VerdictStatus;
  /** The audit action and live event type. */
  event: string;
}

/** The editorial workflow (API.md, "Verdicts"). Anything not listed is an invalid transition. */
export const TRANSITIONS: Record<VerdictAction, Transition> = {
  submit: { from: 'draft', to: 'submitted', event: 'verdict.submitted' },
  approve: { from: 'submitted', to: 'approved', event: 'verdict.approved' },
  reject: { from: 'submitted', to: 'draft', event: 'verdict.rejected' },
  publish: { from: 'approved', to: 'published', event: 'verdict.published' },
  retract: { from: 'published', to: 'retracted', event: 'verdict.retracted' },
};

/**
 * Who may take an action: the author submits their own draft; approval, rejection and publication
 * need an editor who is not the author (two-person rule); any editor retracts.
 */
export function assertMayAct(action: VerdictAction, actor: Actor, authorId: string): void {
  if (action === 'submit') {
    if (actor.id !== authorId) throw new DomainError('forbidden', 'only the verdict’s author may submit it');
    return;
  }
  if (!hasRole(actor, 'editor')) throw new DomainError('forbidden', `only an editor may ${action} a verdict`);
  if (action !== 'retract' && actor.id === authorId) {
    throw new DomainError('forbidden', `an editor may not ${action} their own verdict: a second person must review it`);
  }
}

export function nextStatus(action: VerdictAction, current: VerdictStatus): VerdictStatus {
  const transition = TRANSITIONS[action];
  if (transition.from !== current) {
    throw new DomainError('invalid_transition', `cannot ${action} a ${current} verdict (only from ${transition.from})`);
  }
  return transition.to;
}

/** A claim is resolved while one verdict is published, in review while one is submitted or approved. */
export function claimStatusOf(verdicts: readonly VerdictStatus[]): ClaimStatus {
  if (verdicts.includes('published')) return 'resolved';
  if (verdicts.includes('submitted') || verdicts.includes('approved')) return 'in_review';
  return 'open';
}
