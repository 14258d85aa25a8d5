import { TextIndex } from './code-points';
import { CONTEXT_LENGTH, describeQuote, findQuote } from './quote';

/** Code point offset of the nth occurrence of `phrase` in `text`. */
function at(text: string, phrase: string, nth = 0): number {
  let found = -1;
  for (let i = 0; i <= nth; i++) found = text.indexOf(phrase, found + 1);
  if (found < 0) throw new Error(`"${phrase}" #${nth} not in text`);
  return new TextIndex(text).toCodePoint(found);
}

describe('describeQuote', () => {
  it('takes the exact text and 32 code points of context on each side', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    const sut = describeQuote(new TextIndex(text), 40, 45);
    expect(sut).toEqual({ exact: 'QUOTE', prefix: 'a'.repeat(CONTEXT_LENGTH), suffix: 'b'.repeat(CONTEXT_LENGTH) });
  });

  it('counts context in code points, so emoji are never split', () => {
    const text = `${'😀'.repeat(40)}x${'🇺🇸'.repeat(20)}`;
    const sut = describeQuote(new TextIndex(text), 40, 41);
    expect(sut.exact).toBe('x');
    expect([...sut.prefix]).toHaveLength(32);
    expect(sut.prefix).toBe('😀'.repeat(32));
    expect([...sut.suffix]).toHaveLength(32); // 16 flags = 32 regional indicators
  });

  it('shortens the context at the start and end of the text', () => {
    const sut = describeQuote(new TextIndex('Ким сказал.'), 0, 3);
    expect(sut).toEqual({ exact: 'Ким', prefix: '', suffix: ' сказал.' });
  });

  it('rejects a range outside the text', () => {
    expect(() => describeQuote(new TextIndex('abc'), 2, 4)).toThrow(RangeError);
  });
});

describe('findQuote', () => {
  const text =
    'Prokopchuk was the “favorite” to lead. Analysts said Kim was the “favorite” to lead as well. ' +
    'Прокопчук 😀 lost; Прокопчук 😀 conceded.';
  const index = new TextIndex(text);

  it('finds a single occurrence whatever the context says', () => {
    expect(findQuote(index, { exact: 'Analysts said', prefix: 'nothing alike', suffix: 'at all' })).toEqual({
      kind: 'found',
      start: at(text, 'Analysts said'),
      end: at(text, 'Analysts said') + 13,
    });
  });

  it('reports a quote that is not in the text', () => {
    expect(findQuote(index, { exact: '“favourite”' })).toEqual({ kind: 'not_found' });
  });

  it('picks the occurrence whose prefix agrees (compared backwards from the start)', () => {
    const sut = findQuote(index, { exact: 'was the “favorite” to lead', prefix: 'Analysts said Kim ' });
    expect(sut).toEqual({ kind: 'found', start: at(text, 'was the “favorite”', 1), end: at(text, 'was the “favorite”', 1) + 26 });
  });

  it('picks the occurrence whose suffix agrees (compared forwards from the end)', () => {
    const sut = findQuote(index, { exact: 'Прокопчук 😀', suffix: ' conceded' });
    expect(sut).toEqual({ kind: 'found', start: at(text, 'Прокопчук 😀', 1), end: at(text, 'Прокопчук 😀', 1) + 11 });
  });

  it('is ambiguous when no context is given for a repeated quote', () => {
    expect(findQuote(index, { exact: 'Прокопчук 😀' })).toEqual({
      kind: 'ambiguous',
      candidates: [at(text, 'Прокопчук 😀'), at(text, 'Прокопчук 😀', 1)],
    });
  });

  it('is ambiguous when the context agrees equally with several occurrences', () => {
    const sut = findQuote(index, { exact: '“favorite” to lead', prefix: 'was the ', suffix: '!' });
    expect(sut.kind).toBe('ambiguous');
  });

  it('returns code point offsets after astral characters', () => {
    const emoji = new TextIndex('😀😀 Kim said');
    expect(findQuote(emoji, { exact: 'Kim' })).toEqual({ kind: 'found', start: 3, end: 6 });
  });

  it('does not match half of a surrogate pair', () => {
    const emoji = new TextIndex('😀');
    expect(findQuote(emoji, { exact: '\ude00' })).toEqual({ kind: 'not_found' });
  });
});

describe('quotes and white space', () => {
  const NBSP = '\u00a0';
  const text = `Intro 😀. The minister said unemployment fell to 3.5${NBSP}percent in${NBSP}${NBSP}2024,\nhe added. Outro.`;
  const index = new TextIndex(text);
  const cp = (utf16: number): number => index.toCodePoint(utf16);

  it('finds a quote typed with ordinary spaces in text with no-break spaces, at exact code point offsets (failed on main: not_found)', () => {
    const match = findQuote(index, { exact: 'fell to 3.5 percent in 2024' });
    const start = cp(text.indexOf('fell'));
    expect(match).toEqual({ kind: 'found', start, end: cp(text.indexOf(',')) });
    if (match.kind === 'found') expect(index.slice(match.start, match.end)).toBe(`fell to 3.5${NBSP}percent in${NBSP}${NBSP}2024`);
  });

  it('matches a line break in the quote to a space in the text and back (failed on main: not_found)', () => {
    const across = findQuote(index, { exact: '2024, he\nadded' });
    expect(across.kind === 'found' && index.slice(across.start, across.end)).toBe('2024,\nhe added');
    const spaced = findQuote(index, { exact: 'minister  said' });
    expect(spaced.kind === 'found' && index.slice(spaced.start, spaced.end)).toBe('minister said');
  });

  it('prefers an exact occurrence, ranks white-space matches by context, and leaves quotation marks alone', () => {
    const twice = new TextIndex(`a${NBSP}b x. a${NBSP}b y.`);
    expect(findQuote(twice, { exact: 'a b', suffix: ' y' })).toEqual({ kind: 'found', start: 7, end: 10 });
    expect(findQuote(twice, { exact: 'a b' }).kind).toBe('ambiguous');
    expect(findQuote(new TextIndex('He said “no”.'), { exact: '"no"' })).toEqual({ kind: 'not_found' });
    expect(findQuote(new TextIndex(`a b and a${NBSP}b`), { exact: 'a b' })).toEqual({ kind: 'found', start: 0, end: 3 });
  });
});
