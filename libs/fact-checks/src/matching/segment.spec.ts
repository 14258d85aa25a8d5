import { segment, vocabularyByFrequency } from './segment';

describe('segment', () => {
  const vocabulary = vocabularyByFrequency(['the', 'is', 'a', 'to', 'change', 'real', 'climate', 'hang', 'rapist', 'therapist', 'fake', 'news', 'c', 'lima', 'te']);

  it('splits a run of letters into the most common sequence of known words', () => {
    expect(segment('climatechangeisreal', vocabulary)).toEqual(['climate', 'change', 'is', 'real']);
    expect(segment('fakenews', vocabulary)).toEqual(['fake', 'news']);
  });

  it('keeps a known word whole rather than splitting it into rarer words', () => {
    expect(segment('climate', vocabulary)).toEqual(['climate']);
    expect(segment('therapist', vocabulary)).toEqual(['therapist']);
  });

  it('gives null for a run that known words cannot make (a name is not cut into nonsense)', () => {
    expect(segment('bidenfamily', vocabulary)).toBeNull();
    expect(segment('', vocabulary)).toEqual([]);
  });

  it('counts a repeated word at its first (most common) rank', () => {
    const repeated = vocabularyByFrequency(['go', 'to', 'got', 'go', 'o']);
    expect(repeated.cost('go')).toBeLessThan(repeated.cost('got') ?? 0);
    expect(repeated.longest).toBe(3);
  });
});
