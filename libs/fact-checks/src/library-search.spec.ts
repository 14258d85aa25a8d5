import { rarestTerms } from './library-search';

describe('rarestTerms', () => {
  const df = new Map([['the', 900_000], ['vaccin', 12_000], ['pfizer', 2_500], ['osvenyor', 3], ['1918', 400], ['nowher', 0]]);
  const terms = ['the', 'vaccin', 'pfizer', 'osvenyor', '1918', 'nowher'];

  it('takes the rarest terms first, while their fact-checks add up to the budget', () => {
    expect(rarestTerms(terms, df, 3_000)).toEqual(['osvenyor', '1918', 'pfizer']);
    expect(rarestTerms(terms, df, 1_000_000)).toEqual(['osvenyor', '1918', 'pfizer', 'vaccin', 'the']);
  });

  it('always keeps the rarest term, and never one that no fact-check holds', () => {
    expect(rarestTerms(['the', 'nowher'], df, 10)).toEqual(['the']);
    expect(rarestTerms(['nowher'], df, 10)).toEqual([]);
  });
});
