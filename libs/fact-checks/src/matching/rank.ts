import { analyze, AnalyzedText, bigrams } from './analyze';
import { stripClaimNoise } from './noise';

/** What is being checked, analysed once per search. */
export interface ClaimQuery {
  text: AnalyzedText;
  /** Distinct terms of the text and of its author or claimant (a claim is often its claimant's). */
  terms: ReadonlySet<string>;
  people: ReadonlySet<string>;
  bigrams: ReadonlySet<string>;
  numbers: ReadonlySet<string>;
}

/** The fields of a fact-check the matcher reads. */
export interface FactCheckText {
  claimReviewed: string;
  headline: string;
  claimant: string | null;
}

/** A fact-check's fields analysed once, when it enters the library (stored with it). */
export interface AnalyzedFactCheck {
  claim: AnalyzedText;
  headline: AnalyzedText;
  claimant: string[];
}

export function analyzeFactCheck(doc: FactCheckText): AnalyzedFactCheck {
  return { claim: analyze(doc.claimReviewed), headline: analyze(doc.headline), claimant: doc.claimant ? analyze(doc.claimant).terms : [] };
}

/** How common each term is in the library: BM25's inverse document frequency. */
export interface LibraryStats {
  documents: number;
  documentFrequency(term: string): number;
}

/**
 * The re-ranker's evidence that a fact-check settles a claim, each roughly in 0..1 except `bm25`:
 * BM25F over claimReviewed and headline, how much of the fact-check's own words (idf-weighted) the
 * claim covers and the reverse, shared phrases, numbers (shared and contradicting), names, claimant.
 */
export interface MatchFeatures {
  bm25: number;
  claimCoverage: number;
  headlineCoverage: number;
  queryCoverage: number;
  phrases: number;
  numbersShared: number;
  numbersMissing: number;
  names: number;
  claimant: number;
}

export type MatchWeights = Readonly<Record<keyof MatchFeatures, number>>;

export function claimQuery(raw: string, claimant?: string | null): ClaimQuery {
  const clean = stripClaimNoise(raw);
  const text = analyze(clean.text);
  const people = new Set([clean.author, claimant].flatMap((who) => (who ? analyze(who).terms : [])));
  return { text, terms: new Set(text.terms), people, bigrams: new Set(bigrams(text.terms)), numbers: new Set(text.numbers) };
}

/** The distinct stemmed terms to look a claim up by in the full-text index. */
export function searchTerms(query: ClaimQuery): string[] {
  return [...query.terms];
}

const K1 = 1.2;
const B = 0.75;
/** The length BM25 normalises by: the average terms of a ClaimReview's claim, headline and claimant (CheckThat!: 24). */
const AVERAGE_LENGTH = 24;

/** BM25's inverse document frequency as FTS5 computes it (a term in over half the library counts next to nothing). */
export function idf(stats: LibraryStats, term: string): number {
  const n = Math.max(stats.documents, 1);
  const df = Math.min(stats.documentFrequency(term), n);
  return Math.max(Math.log((n - df + 0.5) / (df + 0.5)), 1e-6);
}

export function matchFeatures(query: ClaimQuery, doc: AnalyzedFactCheck, stats: LibraryStats): MatchFeatures {
  const { claim, headline } = doc;
  const weight = new Map<string, number>();
  const termWeight = (term: string): number => {
    let w = weight.get(term);
    if (w === undefined) weight.set(term, (w = idf(stats, term)));
    return w;
  };

  // BM25 over the fields the index holds (claim, headline, claimant), as the full-text index ranks them.
  const tf = new Map<string, number>();
  const all = [...claim.terms, ...headline.terms, ...doc.claimant];
  for (const term of all) tf.set(term, (tf.get(term) ?? 0) + 1);
  const norm = 1 - B + (B * all.length) / AVERAGE_LENGTH;
  let bm25 = 0;
  for (const term of new Set([...query.terms, ...query.people])) {
    const f = tf.get(term);
    if (f) bm25 += termWeight(term) * ((f * (K1 + 1)) / (f + K1 * norm));
  }

  const coverage = (terms: readonly string[]): number => {
    let all = 0;
    let shared = 0;
    for (const term of new Set(terms)) {
      all += termWeight(term);
      if (query.terms.has(term) || query.people.has(term)) shared += termWeight(term);
    }
    return all === 0 ? 0 : shared / all;
  };
  let queryAll = 0;
  let queryShared = 0;
  for (const term of query.terms) {
    queryAll += termWeight(term);
    if (tf.has(term)) queryShared += termWeight(term);
  }

  const docPhrases = new Set([...bigrams(claim.terms), ...bigrams(headline.terms)]);
  let phrases = 0;
  for (const phrase of docPhrases) if (query.bigrams.has(phrase)) phrases++;

  const docNumbers = new Set([...claim.numbers, ...headline.numbers]);
  let numbersShared = 0;
  let numbersMissing = 0;
  for (const number of docNumbers) {
    if (query.numbers.has(number)) numbersShared++;
    else numbersMissing++;
  }

  const names = new Set([...claim.entities, ...headline.entities]);
  let namesAll = 0;
  let namesShared = 0;
  for (const name of names) {
    namesAll += termWeight(name);
    if (query.terms.has(name) || query.people.has(name)) namesShared += termWeight(name);
  }

  const claimantTerms = doc.claimant;
  const claimantShared = claimantTerms.filter((t) => query.people.has(t) || query.terms.has(t)).length;

  return {
    bm25,
    claimCoverage: coverage(claim.terms),
    headlineCoverage: coverage(headline.terms),
    queryCoverage: queryAll === 0 ? 0 : queryShared / queryAll,
    phrases: docPhrases.size === 0 ? 0 : phrases / Math.sqrt(docPhrases.size),
    numbersShared: Math.min(numbersShared, 3) / 3,
    numbersMissing: query.numbers.size === 0 ? 0 : Math.min(numbersMissing, 3) / 3,
    names: namesAll === 0 ? 0 : namesShared / namesAll,
    claimant: claimantTerms.length === 0 ? 0 : claimantShared / claimantTerms.length,
  };
}

export function rawScore(features: MatchFeatures, weights: MatchWeights): number {
  let score = 0;
  for (const key of Object.keys(weights) as (keyof MatchFeatures)[]) score += weights[key] * features[key];
  return score;
}

/** A raw re-ranker score as a value in 0..1: a logistic fitted so that 0.5 is an even chance. */
export function probability(raw: number, calibration: { scale: number; offset: number }): number {
  return 1 / (1 + Math.exp(-(calibration.scale * raw + calibration.offset)));
}
