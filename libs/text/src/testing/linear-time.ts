import type { AdversarialInput } from './adversarial-input';

/** CPU time of one call, in ms (CPU, not wall clock: less disturbed by other processes on the machine). */
export function cpuMs(work: () => unknown): number {
  const start = process.cpuUsage();
  work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export interface Growth {
  /** CPU ms at size n (the slower of two runs). */
  small: number;
  /** CPU ms at size 8n (the fastest of up to three runs, more only while over the bound but not far over it). */
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
  const small = Math.max(cpuMs(() => work(smallText)), cpuMs(() => work(smallText)));
  const bound = 40 * small + 100;
  let large = cpuMs(() => work(largeText));
  // A collection of the worker's whole heap can land in one run; a quadratic is over the bound every time.
  for (let retry = 0; retry < 2 && large >= bound && large < 4 * bound; retry++) large = Math.min(large, cpuMs(() => work(largeText)));
  return { small, large, linear: large < bound };
}

