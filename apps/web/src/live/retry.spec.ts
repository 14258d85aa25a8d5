import { nextRetryDelay } from './retry';

describe('nextRetryDelay', () => {
  it('doubles from one second and stops at thirty', () => {
    const middle = () => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => nextRetryDelay(attempt, middle))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it('spreads tabs by up to a fifth either way', () => {
    expect(nextRetryDelay(0, () => 0)).toBe(800);
    expect(nextRetryDelay(0, () => 0.9999)).toBe(1200);
  });
});
