import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection before the next
 * one, in per cent. V8's own factor goes up to 4× on a machine this size, so a long read that makes
 * short-lived garbage (a period report: 75–90 KB per verdict, part of it promoted) piled 70–190 MB of it
 * before a collection. At 25 % the same reports stay within 1–45 MB of the idle desk, at the same rate
 * (docs/benchmarks.md, "Period reports at scale"); collections are concurrent, so a request barely waits.
 */
const HEAP_GROWING_PERCENT = 25;

/** Sets it, unless the desk was started with its own (`node --heap-growing-percent=…`). */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
