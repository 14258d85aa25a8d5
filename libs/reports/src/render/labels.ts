import type { AnchorStatus, ClaimStatus, ReportedCorrection, ReportedSnapshot, SourceStance, VerdictStatus, ReportedVerdict } from '../report.model';

/** The words people read in the human formats (Markdown, HTML, PDF). */

export const STANCE_LABELS: Record<SourceStance, string> = {
  supports: 'Supports',
  refutes: 'Refutes',
  context: 'Context',
};

export const VERDICT_STATUS_LABELS: Record<VerdictStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted for review',
  approved: 'Approved',
  published: 'Published',
  retracted: 'Retracted',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  resolved: 'Resolved',
};

/** Only the statuses a reader should be warned about; an anchored claim needs no remark. */
export const ANCHOR_REMARKS: Record<AnchorStatus, string | null> = {
  anchored: null,
  moved: null,
  fuzzy: 'The article changed since this claim was marked; the match is approximate and awaits review.',
  orphaned: 'This quote is no longer found in the current text of the article.',
};

/** `Published 2026-11-20`, `Retracted`, `Submitted for review`… */
export function verdictStatusLine(verdict: ReportedVerdict): string {
  const label = VERDICT_STATUS_LABELS[verdict.status];
  return verdict.status === 'published' && verdict.publishedAt ? `${label} ${dateOnly(verdict.publishedAt)}` : label;
}

/** `2026-11-29T17:30:00.000Z` → `2026-11-29` (UTC, as everywhere in ClaimDesk). */
export function dateOnly(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  if (match) return match[0];
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : parsed.toISOString().slice(0, 10);
}

/** `2026-11-29T17:30:00.000Z` → `2026-11-29 17:30 UTC`. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return iso;
  return `${parsed.toISOString().slice(0, 10)} ${parsed.toISOString().slice(11, 16)} UTC`;
}

/** The date a verdict counts from in a report: when it was published, else when it was written. */
export function verdictDate(verdict: ReportedVerdict): string {
  return dateOnly(verdict.publishedAt ?? verdict.createdAt);
}

/**
 * The verdict history a reader needs besides the current verdict: corrections and retractions,
 * newest first. Drafts that never went anywhere are internal and left out of the human formats.
 */
/** The heading of a claim's earlier words (API.md, "Integrity"). */
export const CORRECTIONS_HEADING = 'Corrections';

/**
 * One correction as readers see it, in every human format; `escape` makes the user-written parts
 * (quote, name, note) safe for the format (Markdown, HTML; none for PDF).
 */
export const correctionLine = (correction: ReportedCorrection, escape: (text: string) => string): string =>
  `${dateOnly(correction.correctedAt)}: earlier words “${escape(correction.quote)}”, corrected by ${escape(correction.correctedBy.displayName)}. Why: ${escape(correction.note)}`;

export function verdictHistory(verdicts: readonly ReportedVerdict[], current: ReportedVerdict | null): ReportedVerdict[] {
  return verdicts
    .filter((verdict) => verdict.id !== current?.id)
    .filter((verdict) => verdict.status === 'published' || verdict.status === 'retracted' || verdict.publishedAt !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Where the rating sits on its scale: `2 on 1–5`; empty for a rating off the truth axis. */
export function ratingPosition(verdict: ReportedVerdict): string {
  if (verdict.ratingValue === null) return '';
  return `${verdict.ratingValue} on ${verdict.scale.worstRating}–${verdict.scale.bestRating}`;
}

/** A short line for a verdict: `Mostly false (2 on 1–5)`, or just the label for an off-axis rating. */
export function ratingLine(verdict: ReportedVerdict): string {
  const position = ratingPosition(verdict);
  return position ? `${verdict.ratingLabel} (${position})` : verdict.ratingLabel;
}

/**
 * Where a rating sits between worst and best, for colouring it: `false`… `true`, or `none` for a rating
 * off the truth axis.
 */
export function ratingTone(verdict: ReportedVerdict): 'false' | 'mixed' | 'true' | 'none' {
  if (verdict.ratingValue === null) return 'none';
  const { worstRating, bestRating } = verdict.scale;
  const span = bestRating - worstRating;
  if (span <= 0) return 'mixed';
  const position = (verdict.ratingValue - worstRating) / span;
  return position < 0.4 ? 'false' : position > 0.6 ? 'true' : 'mixed';
}

/** Beside a source: when the desk archived its page, and the hash a reader can check the copy against. */
export function snapshotLine(snapshot: ReportedSnapshot): string {
  return `Archived on ${dateOnly(snapshot.fetchedAt)}, sha256 ${snapshot.sha256}`;
}
