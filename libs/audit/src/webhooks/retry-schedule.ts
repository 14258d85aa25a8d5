/**
 * When a failed delivery is tried again (API.md, Webhooks): the first retry after `baseMs` (30 s),
 * each later one after twice the previous wait — 30 s, 1, 2, 4, 8, 16, 32, 64 min — each spread by up
 * to ±20 % so that many hooks failing together do not retry in step. After the last retry (8 retries,
 * about two hours in all; at least 12 minutes for the first five even at the low end of the spread)
 * the delivery is given up.
 */
export const MAX_RETRIES = 8;
const SPREAD = 0.2;

/**
 * The wait before the next attempt after `attempts` have failed, or null when none is left.
 * `random` is in [0, 1) (Math.random); tests pass a fixed one.
 */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number | null {
  if (attempts < 1 || attempts > MAX_RETRIES) return null;
  const wait = baseMs * 2 ** (attempts - 1);
  return Math.round(wait * (1 - SPREAD + 2 * SPREAD * random()));
}
