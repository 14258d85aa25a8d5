import { FactCheckFields } from './claim-review';

export type FactCheckSource = 'desk' | 'imported';

/** A fact-check as the API answers it (API.md, "Fact-check library and claim matching"). */
export interface FactCheckView extends FactCheckFields {
  id: string;
  source: FactCheckSource;
  claimId: string | null;
}

export interface FactCheckMatch extends FactCheckView {
  score: number;
  /** score ≥ CLAIMDESK_MATCH_LIKELY: very likely the same claim. */
  likelySame: boolean;
}

/** A row of fact_checks as raw SQL returns it. */
export interface FactCheckRow {
  id: string;
  source: FactCheckSource;
  url: string;
  claim_reviewed: string;
  headline: string;
  publisher: string | null;
  date_published: string | null;
  claimant: string | null;
  rating_label: string | null;
  rating_value: number | null;
  rating_best: number | null;
  rating_worst: number | null;
  claim_id: string | null;
  language: string | null;
}

export const FACT_CHECK_COLUMNS =
  'id, source, url, claim_reviewed, headline, publisher, date_published, claimant, rating_label, rating_value, rating_best, rating_worst, claim_id, language';

const num = (value: number | string | null): number | null => (value === null ? null : Number(value));

export function toFactCheckView(row: FactCheckRow): FactCheckView {
  return {
    id: row.id,
    source: row.source,
    claimReviewed: row.claim_reviewed,
    headline: row.headline,
    url: row.url,
    publisher: row.publisher,
    datePublished: row.date_published,
    claimant: row.claimant,
    rating: { label: row.rating_label, value: num(row.rating_value), best: num(row.rating_best), worst: num(row.rating_worst) },
    claimId: row.claim_id,
    language: row.language,
  };
}
