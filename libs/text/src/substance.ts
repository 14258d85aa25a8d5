/**
 * What a claim says, as opposed to where it stands: its words. A fuzzy place must still hold them
 * (a typo fixed, a figure corrected, a word inserted or dropped), not merely sit between the
 * claim's old neighbours (its words replaced, its sentence rewritten).
 */
import { toCodePoints } from './fuzzy';

/** How much a claim's words and the words at a candidate place have in common (0..1 each). */
export interface Substance {
  /** Share of the claim's words (weighted by length) found at the place. */
  readonly kept: number;
  /** Share of the place's words (weighted by length) that are the claim's. */
  readonly share: number;
}

/** Words of letters and digits; a run of symbols (emoji with their modifiers, currency signs) is a word too. */
const WORD = /[\p{L}\p{M}\p{N}]+|[\p{S}\p{M}\u200d]+/gu;
const FIGURE = /^\p{N}+$/u;
/**
 * Near words examined in all: beyond that (two long texts with few words in common) only exact
 * words count. A typo fix leaves one or two words to pair, never thousands.
 */
const MAX_NEAR_PAIRS = 4096;

/** The words of a text, lower-cased, as code point arrays: case, punctuation and spacing aside. */
function wordsOf(text: string): Int32Array[] {
  return [...text.toLowerCase().matchAll(WORD)].map((m) => toCodePoints(m[0]));
}

const key = (word: Int32Array): string => String.fromCodePoint(...word);

/**
 * Edits allowed between a claimed word and the word at the place for it to be the same word
 * mistyped or corrected: none under 3 letters (too many short words are one letter apart), 1 up to
 * 7, 2 from 8. A figure of the same number of digits may differ in one (a corrected figure is the
 * same claim about that figure).
 */
function allowedEdits(a: Int32Array, b: Int32Array, figures: boolean): number {
  if (figures) return a.length === b.length ? 1 : 0;
  const longer = Math.max(a.length, b.length);
  return longer < 3 ? 0 : longer < 8 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein with adjacent transpositions, so "teh" is one
 * edit from "the"), or limit + 1 when above `limit`. Words are short: |a|·|b| cells.
 */
export function typoDistance(a: ArrayLike<number>, b: ArrayLike<number>, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrev = new Int32Array(b.length + 1);
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, beforePrev[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    [beforePrev, prev, cur] = [prev, cur, beforePrev];
  }
  return Math.min(prev[b.length], limit + 1);
}

/**
 * The claim's words found at a place: each claimed word pairs with one word there, the same word
 * first, else a near one (allowedEdits), which counts its length less the edits, or whole for a
 * corrected figure. Linear in the number of words but for the near pairs, which are bounded. Order is not required: a reworded sentence keeps its words in another order.
 * A quote without letters or digits (an emoji) is compared whole.
 */
export function substanceAt(quote: string, placed: string): Substance {
  const claimed = wordsOf(quote);
  const there = wordsOf(placed);
  const weight = (words: Int32Array[]): number => words.reduce((sum, w) => sum + w.length, 0);
  const claimedWeight = weight(claimed);
  const thereWeight = weight(there);
  if (claimedWeight === 0) {
    // Punctuation only: the same marks or nothing.
    const same = quote.trim() === placed.trim() ? 1 : 0;
    return { kept: same, share: same };
  }
  if (thereWeight === 0) return { kept: 0, share: 0 };

  let matched = 0;
  const available = new Map<string, number>();
  for (const w of there) available.set(key(w), (available.get(key(w)) ?? 0) + 1);
  const unpairedClaimed: Int32Array[] = [];
  for (const w of claimed) {
    const left = available.get(key(w)) ?? 0;
    if (left > 0) {
      available.set(key(w), left - 1);
      matched += w.length;
    } else unpairedClaimed.push(w);
  }
  const unpairedThere: Array<Int32Array | null> = [];
  for (const w of there) {
    const left = available.get(key(w)) ?? 0;
    if (left > 0) {
      available.set(key(w), left - 1);
      unpairedThere.push(w);
    }
  }
  if (unpairedClaimed.length * unpairedThere.length <= MAX_NEAR_PAIRS) {
    for (const w of unpairedClaimed) {
      let best = -1;
      let bestEdits = Infinity;
      unpairedThere.forEach((candidate, i) => {
        if (!candidate) return;
        const figures = FIGURE.test(key(w)) && FIGURE.test(key(candidate));
        const limit = allowedEdits(w, candidate, figures);
        const edits = limit === 0 ? 1 : typoDistance(w, candidate, limit);
        if (edits <= limit && edits < bestEdits) {
          best = i;
          bestEdits = edits;
        }
      });
      if (best < 0) continue;
      matched += FIGURE.test(key(w)) ? w.length : Math.max(0, w.length - bestEdits);
      unpairedThere[best] = null;
    }
  }
  return { kept: Math.min(1, matched / claimedWeight), share: Math.min(1, matched / thereWeight) };
}
