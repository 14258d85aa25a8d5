/**
 * Where a claim's stored quote sits in a text (an older revision, say): exact search, most context
 * first. All offsets are UTF-16, like String#indexOf and the DOM.
 */

export interface StoredQuote {
  quote: string;
  /** The text just before the quote when it was last placed (up to 32 code points). */
  prefix: string;
  /** The text just after it. */
  suffix: string;
}

export interface FoundQuote {
  start: number;
  end: number;
}

function only(text: string, needle: string): number | null {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) return null;
  return at;
}

/**
 * The quote's place in `text`: with its prefix and suffix; else with one of them; else the quote alone.
 * At each step the match must be the only one, so a common phrase is never pinned to the wrong place.
 * Null when the quote is empty or not found unambiguously.
 */
export function findQuote(text: string, { quote, prefix, suffix }: StoredQuote): FoundQuote | null {
  if (!quote) return null;
  const attempts: Array<[string, number]> = [
    [prefix + quote + suffix, prefix.length],
    [prefix + quote, prefix.length],
    [quote + suffix, 0],
    [quote, 0],
  ];
  const tried = new Set<string>();
  for (const [needle, offset] of attempts) {
    if (tried.has(needle)) continue;
    tried.add(needle);
    const at = only(text, needle);
    if (at !== null) return { start: at + offset, end: at + offset + quote.length };
  }
  return null;
}
