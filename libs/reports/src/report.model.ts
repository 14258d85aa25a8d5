/**
 * The verdict report: everything a report shows, already loaded and ordered by the reports service.
 * Every renderer (render/) and the Web Annotation mapping (web-annotation/) is a pure function of it.
 * Field names follow API.md where the API has them; times are ISO 8601 UTC strings.
 */

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';
export type ClaimStatus = 'open' | 'in_review' | 'resolved';
export type VerdictStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'retracted';
export type SourceStance = 'supports' | 'refutes' | 'context';
export type SourceKind = 'primary' | 'official' | 'news' | 'dataset' | 'interview' | 'other';
export type AnnotationMotivation = 'commenting' | 'questioning' | 'assessing' | 'tagging';

/** A user as reports show them: the id (for machines) and the display name (for people). */
export interface PersonRef {
  id: string;
  displayName: string;
}

export interface Organisation {
  name: string;
  url: string | null;
}

export interface RatingScaleRef {
  id: string;
  name: string;
  bestRating: number;
  worstRating: number;
}

export interface ReportedVerdict {
  id: string;
  /** The rating's key on its scale (`mostly-false`). */
  rating: string;
  ratingLabel: string;
  /** Null for a rating off the truth axis (`unsupported`). */
  ratingValue: number | null;
  scale: RatingScaleRef;
  /** Markdown written by the reviewer. */
  rationale: string | null;
  confidence: number | null;
  status: VerdictStatus;
  author: PersonRef;
  /** The editor who approved (or rejected) it. */
  reviewer: PersonRef | null;
  reviewNote: string | null;
  publishedAt: string | null;
  /** A correction names the published verdict it replaces and says why. */
  supersedes: string | null;
  correctionNote: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ReportedSourceRecord {
  id: string;
  url: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  kind: SourceKind | null;
  archiveUrl: string | null;
}

/** The desk's snapshot of a source's page that a report names (API.md, "Articles and sources from the web"). */
export interface ReportedSnapshot {
  id: string;
  fetchedAt: string;
  sha256: string;
}

/** A source attached to a claim (a ClaimSource), with the source itself. */
export interface ReportedSource {
  stance: SourceStance;
  excerpt: string | null;
  note: string | null;
  source: ReportedSourceRecord;
  /** The latest snapshot (for a published verdict's evidence: the latest taken by its publication); null: none. */
  snapshot: ReportedSnapshot | null;
}

export interface ReportedAnnotation {
  id: string;
  parentId: string | null;
  author: PersonRef;
  /** Markdown; null once deleted (a tombstone kept so that its replies keep their thread). */
  body: string | null;
  motivation: AnnotationMotivation;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

/** Words a published verdict once stood under, before an editor re-marked the claim, and why they changed. */
export interface ReportedCorrection {
  /** The earlier quote. */
  quote: string;
  note: string;
  correctedBy: PersonRef;
  correctedAt: string;
}

export interface ClaimReport {
  id: string;
  quote: string;
  prefix: string;
  suffix: string;
  /** Code point offsets into the article's current text; null while orphaned. */
  start: number | null;
  end: number | null;
  /** The same span in UTF-16 code units, for browsers (API.md: whatever carries start/end carries these); null while orphaned. */
  startUtf16: number | null;
  endUtf16: number | null;
  /** The text of the sentence before and after the quote, for showing the claim in its context. */
  contextBefore: string;
  contextAfter: string;
  anchor: AnchorStatus;
  /** Who made the claim (a person or an organisation), when known. */
  claimant: string | null;
  /**
   * Whether the claimant is a person or an organisation, when the desk knows; schema.org ClaimReview
   * types the claim's author with it. Unknown is treated as a person.
   */
  claimantKind?: 'person' | 'organization' | null;
  /** The claim as the fact-checker summarises it; the quote stands in when absent. */
  claimReviewed: string | null;
  tags: string[];
  status: ClaimStatus;
  createdBy: PersonRef;
  createdAt: string;
  updatedAt: string;
  /** The published verdict, else the latest one; null when the claim has none. See `currentVerdictOf`. */
  currentVerdict: ReportedVerdict | null;
  /** Every verdict of the claim, oldest first: drafts, corrections and retracted ones included. */
  verdicts: ReportedVerdict[];
  sources: ReportedSource[];
  /** In thread order (each reply after its parent, depth-first, oldest first). */
  annotations: ReportedAnnotation[];
  /** Re-marks of the claim while a verdict was published, oldest first (API.md: listed under "Corrections"). */
  corrections: ReportedCorrection[];
}

export interface ArticleReport {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  authors: string[];
  publishedAt: string | null;
  language: string | null;
  revision: number;
  /** In reading order: by start, orphaned claims last. See `compareClaimsInReadingOrder`. */
  claims: ClaimReport[];
}

/** An article as a report names it, without its claims. */
export type ArticleReportHead = Omit<ArticleReport, 'claims'>;

/**
 * An article whose claims are read as they are written (a period report of 100,000 verdicts): a few
 * claims in memory at a time, never the whole article's.
 */
export interface ArticleInParts {
  article: ArticleReportHead;
  claimCount: number;
  /** The claims in reading order, read batch by batch; each call reads them again (Markdown goes through them twice). */
  claims(): AsyncIterable<ClaimReport>;
}

/** The whole article of an article in parts (for the formats written whole: HTML, ClaimReview, PDF). */
export async function wholeArticle(parts: ArticleInParts): Promise<ArticleReport> {
  const claims: ClaimReport[] = [];
  for await (const claim of parts.claims()) claims.push(claim);
  return { ...parts.article, claims };
}

export interface ReportPeriod {
  from: string;
  to: string;
}

export interface VerdictReport {
  generatedAt: string;
  organisation: Organisation;
  /** CLAIMDESK_PUBLIC_URL, without a trailing slash. */
  publicUrl: string;
  /** CLAIMDESK_REVIEW_URL: a URL template containing `{claimId}`. */
  reviewUrlTemplate: string;
  /** Present for a period report (all verdicts published in [from, to)). */
  period?: ReportPeriod;
  articles: ArticleReport[];
}

/** Everything of a report but its articles: what a streamed report knows before the first article. */
export type ReportHeader = Omit<VerdictReport, 'articles'>;

/**
 * The verdict a report leads with: the published one, else the latest (by createdAt, then id).
 * Shared by the service (to fill `currentVerdict`) and the CSV contract in API.md.
 */
export function currentVerdictOf(verdicts: readonly ReportedVerdict[]): ReportedVerdict | null {
  const published = verdicts.find((verdict) => verdict.status === 'published');
  if (published) return published;
  let latest: ReportedVerdict | null = null;
  for (const verdict of verdicts) {
    if (!latest || verdict.createdAt > latest.createdAt || (verdict.createdAt === latest.createdAt && verdict.id > latest.id)) {
      latest = verdict;
    }
  }
  return latest;
}

/** Reading order: by start, then end; orphaned claims (no position) last, in the order they were created. */
export function compareClaimsInReadingOrder(
  a: Pick<ClaimReport, 'start' | 'end' | 'createdAt' | 'id'>,
  b: Pick<ClaimReport, 'start' | 'end' | 'createdAt' | 'id'>,
): number {
  if (a.start === null || b.start === null) {
    if (a.start !== null) return -1;
    if (b.start !== null) return 1;
  } else if (a.start !== b.start) {
    return a.start - b.start;
  } else if (a.end !== null && b.end !== null && a.end !== b.end) {
    return a.end - b.end;
  }
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
