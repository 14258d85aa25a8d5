import type { ClaimStatus, RatingScale, Verdict, WorkspaceClaim } from '../api/types';

export type ColourMode = 'status' | 'verdict';

/** Colour keys; styles.css defines `--hl-<key>` for each. `orphaned` marks a lost claim's last quote in an old revision. */
export type ColourKey = ClaimStatus | 'v-true' | 'v-mostly-true' | 'v-mixed' | 'v-mostly-false' | 'v-false' | 'v-off-scale' | 'v-none' | 'orphaned';

export const STATUS_LEGEND: Array<{ key: ColourKey; label: string }> = [
  { key: 'open', label: 'Open' },
  { key: 'in_review', label: 'In review' },
  { key: 'resolved', label: 'Resolved' },
];

export const VERDICT_LEGEND: Array<{ key: ColourKey; label: string }> = [
  { key: 'v-true', label: 'True' },
  { key: 'v-mostly-true', label: 'Mostly true' },
  { key: 'v-mixed', label: 'Mixed' },
  { key: 'v-mostly-false', label: 'Mostly false' },
  { key: 'v-false', label: 'False' },
  { key: 'v-off-scale', label: 'Off the scale' },
  { key: 'v-none', label: 'No verdict' },
];

export const STATUS_LABEL: Record<ClaimStatus, string> = { open: 'Open', in_review: 'In review', resolved: 'Resolved' };

/** The verdict that speaks for a claim: its published one, else its latest that is not retracted. */
export function currentVerdict(claim: Pick<WorkspaceClaim, 'verdicts'>): Verdict | null {
  const verdicts = claim.verdicts ?? [];
  const published = verdicts.find((v) => v.status === 'published');
  if (published) return published;
  const live = verdicts.filter((v) => v.status !== 'retracted');
  return live.length ? live.reduce((a, b) => (a.createdAt >= b.createdAt ? a : b)) : null;
}

/** Places a rating on the five-step colour range by its value between the scale's worst and best. */
export function verdictColour(verdict: Verdict | null, scales: ReadonlyMap<string, RatingScale>): ColourKey {
  if (!verdict) return 'v-none';
  if (verdict.ratingValue === null || verdict.ratingValue === undefined) return 'v-off-scale';
  const scale = scales.get(verdict.scaleId);
  const [worst, best] = scale ? [scale.worstRating, scale.bestRating] : [1, 5];
  const share = best === worst ? 1 : (verdict.ratingValue - worst) / (best - worst);
  if (share >= 0.875) return 'v-true';
  if (share >= 0.625) return 'v-mostly-true';
  if (share >= 0.375) return 'v-mixed';
  if (share >= 0.125) return 'v-mostly-false';
  return 'v-false';
}

export function claimColour(claim: WorkspaceClaim, mode: ColourMode, scales: ReadonlyMap<string, RatingScale>): ColourKey {
  return mode === 'status' ? claim.status : verdictColour(currentVerdict(claim), scales);
}
