import { findQuote } from './find-quote';

const TEXT = 'Interpol vote 😀\n\nThe Times said he was the favourite. Others said he was the favourite too.';

describe('findQuote', () => {
  it('finds the quote by its context when the quote alone occurs more than once', () => {
    const found = findQuote(TEXT, { quote: 'was the favourite', prefix: 'Others said he ', suffix: ' too.' });
    expect(found).not.toBeNull();
    expect(TEXT.slice(found!.start, found!.end)).toBe('was the favourite');
    expect(found!.start).toBe(TEXT.lastIndexOf('was the favourite'));
  });

  it('counts in UTF-16, as the DOM does (an emoji before it is two units)', () => {
    expect(findQuote(TEXT, { quote: 'The Times', prefix: '😀\n\n', suffix: ' said' })).toEqual({ start: 18, end: 27 });
  });

  it('falls back to one side of the context, then the quote alone, when the text around it changed', () => {
    expect(findQuote(TEXT, { quote: 'The Times said', prefix: 'something else ', suffix: ' he was' })).toEqual({ start: 18, end: 32 });
    expect(findQuote(TEXT, { quote: 'Interpol vote', prefix: '', suffix: ' (updated)' })).toEqual({ start: 0, end: 13 });
  });

  it('gives up rather than guess between repeated quotes, and on a missing or empty one', () => {
    expect(findQuote(TEXT, { quote: 'was the favourite', prefix: 'x', suffix: 'y' })).toBeNull();
    expect(findQuote(TEXT, { quote: 'not in the text', prefix: '', suffix: '' })).toBeNull();
    expect(findQuote(TEXT, { quote: '', prefix: 'The', suffix: '' })).toBeNull();
  });
});
