import { SEGMENT_BOUNDARY } from './edit-map';
import { reanchorAll } from './reanchor';

/**
 * Re-anchoring work must grow linearly with a run of sentence marks. No wall-clock limit: the time
 * for 80k marks is compared with the time for 10k (linear: ×8; quadratic: ×64), generously.
 */
function fastest(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - t0));
  }
  return best;
}

const GENEROUS = 24;

describe('sentence boundaries on long runs of .!?…', () => {
  it.each(['.', '!', '?', '…', '?!.'])(
    'finds boundaries in time linear in a run of "%s" (failed on main: quadratic, 100,000 dots blocked requests for 38 s)',
    (mark) => {
      const run = (n: number): (() => void) => {
        const text = 'Rates fell' + mark.repeat(Math.ceil(n / mark.length)) + 'x';
        return () => {
          for (const m of text.matchAll(new RegExp(SEGMENT_BOUNDARY.source, 'g'))) void m;
        };
      };
      const small = fastest(5, run(10_000));
      const large = fastest(3, run(80_000));
      expect(large / Math.max(small, 50_000)).toBeLessThan(GENEROUS);
    },
    120_000,
  );

  it('re-anchors an article that ends in a run of dots in time linear in the run (failed on main: quadratic)', () => {
    const claim = { start: 4, end: 12, exact: 'minister', prefix: 'The ', suffix: ' said the vote was hotly contest' };
    const run = (n: number): (() => void) => {
      const before = 'The minister said the vote was hotly contested. Then' + '.'.repeat(n);
      const after = 'The minister said the vote was hotly contested! Then' + '.'.repeat(n);
      return () => {
        expect(reanchorAll(before, after, [claim])[0].status).toBe('anchored');
      };
    };
    const small = fastest(3, run(10_000));
    const large = fastest(2, run(80_000));
    expect(large / Math.max(small, 1_000_000)).toBeLessThan(GENEROUS);
  }, 300_000);
});
