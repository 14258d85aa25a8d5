import { toCodePoints } from './fuzzy';
import { substanceAt, typoDistance } from './substance';

describe(typoDistance.name, () => {
  it('counts swapped neighbours as one edit', () => {
    expect(typoDistance(toCodePoints('said'), toCodePoints('siad'), 2)).toBe(1);
    expect(typoDistance(toCodePoints('contested'), toCodePoints('cotnested'), 2)).toBe(1);
  });

  it('stops at the limit', () => {
    expect(typoDistance(toCodePoints('kitten'), toCodePoints('sitting'), 2)).toBe(3);
    expect(typoDistance(toCodePoints('rose'), toCodePoints('fell'), 1)).toBe(2);
  });
});

describe(substanceAt.name, () => {
  it('finds a claim whose short word was mistyped (failed on main: letter pairs of "siad" and "said" share one in three)', () => {
    expect(substanceAt('said', 'siad').kept).toBeGreaterThanOrEqual(0.5);
    expect(substanceAt('Kim', 'Kmi').kept).toBeGreaterThanOrEqual(0.5);
  });

  it('counts a figure corrected by one digit as the figure (failed on main: "95" and "96" share no letter pair)', () => {
    expect(substanceAt('95', '96')).toEqual({ kept: 1, share: 1 });
    expect(substanceAt('3.5 percent', '3.4 percent').kept).toBe(1);
  });

  it('finds little of a claim in unrelated words of the same length', () => {
    const { kept, share } = substanceAt('hotly contested', 'fiercely fought');
    expect(Math.max(kept, share)).toBeLessThan(0.2);
  });

  it('finds under half of a claim in a rewrite that keeps only its small words', () => {
    const { kept, share } = substanceAt('The election had been hotly contested', 'The vote had been fiercely fought');
    expect(kept).toBeLessThan(0.5);
    expect(share).toBeLessThan(0.5);
  });

  it('keeps all of a claim a word was inserted into, and says how much of the place is new', () => {
    expect(substanceAt('to a', 'to reportedly a')).toEqual({ kept: 1, share: 3 / 13 });
  });

  it('ignores case, punctuation and spacing, and reads emoji as words', () => {
    expect(substanceAt('“Favorite”, he said', 'favorite —\u00a0he  said')).toEqual({ kept: 1, share: 1 });
    expect(substanceAt('to 👍🏽 😀 🇺🇸 was', 'to 👍🏽 😀 🇺🇸 was').kept).toBe(1);
    expect(substanceAt('to 👍🏽 was', 'to was').kept).toBeLessThan(1);
  });

  it('compares a quote of punctuation only whole', () => {
    expect(substanceAt('—', '—').kept).toBe(1);
    expect(substanceAt('—', '–').kept).toBe(0);
  });
});
