/**
 * `npm run bench`: every benchmark, one after the other, each in its own process (a benchmark's
 * memory and warm JIT must not colour the next one's figures). Arguments pass through, so
 * `npm run bench -- --smoke` runs them all as quick smoke runs.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHMARKS: ReadonlyArray<{ file: string; args?: string[] }> = [
  { file: 'api.bench.ts' },
  { file: 'reanchor.bench.ts' },
  { file: 'period-report.bench.ts' },
  { file: 'big-article.bench.ts' },
  { file: 'instances.bench.ts' },
  { file: 'extraction.bench.ts', args: ['--smoke'] },
  { file: 'matching.bench.ts' },
  { file: 'library-scale.bench.ts' },
  { file: 'search.bench.ts' },
  { file: 'queue.bench.ts' },
];

const passed = process.argv.slice(2);
for (const { file, args = [] } of BENCHMARKS) {
  process.stdout.write(`\n=== ${file}\n`);
  const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(__dirname, file), ...args, ...passed.filter((a) => !args.includes(a))], { stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`${file} failed (exit ${run.status ?? run.signal})\n`);
    process.exit(1);
  }
}
