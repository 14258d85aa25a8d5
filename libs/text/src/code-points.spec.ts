import { codePointLength, codePointToUtf16, sliceCodePoints, TextIndex, utf16ToCodePoint } from './code-points';

describe('code points', () => {
  it('counts an emoji as one code point', () => {
    expect(codePointLength('😀a')).toBe(2);
    expect(sliceCodePoints('😀a', 1, 2)).toBe('a');
  });

  it('counts a combining mark as its own code point', () => {
    const decomposed = 'e\u0301t'; // é as e + combining acute
    expect(codePointLength(decomposed)).toBe(3);
    expect(sliceCodePoints(decomposed, 2)).toBe('t');
  });

  it('maps offsets both ways around astral characters', () => {
    const text = 'a😀b𝒳c';
    const index = new TextIndex(text);
    expect(index.length).toBe(5);
    expect([0, 1, 2, 3, 4, 5].map((cp) => index.toUtf16(cp))).toEqual([0, 1, 3, 4, 6, 7]);
    expect([0, 1, 3, 4, 6, 7].map((u) => index.toCodePoint(u))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('rounds a UTF-16 offset inside a surrogate pair down to the character start', () => {
    expect(utf16ToCodePoint('a😀b', 2)).toBe(1);
  });

  it('is the identity for texts without astral characters (Cyrillic, Hebrew, curly quotes)', () => {
    const text = 'Прокопчук “favorite” שלום';
    expect(codePointToUtf16(text, 10)).toBe(10);
    expect(utf16ToCodePoint(text, text.length)).toBe(text.length);
  });

  it('rejects offsets outside the text', () => {
    expect(() => codePointToUtf16('abc', 4)).toThrow(RangeError);
    expect(() => codePointToUtf16('abc', -1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint('abc', 1.5)).toThrow(RangeError);
  });

  it('validates ranges', () => {
    const index = new TextIndex('😀😀');
    expect(index.isRange(0, 2)).toBe(true);
    expect(index.isRange(1, 3)).toBe(false);
    expect(index.isRange(2, 1)).toBe(false);
  });
});
