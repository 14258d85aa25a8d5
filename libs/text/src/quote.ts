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
 * Where a quote is in the text. Only exact occurrences count. Several occurrences are ranked by how
 * many code points of the given prefix (backwards from the start) and suffix (forwards from the end)
 * agree; a unique best wins, a tie is ambiguous (the API answers 409 `quote_ambiguous`).
 */
export function findQuote(index: TextIndex, selector: { exact: string; prefix?: string; suffix?: string }): QuoteMatch {
  const starts = exactOccurrences(index, selector.exact);
  if (starts.length === 0) return { kind: 'not_found' };
  const length = codePointLength(selector.exact);
  if (starts.length === 1) return { kind: 'found', start: starts[0], end: starts[0] + length };
  const runs = starts.map((start) => contextFit(index, start, start + length, selector.prefix ?? '', selector.suffix ?? '').run);
  const best = runs.reduce((a, b) => Math.max(a, b), 0);
  const tied = starts.filter((_, i) => runs[i] === best);
  return tied.length === 1 ? { kind: 'found', start: tied[0], end: tied[0] + length } : { kind: 'ambiguous', candidates: tied };
}
