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
  /** ms at the larger size (the fastest of up to three runs, more only while over the bound). */
  large: number;
  /** Whether t(k·n) < c·t(n) + 100 ms: linear work gives about k·t(n); quadratic work gives k²·t(n). */
  linear: boolean;
}

/** How far the input grows (k) and the factor its time may grow within (c): by default 8n within 40×, against 64× for O(n²). */
export interface GrowthScale {
  times: number;
  within: number;
}

/**
 * How `work` grows from n to k·n on one adversarial input. The bound is generous on purpose (no
 * wall-clock threshold, only a ratio measured inside one test) so that a busy machine does not make
 * it flaky, while O(n²) still fails it.
 */
export function growthOf(work: (text: string) => unknown, make: AdversarialInput, n: number, scale: GrowthScale = { times: 8, within: 40 }): Growth {
  const smallText = make(n);
  const largeText = make(scale.times * n);
  work(smallText); // warm up
  const small = Math.max(ownMs(() => work(smallText)), ownMs(() => work(smallText)));
  const bound = scale.within * small + 100;
  let large = ownMs(() => work(largeText));
  // A collection of the whole heap can land in one run; work that outgrows its input is over the bound every time.
  for (let retry = 0; retry < 2 && large >= bound; retry++) large = Math.min(large, ownMs(() => work(largeText)));
  return { small, large, linear: large < bound };
}
