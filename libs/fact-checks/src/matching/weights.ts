import { MatchWeights } from './rank';

/**
 * The re-ranker's weights, written by bench/train-matcher.ts: pairwise logistic regression on the
 * `train` split of CLEF 2020 CheckThat! Task 2, L2 penalty and negatives chosen on `dev`
 * (l2 0.0001, 30 negatives); never fitted or chosen on `test`.
 */
export const MATCH_WEIGHTS: MatchWeights = {
  bm25: 1.515,
  bm25Claim: 0.404,
  bm25Headline: 0.364,
  claimCoverage: -0.009,
  headlineCoverage: 0.001,
  queryCoverage: 0.194,
  phrases: 0.015,
  numbersShared: -0.061,
  numbersMissing: -0.348,
  names: -0.097,
  claimant: 0,
  trigrams: 0.587,
  trigramsClaim: 0.414,
  trigramsHeadline: 0.671,
  rarestShared: 0.518,
  authorOnly: 0.425,
  longestRun: -0.081,
  nearPairs: 0.52,
  length: 0.174,
  trigramsByCoverage: 0.099,
  bm25Share: 0.058,
  reciprocalRank: 1.477,
  logRank: 0.419,
  trigramShare: 2.08,
  bm25ShareByTrigrams: 0.513
};

/** The logistic that turns a raw score into 0..1: the chance that a candidate is the right fact-check (fitted on `train`). */
export const CALIBRATION = { scale: 0.843, offset: -9.928 };
