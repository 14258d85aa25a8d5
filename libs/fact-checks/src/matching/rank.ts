import { analyze, AnalyzedText, bigrams } from './analyze';
import { stripClaimNoise } from './noise';
import { characterTrigrams, fieldCosines, longestSharedRun, nearPairs, weighBag } from './similarity';

/** What is being checked, analysed once per search. */
export interface ClaimQuery {
  /** The claim's words without links, signature and speaker labels (for character trigrams). */
  clean: string;
  text: AnalyzedText;
  /** Distinct terms of the text and of its author or claimant (a claim is often its claimant's). */
  terms: ReadonlySet<string>;
  people: ReadonlySet<string>;
  bigrams: ReadonlySet<string>;
  nearPairs: ReadonlySet<string>;
  /** The distinct terms of the text and of its author or claimant, as BM25 looks them up. */
  lookup: readonly string[];
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
 * The re-ranker's evidence that a fact-check settles a claim (bench/train-matcher.ts learns how to weigh
 * it). BM25 (over all fields, then claim and headline apart), scaled by 1/10; the rest roughly in 0..1:
 * BM25 relative to the best candidate and its rank among them, how much of the fact-check's own words
 * (idf-weighted) the claim covers and the reverse, shared phrases (adjacent, near, longest run), numbers
 * (shared and contradicting), names, claimant, words matched only through the post's author, and the
 * character-trigram tf-idf cosine (misspellings, joined words, hashtags), plain and relative to the best.
 */
export interface MatchFeatures {
  bm25: number;
  bm25Share: number;
  bm25Claim: number;
  bm25Headline: number;
  reciprocalRank: number;
  logRank: number;
  claimCoverage: number;
  headlineCoverage: number;
  queryCoverage: number;
  phrases: number;
  numbersShared: number;
  numbersMissing: number;
  names: number;
  claimant: number;
  trigrams: number;
  trigramsClaim: number;
  trigramsHeadline: number;
  trigramShare: number;
  rarestShared: number;
  authorOnly: number;
  longestRun: number;
  nearPairs: number;
  length: number;
  trigramsByCoverage: number;
  bm25ShareByTrigrams: number;
}

export type MatchWeights = Readonly<Record<keyof MatchFeatures, number>>;

export function claimQuery(raw: string, claimant?: string | null): ClaimQuery {
  const clean = stripClaimNoise(raw);
  const text = analyze(clean.text);
  const people = new Set([clean.author, claimant].flatMap((who) => (who ? analyze(who).terms : [])));
  const terms = new Set(text.terms);
  return { clean: clean.text, text, terms, people, bigrams: new Set(bigrams(text.terms)), nearPairs: nearPairs(text.terms), lookup: [...new Set([...terms, ...people])], numbers: new Set(text.numbers) };
}

/** The distinct stemmed terms to look a claim up by in the full-text index. */
export function searchTerms(query: ClaimQuery): string[] {
  return [...query.terms];
}

const K1 = 1.2;
const B = 0.75;
/** The lengths BM25 normalises by: the average terms of a ClaimReview's claim, headline and claimant together and apart (CheckThat!). */
const AVERAGE_LENGTH = 24;
const AVERAGE_CLAIM_LENGTH = 14;
const AVERAGE_HEADLINE_LENGTH = 10;

/**
 * The library size below which term frequencies are read as if the library had this many fact-checks
 * (the rest without the term): a three-review library says nothing about how common a word is, and the
 * model was trained at this size (CheckThat!'s 10,375), so its scores keep their meaning in a new desk.
 */
export const MIN_LIBRARY_SIZE = 10_000;

/** BM25's inverse document frequency as FTS5 computes it (a term in over half the library counts next to nothing). */
export function idf(stats: LibraryStats, term: string): number {
  const n = Math.max(stats.documents, MIN_LIBRARY_SIZE);
  const df = Math.min(stats.documentFrequency(term), n);
  return Math.max(Math.log((n - df + 0.5) / (df + 0.5)), 1e-6);
}

/** A candidate as the re-ranker reads it: the stored analysis and the two texts (for trigrams). */
export interface Candidate {
  analysis: AnalyzedFactCheck;
  claimReviewed: string;
  headline: string;
}

type PairFeatures = Omit<MatchFeatures, 'bm25Share' | 'reciprocalRank' | 'logRank' | 'trigramShare' | 'bm25ShareByTrigrams'>;

/** BM25 of the claim's terms (and its author's) in one bag of a fact-check's terms. */
function bm25Of(query: ClaimQuery, terms: readonly string[], averageLength: number, termWeight: (term: string) => number): number {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  const norm = 1 - B + (B * terms.length) / averageLength;
  let score = 0;
  for (const term of query.lookup) {
    const f = tf.get(term);
    if (f) score += termWeight(term) * ((f * (K1 + 1)) / (f + K1 * norm));
  }
  return score;
}

function pairFeatures(query: ClaimQuery, doc: AnalyzedFactCheck, termWeight: (term: string) => number, trigram: (text: 'all' | 'claim' | 'headline') => number): PairFeatures {
  const { claim, headline } = doc;
  const all = [...claim.terms, ...headline.terms, ...doc.claimant];
  const present = new Set(all);

  const coverage = (terms: readonly string[]): number => {
    let total = 0;
    let shared = 0;
    for (const term of new Set(terms)) {
      total += termWeight(term);
      if (query.terms.has(term) || query.people.has(term)) shared += termWeight(term);
    }
    return total === 0 ? 0 : shared / total;
  };
  let queryAll = 0;
  let queryShared = 0;
  let rarest = 0;
  for (const term of query.terms) {
    const w = termWeight(term);
    queryAll += w;
    if (present.has(term)) {
      queryShared += w;
      rarest = Math.max(rarest, w);
    }
  }
  let authorOnly = 0;
  for (const term of query.people) if (!query.terms.has(term) && present.has(term)) authorOnly += termWeight(term);

  const docPhrases = new Set([...bigrams(claim.terms), ...bigrams(headline.terms)]);
  let phrases = 0;
  for (const phrase of docPhrases) if (query.bigrams.has(phrase)) phrases++;
  let near = 0;
  for (const pair of new Set([...nearPairs(claim.terms), ...nearPairs(headline.terms)])) if (query.nearPairs.has(pair)) near++;

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
  const claimCoverage = coverage(claim.terms);
  const trigrams = trigram('all');

  return {
    // BM25 over the fields the index holds (claim, headline, claimant), as the full-text index ranks them.
    bm25: bm25Of(query, all, AVERAGE_LENGTH, termWeight) / 10,
    bm25Claim: bm25Of(query, claim.terms, AVERAGE_CLAIM_LENGTH, termWeight) / 10,
    bm25Headline: bm25Of(query, headline.terms, AVERAGE_HEADLINE_LENGTH, termWeight) / 10,
    claimCoverage,
    headlineCoverage: coverage(headline.terms),
    queryCoverage: queryAll === 0 ? 0 : queryShared / queryAll,
    phrases: docPhrases.size === 0 ? 0 : phrases / Math.sqrt(docPhrases.size),
    numbersShared: Math.min(numbersShared, 3) / 3,
    numbersMissing: query.numbers.size === 0 ? 0 : Math.min(numbersMissing, 3) / 3,
    names: namesAll === 0 ? 0 : namesShared / namesAll,
    claimant: claimantTerms.length === 0 ? 0 : claimantShared / claimantTerms.length,
    trigrams,
    trigramsClaim: trigram('claim'),
    trigramsHeadline: trigram('headline'),
    rarestShared: Math.min(rarest, 10) / 10,
    authorOnly: Math.min(authorOnly, 10) / 10,
    longestRun: Math.min(Math.max(longestSharedRun(query.text.terms, claim.terms), longestSharedRun(query.text.terms, headline.terms)), 6) / 6,
    nearPairs: Math.min(near, 8) / 8,
    length: Math.min(Math.log(1 + all.length), 4) / 4,
    trigramsByCoverage: trigrams * claimCoverage,
  };
}

/**
 * The features of each candidate for one claim. Some are relative to the other candidates (BM25 and
 * trigram cosine against the best, rank by BM25), and trigrams are weighed by how rare they are among
 * the candidates: so the scale does not drift with the library's size.
 */
export function candidateFeatures(query: ClaimQuery, candidates: readonly Candidate[], stats: LibraryStats): MatchFeatures[] {
  const weights = new Map<string, number>();
  const termWeight = (term: string): number => {
    let w = weights.get(term);
    if (w === undefined) weights.set(term, (w = idf(stats, term)));
    return w;
  };
  const grams = candidates.map((c) => ({ claim: characterTrigrams(c.claimReviewed), headline: characterTrigrams(c.headline) }));
  const gramFrequency = new Map<number, number>();
  for (const g of grams) {
    for (const gram of g.claim.keys()) gramFrequency.set(gram, (gramFrequency.get(gram) ?? 0) + 1);
    for (const gram of g.headline.keys()) if (!g.claim.has(gram)) gramFrequency.set(gram, (gramFrequency.get(gram) ?? 0) + 1);
  }
  const n = candidates.length + 1;
  const gramWeights = new Map<number, number>();
  const gramWeight = (gram: number): number => {
    let w = gramWeights.get(gram);
    if (w === undefined) gramWeights.set(gram, (w = Math.log(1 + n / (1 + (gramFrequency.get(gram) ?? 0)))));
    return w;
  };
  const queryGrams = weighBag(characterTrigrams(query.clean), gramWeight);

  const pairs = candidates.map((c, i) => {
    const cosines = fieldCosines(queryGrams, grams[i].claim, grams[i].headline, gramWeight);
    return pairFeatures(query, c.analysis, termWeight, (text) => (text === 'all' ? cosines.both : cosines[text]));
  });
  const bestBm25 = Math.max(1e-9, ...pairs.map((p) => p.bm25));
  const bestTrigrams = Math.max(1e-9, ...pairs.map((p) => p.trigrams));
  const rank = new Array<number>(pairs.length);
  pairs.map((p, i) => [p.bm25, i]).sort((a, b) => b[0] - a[0]).forEach(([, i], r) => (rank[i] = r));
  return pairs.map((p, i) => {
    const bm25Share = p.bm25 / bestBm25;
    return {
      ...p,
      bm25Share,
      reciprocalRank: 1 / (1 + rank[i]),
      logRank: Math.log(1 + rank[i]) / 5,
      trigramShare: p.trigrams / bestTrigrams,
      bm25ShareByTrigrams: bm25Share * p.trigrams,
    };
  });
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
