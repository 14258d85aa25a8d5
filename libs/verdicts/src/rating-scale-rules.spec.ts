import { DomainError } from '@claimdesk/core';
import { assertCoherentScale, ScaleNumbers } from './rating-scale-rules';

const pathOf = (scale: ScaleNumbers): string | null => {
  try {
    assertCoherentScale(scale);
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('validation_failed');
    return error.details[0]?.path ?? '';
  }
};
const levels = (...values: (number | null)[]) => values.map((value, i) => ({ key: `k${i}`, value }));

describe('assertCoherentScale', () => {
  it('accepts best above worst with levels between them and off-axis nulls', () => {
    expect(pathOf({ bestRating: 5, worstRating: 1, levels: levels(5, 3, 1, null) })).toBeNull();
    expect(pathOf({ bestRating: 1, worstRating: -1, levels: levels(1, 0.5, -1) })).toBeNull();
  });

  it('refuses an inverted scale (failed on main: best 1, worst 4 was accepted)', () => {
    expect(pathOf({ bestRating: 1, worstRating: 4, levels: levels(1, 2, 3, 4) })).toBe('bestRating');
  });

  it('refuses best equal to worst', () => {
    expect(pathOf({ bestRating: 2, worstRating: 2, levels: levels(2, 2) })).toBe('bestRating');
  });

  it('names the first level outside worst..best', () => {
    expect(pathOf({ bestRating: 4, worstRating: 1, levels: levels(4, 0) })).toBe('levels.1.value');
    expect(pathOf({ bestRating: 4, worstRating: 1, levels: levels(4.5, 1) })).toBe('levels.0.value');
  });

  it('names a repeated key', () => {
    expect(pathOf({ bestRating: 4, worstRating: 1, levels: [{ key: 'a', value: 4 }, { key: 'b', value: 1 }, { key: 'a', value: 2 }] })).toBe('levels.2.key');
  });
});
