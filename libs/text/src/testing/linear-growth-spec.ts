// Jest globals: named *-spec.ts so that the production build (tsconfig.build.json excludes **/*spec.ts) leaves it out.
import { ADVERSARIAL_INPUTS } from './adversarial-input';
import { growthOf } from './linear-time';

/** One test per (function, adversarial input): each function must grow linearly from n to 8n. */
export function itGrowsLinearlyOnEveryAdversarialInput(cases: ReadonlyArray<[string, (text: string) => unknown, number]>): void {
  for (const [name, work, n] of cases) {
    it.each(Object.keys(ADVERSARIAL_INPUTS))(`${name} on %s`, (input) => {
      const growth = growthOf(work, ADVERSARIAL_INPUTS[input], n);
      expect({ ...growth, input }).toEqual({ ...growth, input, linear: true });
    });
  }
}
