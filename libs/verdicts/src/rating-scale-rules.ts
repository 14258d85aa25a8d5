import { validationFailed } from '@claimdesk/core';

export interface ScaleNumbers {
  bestRating: number;
  worstRating: number;
  levels: readonly { key: string; value: number | null }[];
}

/**
 * A scale must read the way ClaimReview reads it: best above worst, every rated level between the two
 * (null stays off the truth axis), and each key once. Throws 422 naming the first offending field.
 */
export function assertCoherentScale({ bestRating, worstRating, levels }: ScaleNumbers): void {
  if (bestRating <= worstRating) throw validationFailed('bestRating', 'bestRating must be greater than worstRating');
  const keys = new Set<string>();
  levels.forEach((level, i) => {
    if (keys.has(level.key)) throw validationFailed(`levels.${i}.key`, `the key ${level.key} is used twice`);
    keys.add(level.key);
    if (level.value !== null && (level.value < worstRating || level.value > bestRating)) {
      throw validationFailed(`levels.${i}.value`, 'must lie between worstRating and bestRating, or be null');
    }
  });
}
