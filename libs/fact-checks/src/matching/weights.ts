import { MatchWeights } from './rank';

/**
 * The re-ranker's weights, written by bench/train-matcher.ts: pairwise logistic regression on the
 * `train` split of CLEF 2020 CheckThat! Task 2, L2 penalty and negatives chosen on `dev`
 * (l2 0.0001, 30 negatives); never fitted or chosen on `test`.
 */
export const MATCH_WEIGHTS: MatchWeights = {
  bm25: 1.56,
  bm25Claim: 0.389,
  bm25Headline: 0.357,
  claimCoverage: -0.015,
  headlineCoverage: -0.012,
  queryCoverage: 0.191,
  phrases: 0.011,
  numbersShared: -0.061,
  numbersMissing: -0.324,
  names: -0.118,
  claimant: 0,
  trigrams: 0.559,
  trigramsClaim: 0.398,
  trigramsHeadline: 0.634,
  rarestShared: 0.526,
  authorOnly: 0.396,
  longestRun: -0.076,
  nearPairs: 0.525,
  length: 0.213,
  trigramsByCoverage: 0.096,
  bm25Share: 0.095,
  reciprocalRank: 1.457,
  logRank: 0.384,
  trigramShare: 1.963,
  bm25ShareByTrigrams: 0.507
};

/** The logistic that turns a raw score into 0..1: the chance that a candidate is the right fact-check (fitted on `train`). */
export const CALIBRATION = { scale: 0.841, offset: -9.924 };
