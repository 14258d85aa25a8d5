import type { ArticleReport, ClaimReport, ReportHeader, ReportedVerdict, VerdictReport } from '../report.model';
import { dateOnly } from './labels';
import { inertJson } from './inert-json';
import { reviewUrl } from './links';
import { ReportWriter, writeReport } from './report-writer';

/**
 * schema.org ClaimReview, one per published verdict, shaped after Google's fact-check structured
 * data guidance: required `claimReviewed`, `reviewRating` (with `alternateName`) and `url`;
 * recommended `author`, `datePublished` and `itemReviewed` (a Claim with its author, date and
 * appearance).
 *
 * A rating off the truth axis (`unsupported`, value null) has no `ratingValue`: Google requires
 * only `alternateName`, and a made-up number would misplace it on the scale. `bestRating` and
 * `worstRating` still describe the scale the desk uses.
 */

export interface SchemaRating {
  '@type': 'Rating';
  ratingValue?: number;
  bestRating: number;
  worstRating: number;
  alternateName: string;
}

export interface SchemaAgent {
  '@type': 'Person' | 'Organization';
  name: string;
  url?: string;
}

export interface SchemaCreativeWork {
  '@type': 'CreativeWork';
  url?: string;
  headline: string;
  author?: SchemaAgent[];
  datePublished?: string;
  publisher?: SchemaAgent;
}

export interface SchemaClaim {
  '@type': 'Claim';
  author?: SchemaAgent;
  datePublished?: string;
  appearance: SchemaCreativeWork[];
}

export interface ClaimReview {
  '@context': 'https://schema.org';
  '@type': 'ClaimReview';
  url: string;
  claimReviewed: string;
  reviewRating: SchemaRating;
  itemReviewed: SchemaClaim;
  author: SchemaAgent;
  datePublished?: string;
}

/** What ClaimReview shows of a verdict, a claim and its article: a full report model is one, and so is a lean read of only this. */
export type ClaimReviewVerdict = Pick<ReportedVerdict, 'rating' | 'ratingLabel' | 'ratingValue' | 'scale' | 'status' | 'publishedAt'>;
export type ClaimReviewClaim = Pick<ClaimReport, 'id' | 'quote' | 'claimant' | 'claimantKind' | 'claimReviewed'> & { verdicts: ClaimReviewVerdict[] };
export type ClaimReviewArticle = Pick<ArticleReport, 'url' | 'title' | 'authors' | 'publishedAt' | 'publisher'> & { claims: ClaimReviewClaim[] };

function rating(verdict: ClaimReviewVerdict): SchemaRating {
  return {
    '@type': 'Rating',
    ...(verdict.ratingValue === null ? {} : { ratingValue: verdict.ratingValue }),
    bestRating: verdict.scale.bestRating,
    worstRating: verdict.scale.worstRating,
    alternateName: verdict.ratingLabel,
  };
}

function claimant(claim: ClaimReviewClaim): SchemaAgent | undefined {
  if (!claim.claimant?.trim()) return undefined;
  return { '@type': claim.claimantKind === 'organization' ? 'Organization' : 'Person', name: claim.claimant.trim() };
}

function appearance(article: ClaimReviewArticle): SchemaCreativeWork {
  return {
    '@type': 'CreativeWork',
    ...(article.url ? { url: article.url } : {}),
    headline: article.title,
    // The article's byline: people, as newsrooms' authors mostly are.
    ...(article.authors.length ? { author: article.authors.map((name) => ({ '@type': 'Person' as const, name })) } : {}),
    ...(article.publishedAt ? { datePublished: dateOnly(article.publishedAt) } : {}),
    ...(article.publisher ? { publisher: { '@type': 'Organization' as const, name: article.publisher } } : {}),
  };
}

/**
 * One statement checked in pieces — a sentence over several transcript lines, marked as one claim per
 * line — is one review: the pieces share the claim reviewed, the claimant and the rating. Pieces that
 * differ in any of them are separate checks. Null when the claim names no summary of its own.
 */
function statementKey(claim: ClaimReviewClaim, verdict: ClaimReviewVerdict): string | null {
  const reviewed = claim.claimReviewed?.trim();
  if (!reviewed) return null;
  return JSON.stringify([reviewed.toLocaleLowerCase(), claim.claimant?.trim().toLocaleLowerCase() ?? '', verdict.scale.id, verdict.rating]);
}

/**
 * The ClaimReviews of one article: one per published verdict, retracted ones and drafts left out, and
 * one for a statement checked in pieces (see statementKey).
 */
export function toClaimReviews(article: ClaimReviewArticle, header: ReportHeader): ClaimReview[] {
  const reviews: ClaimReview[] = [];
  const statements = new Set<string>();
  const organisation: SchemaAgent = {
    '@type': 'Organization',
    name: header.organisation.name,
    ...(header.organisation.url ? { url: header.organisation.url } : {}),
  };
  for (const claim of article.claims) {
    for (const verdict of claim.verdicts) {
      if (verdict.status !== 'published') continue;
      const key = statementKey(claim, verdict);
      if (key !== null && statements.has(key)) continue;
      if (key !== null) statements.add(key);
      const author = claimant(claim);
      reviews.push({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        url: reviewUrl(header.reviewUrlTemplate, claim.id),
        claimReviewed: claim.claimReviewed?.trim() || claim.quote,
        reviewRating: rating(verdict),
        itemReviewed: {
          '@type': 'Claim',
          ...(author ? { author } : {}),
          ...(article.publishedAt ? { datePublished: dateOnly(article.publishedAt) } : {}),
          appearance: [appearance(article)],
        },
        author: organisation,
        ...(verdict.publishedAt ? { datePublished: dateOnly(verdict.publishedAt) } : {}),
      });
    }
  }
  return reviews;
}

/**
 * A JSON array, written one article at a time so that a period report streams; inert inside a
 * `<script>` element (see inertJson). A writer remembers
 * whether it wrote a review yet (for the commas), so take a new one for each report.
 */
export function claimReviewReportWriter(): ReportWriter {
  let written = 0;
  return {
    begin: () => '[',
    article: (article, _index, header): string => toClaimReviews(article, header).map((review) => reviewJson(review, written++ === 0)).join(''),
    end: () => closeReviews(written),
  };
}

/** One review in the array, indented under it; a comma before all but the first. */
const reviewJson = (review: ClaimReview, first: boolean): string => `${first ? '' : ','}\n  ${inertJson(review, 2).replace(/\n/g, '\n  ')}`;
const closeReviews = (written: number): string => (written ? '\n]\n' : ']\n');

export function renderClaimReview(model: VerdictReport): string {
  return writeReport(claimReviewReportWriter(), model);
}

/** The ClaimReview document of one article, from only what ClaimReview shows (the same text as renderClaimReview). */
export function renderArticleClaimReviews(article: ClaimReviewArticle, header: ReportHeader): string {
  // The writer's layout is JSON.stringify's own with an indent of 2: one call, no per-review re-indenting.
  return `${inertJson(toClaimReviews(article, header), 2)}\n`;
}
