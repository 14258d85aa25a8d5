import { carrySpan } from './carry-span';

const TEXT = 'The mayor said crime fell by 20 percent last year. Officials said the budget 😀 rose sharply.';
const at = (text: string, words: string): [number, number] => {
  const start = Array.from(text.slice(0, text.indexOf(words))).length;
  return [start, start + Array.from(words).length];
};

describe('carrySpan', () => {
  it('moves a span past text inserted before it, in code points', () => {
    const later = `Update: 😀 the council answered. ${TEXT}`;
    expect(carrySpan(TEXT, later, ...at(TEXT, 'budget 😀 rose'))).toEqual(((): { start: number; end: number } => {
      const [start, end] = at(later, 'budget 😀 rose');
      return { start, end };
    })());
  });

  it('keeps a span whose edits lie elsewhere, after it', () => {
    const later = TEXT.replace('Officials said', 'Officials told reporters');
    expect(carrySpan(TEXT, later, ...at(TEXT, 'crime fell by 20 percent'))).toEqual({ start: 15, end: 39 });
  });

  it('refuses a span an edit touched, even by one letter', () => {
    expect(carrySpan(TEXT, TEXT.replace('20 percent', '12 percent'), ...at(TEXT, 'crime fell by 20 percent'))).toBeNull();
    expect(carrySpan(TEXT, TEXT.replace('fell by', 'fell  by'), ...at(TEXT, 'crime fell by 20 percent'))).toBeNull();
  });

  it('refuses a span whose words were deleted', () => {
    expect(carrySpan(TEXT, TEXT.replace(' Officials said the budget 😀 rose sharply.', ''), ...at(TEXT, 'the budget'))).toBeNull();
  });

  it('is the identity when nothing changed', () => {
    expect(carrySpan(TEXT, TEXT, 4, 9)).toEqual({ start: 4, end: 9 });
  });
});
