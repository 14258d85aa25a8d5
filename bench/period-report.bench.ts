/**
 * Period reports at scale (issue 11): 100,000 published verdicts in JSON, CSV and Markdown, streamed with
 * flat memory. Measures the desk's resident memory while the report streams and the rate it is sent at.
 *
 *   npm run build:api && ts-node -r tsconfig-paths/register --transpile-only bench/period-report.bench.ts
 *          [--verdicts=100000] [--smoke] [--no-write] [--server-heap=96] [--server-flags="--trace-gc"]
 *          [--desk-dir=/tmp/somewhere] [--formats=json,csv] [--shares=0.25,1]
 *
 * --server-heap=MB starts the desk with --max-old-space-size=MB (docs/operations.md, "Memory");
 * --server-flags passes other V8 flags to the desk, --server-log=FILE appends the desk's standard output to FILE
 * (e.g. with --trace-gc).
 * --desk-dir keeps the seeded desk in that folder and reuses it on the next run (seeding is the slow part
 * when developing); the rows are copied up to the count again each run.
 *
 * Seeding 100,000 verdicts through the API would take hours, so the desk seeds an article of 10 claims
 * through the API (each with a source and a published verdict, `bench/seed.ts`), then the bench copies
 * that article's rows inside the SQLite file with new ids (articles, revisions, claims, their anchoring,
 * sources and verdicts) until the count is reached — the rows the report reads are the rows the desk wrote.
 * The report is read at a quarter of the count and at the full count: memory that grows with the count
 * would show as a difference between the two.
 */
import Database from 'better-sqlite3';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machineLine, writeSection } from './report';
import { Seeded, seedDesk } from './seed';
import { CLAIMDESK_MAIN, cpuMs, rssBytes, sleep, startServer, stopServer } from './servers';

const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const SMOKE = flag('smoke');
const TARGET = Number(process.argv.find((a) => a.startsWith('--verdicts='))?.slice('--verdicts='.length) ?? (SMOKE ? 2_000 : 100_000));
const ADMIN = { email: 'admin@bench.desk', password: 'bench-admin-password' };
const option = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const FORMATS = option('formats')?.split(',') ?? ['json', 'csv', 'markdown'];
const SERVER_HEAP_MB = option('server-heap');
const SERVER_FLAGS = [SERVER_HEAP_MB ? `--max-old-space-size=${SERVER_HEAP_MB}` : '', ...(option('server-flags')?.split(' ') ?? [])].filter(Boolean);
const DESK_DIR = option('desk-dir');

/** Tables copied for each copy of the article, and the columns that hold ids of copied rows. */
const COPIED: ReadonlyArray<{ table: string; where: string; ids: readonly string[] }> = [
  { table: 'articles', where: 'id = @article', ids: ['id'] },
  { table: 'article_revisions', where: 'article_id = @article', ids: ['id', 'article_id'] },
  { table: 'claims', where: 'article_id = @article', ids: ['id', 'article_id'] },
  { table: 'claim_anchorings', where: 'claim_id IN (SELECT id FROM claims WHERE article_id = @article)', ids: ['id', 'claim_id'] },
  { table: 'claim_sources', where: 'claim_id IN (SELECT id FROM claims WHERE article_id = @article)', ids: ['claim_id'] },
  { table: 'verdicts', where: 'claim_id IN (SELECT id FROM claims WHERE article_id = @article)', ids: ['id', 'claim_id', 'supersedes'] },
];

/** A copied row's id: the original's first 28 characters and the copy's number (ids stay 36 characters and unique). */
const copyId = (column: string): string => `CASE WHEN ${column} IS NULL THEN NULL ELSE substr(${column}, 1, 28) || printf('%08x', @copy) END`;

function copyArticle(db: Database.Database, articleId: string, copies: number, from: number): void {
  const statements = COPIED.map(({ table, where, ids }) => {
    const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
    if (columns.length === 0) throw new Error(`no table ${table}: the schema changed, update the bench`);
    const select = columns.map((c) => (ids.includes(c) ? copyId(c) : c)).join(', ');
    return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM ${table} WHERE ${where}`);
  });
  db.transaction(() => {
    for (let copy = from; copy < from + copies; copy++) for (const statement of statements) statement.run({ article: articleId, copy });
  })();
}

interface Reading {
  format: string;
  verdicts: number;
  bytes: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  /** The server's CPU time (all threads) while the report streamed. */
  cpuMs: number;
}

/** Streams one report to nowhere, sampling the server's memory every 50 ms. */
async function readReport(url: string, token: string, pid: number, format: string, period: { from: string; to: string }, verdicts: number): Promise<Reading> {
  const before = rssBytes(pid);
  const cpuBefore = cpuMs(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50);
  const started = performance.now();
  const answer = await fetch(`${url}/api/v1/reports?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}&format=${format}`, {
    headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': 'identity' },
  });
  if (!answer.ok || !answer.body) throw new Error(`${format} report: ${answer.status} ${await answer.text()}`);
  let bytes = 0;
  const reader = answer.body.getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.byteLength;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, rssBytes(pid));
  return { format, verdicts, bytes, seconds, rssBeforeMb: before / 2 ** 20, rssPeakMb: peak / 2 ** 20, cpuMs: cpuMs(pid) - cpuBefore };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-periodbench-'));
  const file = join(dir, 'desk.sqlite');
  const env = {
    DATABASE_URL: `sqlite://${file}`, CLAIMDESK_ADMIN_EMAIL: ADMIN.email, CLAIMDESK_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn',
  };
  try {
    let seeded: Seeded;
    const kept = DESK_DIR ? { desk: join(DESK_DIR, 'seeded.sqlite'), seeded: join(DESK_DIR, 'seeded.json') } : undefined;
    if (kept && existsSync(kept.seeded)) {
      copyFileSync(kept.desk, file);
      seeded = JSON.parse(readFileSync(kept.seeded, 'utf8')) as Seeded;
    } else {
      const server = await startServer('ClaimDesk', [CLAIMDESK_MAIN], env, 300_000);
      process.stdout.write('seeding an article of 10 published verdicts through the API…\n');
      seeded = await seedDesk({ baseUrl: server.url, admin: ADMIN, claims: 10, smallArticles: 0 });
      await stopServer(server);
      if (kept) {
        mkdirSync(DESK_DIR as string, { recursive: true });
        const seededDb = new Database(file);
        seededDb.pragma('wal_checkpoint(TRUNCATE)');
        seededDb.close();
        copyFileSync(file, kept.desk);
        writeFileSync(kept.seeded, JSON.stringify(seeded));
      }
    }

    const db = new Database(file);
    const articleId = seeded.reportArticleId;
    const perArticle = (db.prepare("SELECT count(*) AS n FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ? AND v.status = 'published'").get(articleId) as { n: number }).n;
    const period = { from: seeded.period.from, to: new Date(Date.now() + 3_600_000).toISOString() };
    const readings: Reading[] = [];
    let copies = 0;
    for (const share of (option('shares') ?? '0.25,1').split(',').map(Number)) {
      const wanted = Math.ceil((TARGET * share) / perArticle) - 1; // the seeded article counts as one
      process.stdout.write(`copying the article to ${(wanted + 1) * perArticle} published verdicts…\n`);
      copyArticle(db, articleId, wanted - copies, copies + 1);
      copies = wanted;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const verdicts = (db.prepare("SELECT count(*) AS n FROM verdicts WHERE status = 'published'").get() as { n: number }).n;
      const server = await startServer('ClaimDesk', [...SERVER_FLAGS, CLAIMDESK_MAIN], env, 300_000);
      const log = option('server-log');
      if (log) server.child.stdout?.on('data', (chunk: Buffer) => appendFileSync(log, chunk));
      const token = seeded.users[0].token;
      await sleep(500);
      for (const format of FORMATS) {
        if (log) appendFileSync(log, `=== ${format} of ${verdicts} verdicts\n`);
        const reading = await readReport(server.url, token, server.pid, format, period, verdicts);
        readings.push(reading);
        process.stdout.write(`${format} of ${verdicts} verdicts: ${(reading.bytes / 2 ** 20).toFixed(1)} MB in ${reading.seconds.toFixed(1)} s, RSS ${reading.rssBeforeMb.toFixed(0)} → ${reading.rssPeakMb.toFixed(0)} MB\n`);
      }
      await stopServer(server);
    }
    db.close();

    const rows = readings.map((r) => `| ${r.format} | ${r.verdicts.toLocaleString('en')} | ${(r.bytes / 2 ** 20).toFixed(1)} MB | ${r.seconds.toFixed(1)} s | ${Math.round(r.verdicts / r.seconds).toLocaleString('en')} | ${Math.round((r.verdicts * 1000) / r.cpuMs).toLocaleString('en')} | ${r.rssBeforeMb.toFixed(0)} MB | ${r.rssPeakMb.toFixed(0)} MB | ${(r.rssPeakMb - r.rssBeforeMb).toFixed(0)} MB |`);
    const markdown = [
      '## Period reports at scale',
      '',
      `Machine: ${machineLine()}; desk ${SERVER_FLAGS.length ? `started with ${SERVER_FLAGS.join(' ')}` : 'started as `npm run start:prod` starts it (V8 heap growth 25 %, apps/api/src/heap-growth.ts)'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end.`,
      '',
      'Method: `bench/period-report.bench.ts` seeds an article of 10 claims through the API (`seedDesk` with `claims: 10`), each with a source and a published verdict, then copies that article\'s rows in the SQLite file with new ids until the count is reached; the desk is restarted and `GET /api/v1/reports?from&to&format=` is read to the end, uncompressed, while the server\'s resident memory (VmRSS) is sampled every 50 ms. Read at a quarter of the count and at the full count: memory that grew with the count would show as a larger peak at the full count.',
      '',
      '| format | published verdicts | size | time | verdicts/s | verdicts per CPU second | RSS before | RSS peak | growth |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...rows,
    ].join('\n');
    process.stdout.write(`\n${markdown}\n`);
    if (!SMOKE && !flag('no-write')) writeSection('period-report', markdown);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
