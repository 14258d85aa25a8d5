import type { Workspace } from '../api/types';
import { useCurrentUser } from '../auth/session';
import { currentVerdict, STATUS_LABEL } from './claim-colours';
import { ClaimFilters, NO_FILTERS } from './filters';

/** Filters for the claims list: status, verdict, reviewer and tag, with the values the article has. */
export function ClaimFilterBar({ workspace, filters, onChange }: { workspace: Workspace; filters: ClaimFilters; onChange: (f: ClaimFilters) => void }) {
  const me = useCurrentUser();
  const ratings = new Map<string, string>();
  const reviewers = new Set<string>();
  const tags = new Set<string>();
  const assignees = new Set<string>();
  for (const claim of workspace.claims) {
    const verdict = currentVerdict(claim);
    if (verdict) ratings.set(verdict.rating, verdict.ratingLabel);
    reviewers.add(claim.createdBy);
    (claim.verdicts ?? []).forEach((v) => reviewers.add(v.authorId));
    claim.tags.forEach((t) => tags.add(t));
    if (claim.assigneeId) assignees.add(claim.assigneeId);
  }
  const name = (id: string): string => workspace.users[id]?.displayName ?? 'Unknown user';
  const set = <K extends keyof ClaimFilters>(key: K, value: ClaimFilters[K]): void => onChange({ ...filters, [key]: value });
  const active = Object.values(filters).some(Boolean);
  return (
    <fieldset className="filters">
      <legend className="small-heading">Filter claims</legend>
      <label htmlFor="filter-status">Status</label>
      <select id="filter-status" value={filters.status} onChange={(e) => set('status', e.target.value as ClaimFilters['status'])}>
        <option value="">Any status</option>
        {Object.entries(STATUS_LABEL).map(([key, label]) => <option key={key} value={key}>{label}</option>)}
      </select>
      <label htmlFor="filter-verdict">Verdict</label>
      <select id="filter-verdict" value={filters.verdict} onChange={(e) => set('verdict', e.target.value)}>
        <option value="">Any verdict</option>
        <option value="none">No verdict yet</option>
        {[...ratings].map(([key, label]) => <option key={key} value={key}>{label}</option>)}
      </select>
      <label htmlFor="filter-reviewer">Reviewer</label>
      <select id="filter-reviewer" value={filters.reviewer} onChange={(e) => set('reviewer', e.target.value)}>
        <option value="">Anyone</option>
        {[...reviewers].map((id) => <option key={id} value={id}>{name(id)}</option>)}
      </select>
      <label htmlFor="filter-tag">Tag</label>
      <select id="filter-tag" value={filters.tag} onChange={(e) => set('tag', e.target.value)}>
        <option value="">Any tag</option>
        {[...tags].sort().map((t) => <option key={t} value={t}>{t}</option>)}
      </select>
      <label htmlFor="filter-assignee">Assignee</label>
      <select id="filter-assignee" value={filters.assignee} onChange={(e) => set('assignee', e.target.value)}>
        <option value="">Anyone or nobody</option>
        <option value="none">Unassigned</option>
        {[...assignees].map((id) => <option key={id} value={id}>{id === me.id ? `Me (${name(id)})` : name(id)}</option>)}
      </select>
      {active && <button type="button" className="button button-quiet button-small" onClick={() => onChange(NO_FILTERS)}>Clear filters</button>}
    </fieldset>
  );
}
