import { growthOf } from './linear-time';

/** The harness every linear-time spec relies on: it must tell work that outgrows its input from linear work. */
describe('growthOf', () => {
  const text = (size: number): string => 'ab'.repeat(size / 2);

  it('passes work linear in the text', () => {
    const linear = (s: string): number => {
      let sum = 0;
      for (let i = 0; i < s.length; i++) sum += s.charCodeAt(i);
      return sum;
    };
    expect(growthOf(linear, text, 200_000).linear).toBe(true);
  });

  // A quadratic is caught once t(n) is a few milliseconds (64× against 40× + 100 ms); a cubic shows the
  // harness can fail at all, quickly.
  it('fails work that grows far faster than the text (cubic)', () => {
    const cubic = (s: string): number => {
      let sum = 0;
      for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) for (let k = 0; k < s.length; k++) sum += s.charCodeAt(k) ^ i ^ j;
      return sum;
    };
    const growth = growthOf(cubic, text, 120);
    expect(growth).toEqual({ ...growth, linear: false });
  });
});
