import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { join } from 'node:path';

const REPORT = join(__dirname, '..', 'docs', 'benchmarks.md');

/** One line naming the machine a benchmark ran on, for the report. */
export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `${platform()} ${release()}, Node.js ${process.version}, ${new Date().toISOString()}`;
}

/**
 * Replaces one benchmark's section of docs/benchmarks.md (between `<!-- bench:NAME -->` markers),
 * so each benchmark script can be run alone without erasing the others' results.
 */
export function writeSection(name: string, markdown: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(REPORT)
    ? readFileSync(REPORT, 'utf8')
    : '# Benchmarks\n\nWritten by `npm run bench`; each section names the machine and date it was measured on.\n';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  doc = from >= 0 && to > from ? doc.slice(0, from) + block + doc.slice(to + end.length) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT, doc);
}
