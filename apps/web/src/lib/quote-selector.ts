/**
 * A claim is saved by its words, not by offsets that may point into an older text: the quote with
 * 32 code points of context on each side (as the API keeps it), which the server finds in the text it
 * has now. Offsets are UTF-16 here, like the DOM.
 */
export interface QuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export const CONTEXT_CODE_POINTS = 32;

const lastCodePoints = (text: string, count: number): string => Array.from(text.slice(-count * 2)).slice(-count).join('');
const firstCodePoints = (text: string, count: number): string => Array.from(text.slice(0, count * 2)).slice(0, count).join('');

/** The quote selector of the span [startUtf16, endUtf16) of `text`. */
export function quoteSelectorOf(text: string, startUtf16: number, endUtf16: number): QuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(startUtf16, endUtf16),
    prefix: lastCodePoints(text.slice(0, startUtf16), CONTEXT_CODE_POINTS),
    suffix: firstCodePoints(text.slice(endUtf16), CONTEXT_CODE_POINTS),
  };
}
