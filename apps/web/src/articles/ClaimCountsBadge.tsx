import type { ClaimCounts } from '../api/types';

/** The claims of one article by status, and how many need re-checking after a text change. */
export function ClaimCountsBadge({ counts }: { counts: ClaimCounts | undefined }) {
  if (!counts) return <span className="muted">—</span>;
  if (counts.total === 0) return <span className="muted">No claims yet</span>;
  const review = counts.fuzzy + counts.orphaned;
  return (
    <ul className="count-list" aria-label={`${counts.total} claims`}>
      <li className="count count-open" title="Open">{counts.open} open</li>
      <li className="count count-in_review" title="In review">{counts.in_review} in review</li>
      <li className="count count-resolved" title="Resolved">{counts.resolved} resolved</li>
      {review > 0 && <li className="count count-attention">{review} to re-check</li>}
    </ul>
  );
}
