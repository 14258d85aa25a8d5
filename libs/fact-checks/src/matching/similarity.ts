/**
 * Pure text similarities the re-ranker reads besides BM25: character trigrams (robust to misspellings,
 * joined words and what is left of hashtags), the longest run of words two texts share in order, and
 * word pairs that stand near each other in both (a phrase with a word inserted or the order changed).
 */

/** A trigram as a small integer (a 30-bit hash of its three code units): no string is made per trigram. */
export function trigramKey(a: number, b: number, c: number): number {
  return (Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & 0x3fffffff;
}

/**
 * Counts of the character trigrams of a text (keyed by `trigramKey`), lower-cased, accents folded,
 * words padded with a space.
 */
export function characterTrigrams(text: string): Map<number, number> {
  const normal = ` ${text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const counts = new Map<number, number>();
  if (normal.length < 3) return counts;
  for (let i = 0; i + 3 <= normal.length; i++) {
    const key = trigramKey(normal.charCodeAt(i), normal.charCodeAt(i + 1), normal.charCodeAt(i + 2));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A bag whose counts are already weighted, with its norm: weighed once, compared with many. */
export interface WeightedBag<K = string> {
  values: Map<K, number>;
  norm: number;
}

export function weighBag<K>(bag: ReadonlyMap<K, number>, weight: (key: K) => number): WeightedBag<K> {
  const values = new Map<K, number>();
  let squares = 0;
  for (const [key, count] of bag) {
    const x = count * weight(key);
    values.set(key, x);
    squares += x * x;
  }
  return { values, norm: Math.sqrt(squares) };
}

/** Cosine of two weighted bags (iterating the smaller); 0 for an empty bag. */
export function bagCosine<K>(a: WeightedBag<K>, b: WeightedBag<K>): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.values.size <= b.values.size ? [a.values, b.values] : [b.values, a.values];
  let dot = 0;
  for (const [key, x] of small) {
    const y = large.get(key);
    if (y !== undefined) dot += x * y;
  }
  return dot / (a.norm * b.norm);
}

/** Cosine of two bags, each count weighted by `weight(key)` (tf-idf when the weight is an idf); 0 for an empty bag. */
export function weightedCosine<K>(a: ReadonlyMap<K, number>, b: ReadonlyMap<K, number>, weight: (key: K) => number): number {
  return bagCosine(weighBag(a, weight), weighBag(b, weight));
}

/**
 * The cosines of a weighted bag (the claim's) with a fact-check's claim, its headline and the two
 * together, in one pass and without building the merged bag: the three the re-ranker reads per candidate.
 */
export function fieldCosines<K>(query: WeightedBag<K>, claim: ReadonlyMap<K, number>, headline: ReadonlyMap<K, number>, weight: (key: K) => number): { claim: number; headline: number; both: number } {
  let claimSquares = 0;
  let claimDot = 0;
  let shared = 0;
  for (const [key, count] of claim) {
    const w = weight(key);
    const x = count * w;
    claimSquares += x * x;
    const q = query.values.get(key);
    if (q !== undefined) claimDot += q * x;
  }
  let headlineSquares = 0;
  let headlineDot = 0;
  for (const [key, count] of headline) {
    const w = weight(key);
    const x = count * w;
    headlineSquares += x * x;
    const q = query.values.get(key);
    if (q !== undefined) headlineDot += q * x;
    const c = claim.get(key);
    if (c !== undefined) shared += c * w * x;
  }
  const cosine = (dot: number, squares: number): number => (query.norm === 0 || squares === 0 ? 0 : dot / (query.norm * Math.sqrt(squares)));
  return {
    claim: cosine(claimDot, claimSquares),
    headline: cosine(headlineDot, headlineSquares),
    both: cosine(claimDot + headlineDot, claimSquares + headlineSquares + 2 * shared),
  };
}

/** The length of the longest run of words that `a` and `b` share in the same order (longest common substring over words). */
export function longestSharedRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] === b[j - 1]) {
        current[j] = previous[j - 1] + 1;
        if (current[j] > best) best = current[j];
      }
    }
    previous = current;
  }
  return best;
}

/** Unordered pairs of words at most `window` words apart: "vaccine causes autism" holds "autism vaccine". */
export function nearPairs(terms: readonly string[], window = 3): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i < terms.length; i++) {
    for (let j = i + 1; j <= Math.min(terms.length - 1, i + window); j++) {
      if (terms[i] !== terms[j]) pairs.add(terms[i] < terms[j] ? `${terms[i]} ${terms[j]}` : `${terms[j]} ${terms[i]}`);
    }
  }
  return pairs;
}
