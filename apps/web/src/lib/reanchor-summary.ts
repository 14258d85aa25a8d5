/** How a text correction went for the article's claims, in words a reviewer reads at a glance. */
import type { AnchorStatus, ReanchoredClaim, ReanchorSummary } from '../api/types';

type Counts = Pick<ReanchorSummary, 'anchored' | 'moved' | 'fuzzy' | 'orphaned'>;

/** Each outcome with its verb for one claim and for several. */
const PHRASES: Array<{ key: keyof Counts; one: string; many: string }> = [
  { key: 'anchored', one: 'kept its place', many: 'kept their place' },
  { key: 'moved', one: 'moved', many: 'moved' },
  { key: 'fuzzy', one: 'needs confirmation', many: 'need confirmation' },
  { key: 'orphaned', one: 'lost its text', many: 'lost their text' },
];

/**
 * "12 claims kept their place, 3 moved, 1 needs confirmation, 1 lost its text": the counts that are
 * not zero, in that order; the first names the claims.
 */
export function describeReanchor(counts: Counts): string {
  const parts = PHRASES.filter((p) => counts[p.key] > 0).map((p, i) => {
    const n = counts[p.key];
    const subject = i === 0 ? `${n} ${n === 1 ? 'claim' : 'claims'}` : String(n);
    return `${subject} ${n === 1 ? p.one : p.many}`;
  });
  return parts.length ? parts.join(', ') : 'The article has no claims to re-anchor';
}

/** The claims a reviewer has to look at after a correction: approximate places first, then lost ones. */
export function flaggedClaims(summary: Pick<ReanchorSummary, 'claims'>): ReanchoredClaim[] {
  const rank: Partial<Record<AnchorStatus, number>> = { fuzzy: 0, orphaned: 1 };
  return summary.claims.filter((c) => rank[c.status] !== undefined).sort((a, b) => rank[a.status]! - rank[b.status]!);
}

/** True for a claim whose place a reviewer still has to confirm or re-mark. */
export const needsRecheck = (anchor: AnchorStatus): boolean => anchor === 'fuzzy' || anchor === 'orphaned';
