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

describe('re-anchoring many claims', () => {
  /** An article of `n` distinct sentences, each marked as a claim, and a revision that adds two sentences. */
  function article(n: number): { before: string; after: string; claims: Array<{ start: number; end: number; exact: string; prefix: string; suffix: string }> } {
    const sentences = Array.from({ length: n }, (_, i) => `Minister ${i} said that exports rose by ${(i * 7) % 97} per cent in ${2000 + (i % 25)}.`);
    const paragraphs: string[] = [];
    for (let i = 0; i < n; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
    const before = paragraphs.join('\n\n');
    const middle = paragraphs.slice(0, paragraphs.length / 2).join('\n\n').length;
    const after = `Editor's note: updated.\n\n${before.slice(0, middle)} A correction was added here.${before.slice(middle)}`;
    let from = 0;
    const claims = sentences.map((exact) => {
      const start = before.indexOf(exact, from);
      from = start + exact.length;
      return { start, end: start + exact.length, exact, prefix: before.slice(Math.max(0, start - 32), start), suffix: before.slice(start + exact.length, start + exact.length + 32) };
    });
    return { before, after, claims };
  }

  it('re-anchors 8× the claims of an 8× longer article in about 8× the time, not 64×', () => {
    const run = (n: number): (() => void) => {
      const { before, after, claims } = article(n);
      return () => {
        const placed = reanchorAll(before, after, claims);
        expect(placed.every((p) => p.status === 'moved')).toBe(true);
      };
    };
    run(500)(); // warm up
    const small = fastest(3, run(500));
    const large = fastest(2, run(4_000));
    expect(large / Math.max(small, 1_000_000)).toBeLessThan(GENEROUS);
  }, 300_000);
});
