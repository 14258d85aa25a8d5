/**
 * Splitting a run of letters written without spaces ("climatechangeisreal", a lowercase hashtag) into
 * words, by the most probable sequence of known words: each word costs the log of its rank in a list
 * ordered by frequency (Zipf's law), so "climate change is real" beats "climatec hang eis real".
 */
export interface Vocabulary {
  /** A word's cost (lower is more common), or undefined for a word not in the vocabulary. */
  cost(word: string): number | undefined;
  /** The longest word, the furthest a split looks back. */
  readonly longest: number;
}

/** A vocabulary from words ordered from the most to the least common (the first spelling of a word counts). */
export function vocabularyByFrequency(words: readonly string[]): Vocabulary {
  const costs = new Map<string, number>();
  const scale = Math.log(Math.max(words.length, 2));
  let longest = 0;
  words.forEach((word, rank) => {
    if (word.length === 0 || costs.has(word)) return;
    costs.set(word, Math.log((rank + 1) * scale));
    longest = Math.max(longest, word.length);
  });
  return { cost: (word) => costs.get(word), longest };
}

/**
 * The words of `run` (lower-case letters) as the cheapest sequence of known words, or null when it
 * cannot be written with known words only (a name or a coinage is kept whole rather than cut into
 * nonsense). A run that is itself a known word comes back whole unless the words it splits into are
 * together more common.
 */
export function segment(run: string, vocabulary: Vocabulary): string[] | null {
  const best = new Array<number>(run.length + 1).fill(Infinity);
  const from = new Array<number>(run.length + 1).fill(-1);
  best[0] = 0;
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - vocabulary.longest); start < end; start++) {
      if (best[start] === Infinity) continue;
      const cost = vocabulary.cost(run.slice(start, end));
      if (cost !== undefined && best[start] + cost < best[end]) {
        best[end] = best[start] + cost;
        from[end] = start;
      }
    }
  }
  if (best[run.length] === Infinity) return null;
  const words: string[] = [];
  for (let end = run.length; end > 0; end = from[end]) words.unshift(run.slice(from[end], end));
  return words;
}
