/**
 * Pure text similarities the re-ranker reads besides BM25: character trigrams (robust to misspellings,
 * joined words and what is left of hashtags), the longest run of words two texts share in order, and
 * word pairs that stand near each other in both (a phrase with a word inserted or the order changed).
 */

/** Counts of the character trigrams of a text, lower-cased, accents folded, words padded with a space. */
export function characterTrigrams(text: string): Map<string, number> {
  const normal = ` ${text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
  const counts = new Map<string, number>();
  if (normal.length < 3) return counts;
  for (let i = 0; i + 3 <= normal.length; i++) {
    const gram = normal.slice(i, i + 3);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** Cosine of two bags, each count weighted by `weight(key)` (tf-idf when the weight is an idf); 0 for an empty bag. */
export function weightedCosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, weight: (key: string) => number): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (const [key, count] of a) {
    const w = weight(key);
    const x = count * w;
    normA += x * x;
    const other = b.get(key);
    if (other !== undefined) dot += x * other * w;
  }
  for (const [key, count] of b) {
    const x = count * weight(key);
    normB += x * x;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
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
