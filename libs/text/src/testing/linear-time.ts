import type { AdversarialInput } from './adversarial-input';

/**
 * The time of one call, in ms: the process's CPU time or the wall clock, whichever is less. The work
 * runs on this thread, so both bound its own time. CPU time is not disturbed by other processes on the
 * machine, but counts every thread of this one (a jest worker may still run an earlier suite's worker
 * threads: 0.06 ms at n and 2 s at 8n in one CI run); the wall clock is not disturbed by those threads.
 */
export function ownMs(work: () => unknown): number {
  const start = process.cpuUsage();
  const started = performance.now();
  work();
  const wall = performance.now() - started;
  const used = process.cpuUsage(start);
  return Math.min((used.user + used.system) / 1000, wall);
}

export interface Growth {
  /** ms at size n (the slower of two runs; see ownMs). */
  small: number;
  /** ms at size 8n (the fastest of up to three runs, more only while over the bound). */
  large: number;
  /** Whether t(8n) < 40·t(n) + 100 ms: linear work gives about 8·t(n); quadratic work gives 64·t(n). */
  linear: boolean;
}

/**
 * How `work` grows from n to 8n on one adversarial input. The bound is generous on purpose (no
 * wall-clock threshold, only a ratio measured inside one test) so that a busy machine does not make
 * it flaky, while O(n²) (×64) still fails it.
 */
export function growthOf(work: (text: string) => unknown, make: AdversarialInput, n: number): Growth {
  const smallText = make(n);
  const largeText = make(8 * n);
  work(smallText); // warm up
  const small = Math.max(ownMs(() => work(smallText)), ownMs(() => work(smallText)));
  const bound = 40 * small + 100;
  let large = ownMs(() => work(largeText));
  // A collection of the whole heap can land in one run; work that outgrows its input is over the bound every time.
  for (let retry = 0; retry < 2 && large >= bound; retry++) large = Math.min(large, ownMs(() => work(largeText)));
  return { small, large, linear: large < bound };
}

