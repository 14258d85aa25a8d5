/**
 * W3C TextQuoteSelector: the quoted text with up to 32 code points of context on each side, and
 * finding such a quote in a text when a reviewer creates a claim from it.
 */
import { codePointLength, TextIndex } from './code-points';
import { contextFit, exactOccurrences } from './fuzzy';

export const CONTEXT_LENGTH = 32;

export interface QuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** The quote selector of [start, end): the text itself and up to CONTEXT_LENGTH code points either side. */
export function describeQuote(index: TextIndex, start: number, end: number): QuoteSelector {
  if (!index.isRange(start, end)) {
    throw new RangeError(`${start}..${end} is not a code point range of a text of length ${index.length}`);
  }
  return {
    exact: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, Math.min(index.length, end + CONTEXT_LENGTH)),
  };
}

export type QuoteMatch =
  | { kind: 'found'; start: number; end: number }
  | { kind: 'not_found' }
  | { kind: 'ambiguous'; candidates: number[] };

/**
 * Where a quote is in the text. Exact occurrences first; if there are none, occurrences that differ only
 * in white space (a quote typed with ordinary spaces finds text with no-break spaces, a line break in the
 * quote matches a space, a run of spaces one space), mapped back to exact code point offsets of the text.
 * Several occurrences are ranked by how many code points of the given prefix (backwards from the start)
 * and suffix (forwards from the end) agree; a unique best wins, a tie is ambiguous (the API answers 409
 * `quote_ambiguous`). Quotation marks and apostrophes are compared as they are: “ and " differ.
 */
export function findQuote(index: TextIndex, selector: { exact: string; prefix?: string; suffix?: string }): QuoteMatch {
  const spans = quoteOccurrences(index, selector.exact);
  if (spans.length === 0) return { kind: 'not_found' };
  if (spans.length === 1) return { kind: 'found', start: spans[0][0], end: spans[0][1] };
  const runs = spans.map(([start, end]) => contextFit(index, start, end, selector.prefix ?? '', selector.suffix ?? '').run);
  const best = runs.reduce((a, b) => Math.max(a, b), 0);
  const tied = spans.filter((_, i) => runs[i] === best);
  return tied.length === 1 ? { kind: 'found', start: tied[0][0], end: tied[0][1] } : { kind: 'ambiguous', candidates: tied.map(([start]) => start) };
}

/** Code point spans of a quote in the text: its exact occurrences, else those that differ only in white space. */
export function quoteOccurrences(index: TextIndex, exact: string): Array<[number, number]> {
  const length = codePointLength(exact);
  const starts = exactOccurrences(index, exact);
  return starts.length > 0 ? starts.map((start) => [start, start + length]) : spaceInsensitiveOccurrences(index, exact);
}

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Any run of white space (no-break and narrow spaces, line breaks and tabs included). */
const SPACE_RUN = /\s+/gu;

/**
 * Occurrences of a quote with every run of white space, in the quote and in the text, read as one
 * space. Linear: one pass folds the text, remembering the code point each folded UTF-16 unit came from.
 */
export function spaceInsensitiveOccurrences(index: TextIndex, exact: string): Array<[number, number]> {
  const quote = exact.replace(SPACE_RUN, ' ');
  if (quote.trim().length === 0) return [];
  const text = index.text;
  let folded = '';
  const origin: number[] = [];
  let last = 0;
  let codePoint = 0;
  const copy = (from: number, to: number): void => {
    for (let u = from; u < to; u++) {
      origin.push(codePoint);
      if (isHighSurrogate(text.charCodeAt(u)) && u + 1 < to) {
        origin.push(codePoint); // both units of a pair come from one code point
        u++;
      }
      codePoint++;
    }
    folded += text.slice(from, to);
  };
  for (const m of text.matchAll(SPACE_RUN)) {
    const at = m.index ?? 0;
    copy(last, at);
    origin.push(codePoint);
    folded += ' ';
    codePoint += codePointLength(m[0]);
    last = at + m[0].length;
  }
  copy(last, text.length);
  const out: Array<[number, number]> = [];
  // Never half of a surrogate pair, at either end.
  const splitsPair = (u: number): boolean => u > 0 && u < folded.length && isLowSurrogate(folded.charCodeAt(u)) && isHighSurrogate(folded.charCodeAt(u - 1));
  for (let at = folded.indexOf(quote); at !== -1; at = folded.indexOf(quote, at + 1)) {
    if (splitsPair(at) || splitsPair(at + quote.length)) continue;
    const endUnit = at + quote.length - 1;
    // The end is past the last folded unit's code point, or past the whole white-space run it stands for.
    const end = endUnit + 1 < origin.length ? origin[endUnit + 1] : codePoint;
    const trailing = quote.endsWith(' ') ? end : origin[endUnit] + 1;
    out.push([origin[at], trailing]);
  }
  return out;
}
