import { quoteSelectorOf } from './quote-selector';

describe('quoteSelectorOf', () => {
  it('takes the quote with up to 32 code points of context each side', () => {
    const text = `${'a'.repeat(40)}Kim Jong-yang${'b'.repeat(40)}`;
    expect(quoteSelectorOf(text, 40, 53)).toEqual({ type: 'TextQuoteSelector', exact: 'Kim Jong-yang', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) });
  });

  it('counts context in code points, never splitting an emoji', () => {
    const text = `${'😀'.repeat(40)}quote${'😀'.repeat(40)}`;
    const selector = quoteSelectorOf(text, 80, 85);
    expect(selector.exact).toBe('quote');
    expect(Array.from(selector.prefix)).toHaveLength(32);
    expect(selector.prefix).toBe('😀'.repeat(32));
    expect(selector.suffix).toBe('😀'.repeat(32));
  });

  it('has empty context at the edges of the text', () => {
    expect(quoteSelectorOf('whole text', 0, 10)).toEqual({ type: 'TextQuoteSelector', exact: 'whole text', prefix: '', suffix: '' });
  });
});
