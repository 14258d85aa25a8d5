import type { ClaimStatus, WorkspaceClaim } from '../api/types';
import { currentVerdict } from './claim-colours';

export interface ClaimFilters {
  status: ClaimStatus | '';
  /** A rating key, `none` for claims without a verdict, or '' for all. */
  verdict: string;
  /** A user id: claims they marked or hold a verdict of. */
  reviewer: string;
  tag: string;
  /** A user id, `none` for unassigned claims, or '' for all. */
  assignee: string;
}

export const NO_FILTERS: ClaimFilters = { status: '', verdict: '', reviewer: '', tag: '', assignee: '' };

export function matchesFilters(claim: WorkspaceClaim, filters: ClaimFilters): boolean {
  if (filters.status && claim.status !== filters.status) return false;
  if (filters.verdict) {
    const verdict = currentVerdict(claim);
    if (filters.verdict === 'none' ? verdict !== null : verdict?.rating !== filters.verdict) return false;
  }
  if (filters.reviewer && claim.createdBy !== filters.reviewer && !(claim.verdicts ?? []).some((v) => v.authorId === filters.reviewer)) return false;
  if (filters.tag && !claim.tags.includes(filters.tag)) return false;
  if (filters.assignee && (claim.assigneeId ?? 'none') !== filters.assignee) return false;
  return true;
}

/** Reading order: by position, orphaned claims (no position) last. */
export function inReadingOrder(claims: WorkspaceClaim[]): WorkspaceClaim[] {
  return [...claims].sort((a, b) => (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) || (a.end ?? 0) - (b.end ?? 0));
}
