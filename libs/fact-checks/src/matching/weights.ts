import { MatchWeights } from './rank';

/**
 * The re-ranker's weights, tuned by coordinate ascent on MAP@5 over the training split of CLEF 2020
 * CheckThat! Task 2 (bench/matching.bench.ts; never on its test split).
 */
export const MATCH_WEIGHTS: MatchWeights = {
  bm25: 0.25,
  claimCoverage: 1,
  headlineCoverage: 1.7,
  queryCoverage: 0,
  phrases: 0.5,
  numbersShared: 0.3,
  numbersMissing: -0.3,
  names: 0.3,
  claimant: 0.2,
};

/** The logistic that turns a raw score into 0..1 (fitted on the training split). */
export const CALIBRATION = { scale: 1.2, offset: -4 };
