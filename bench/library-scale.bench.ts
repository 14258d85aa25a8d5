/**
 * The fact-check library at scale (issue 13): how fast `similar` answers at 10,000 and 1,000,000
 * fact-checks, and how fast ClaimReviews import.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/library-scale.bench.ts [--smoke] [--reuse]
 *
 * The library is seeded synthetic (bench/library-scale-data.ts, fixed seed), imported through the
 * service's streamed import (`FactChecksService.import`, the code behind POST /fact-checks/import) in
 * slices of 100,000, the most one request takes. SQLite is measured at 10,000; PostgreSQL, when
 * BENCH_DATABASE_URL names a database the benchmark may wipe, at 10,000 and then at BENCH_LIBRARY_SIZE
 * (default 1,000,000). `--reuse` keeps a PostgreSQL library already seeded to that size (same seed).
 * Queries: reworded parts of library claims (with a handle and a link, as posted) and the CheckThat!
 * dev tweets (real posts, mostly about nothing in a synthetic library); each is timed as the service
 * call and as an HTTP round trip on 127.0.0.1, one at a time after a warm-up round.
 * `--smoke` runs a small SQLite library only, and writes nothing.
 */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { readSettings } from '../libs/core/src/settings';
import { Transactions } from '../libs/database/src/transactions';
import { FactChecksService } from '../libs/fact-checks/src/fact-checks.service';
import { createApp } from '../apps/api/src/create-app';
import { SyntheticLibrary } from './library-scale-data';
import { machineLine, writeSection } from './report';

const SMOKE = process.argv.includes('--smoke');
const REUSE = process.argv.includes('--reuse');
const SMALL = SMOKE ? 2_000 : 10_000;
const LARGE = Number(process.env.BENCH_LIBRARY_SIZE ?? 1_000_000);
const SLICE = 100_000;
const QUERIES = SMOKE ? 20 : 150;
const ADMIN = { email: 'admin@bench.desk', password: 'bench-admin-password' };

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

interface Desk { app: NestFastifyApplication; url: string; token: string }

async function startDesk(databaseUrl: string): Promise<Desk> {
  const app = await createApp(readSettings({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', CLAIMDESK_ORG_NAME: 'Bench',
    CLAIMDESK_ADMIN_EMAIL: ADMIN.email, CLAIMDESK_ADMIN_PASSWORD: ADMIN.password }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const login = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
  return { app, url, token: ((await login.json()) as { token: string }).token };
}

/** Imports fact-checks from..to through the streamed import, a request's worth at a time; ClaimReviews/s. */
async function grow(desk: Desk, library: SyntheticLibrary, from: number, to: number): Promise<number> {
  const service = desk.app.get(FactChecksService);
  const started = performance.now();
  for (let i = from; i < to; i += SLICE) {
    const result = await service.import(library.feed(i, Math.min(to, i + SLICE)));
    if (result.failed.length > 0 || result.created !== Math.min(to, i + SLICE) - i) throw new Error(`import: ${JSON.stringify({ ...result, failed: result.failed.slice(0, 3) })}`);
    if (to - from > SLICE) console.log(`  ${Math.min(to, i + SLICE).toLocaleString('en')} imported, ${((Math.min(to, i + SLICE) - from) / ((performance.now() - started) / 1000)).toFixed(0)}/s`);
  }
  return (to - from) / ((performance.now() - started) / 1000);
}

function queryTexts(library: SyntheticLibrary, size: number): string[] {
  const dev = readFileSync(join(__dirname, 'data', 'checkthat-2020', 'dev', 'tweets.queries.tsv'), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t')[1]);
  const texts: string[] = [];
  for (let i = 0; i < QUERIES; i++) texts.push(i % 3 === 2 ? dev[i % dev.length] : library.query(Math.floor((i * 7_777_777) % size)));
  return texts;
}

interface Timing { p50: number; p95: number; max: number }
const timing = (times: number[]): Timing => ({ p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) });

async function measure(desk: Desk, texts: string[]): Promise<{ service: Timing; http: Timing; found: number }> {
  const service = desk.app.get(FactChecksService);
  for (const text of texts.slice(0, 20)) await service.similar(text, 5); // warm-up
  const inService: number[] = [];
  const overHttp: number[] = [];
  let found = 0;
  for (const text of texts) {
    let started = performance.now();
    const items = await service.similar(text, 5);
    inService.push(performance.now() - started);
    if (items.length > 0) found++;
    started = performance.now();
    const response = await fetch(`${desk.url}/api/v1/fact-checks/similar?${new URLSearchParams({ text, limit: '5' })}`, { headers: { Authorization: `Bearer ${desk.token}` } });
    await response.json();
    overHttp.push(performance.now() - started);
    if (!response.ok) throw new Error(`similar: ${response.status}`);
  }
  return { service: timing(inService), http: timing(overHttp), found };
}

const row = (engine: string, size: number, rate: string, m: { service: Timing; http: Timing; found: number }, texts: number): string =>
  `| ${engine} | ${size.toLocaleString('en')} | ${rate} | ${m.service.p50.toFixed(1)} | ${m.service.p95.toFixed(1)} | ${m.http.p50.toFixed(1)} | ${m.http.p95.toFixed(1)} | ${m.found}/${texts} | ${loadavg()[0].toFixed(1)} |`;

async function main(): Promise<void> {
  const library = new SyntheticLibrary();
  const rows: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-library-scale-'));
  try {
    const desk = await startDesk(`sqlite:${join(dir, 'desk.sqlite')}`);
    try {
      const rate = await grow(desk, library, 0, SMALL);
      const texts = queryTexts(library, SMALL);
      rows.push(row('SQLite', SMALL, rate.toFixed(0), await measure(desk, texts), texts.length));
      console.log(rows[rows.length - 1]);
    } finally {
      await desk.app.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = process.env.BENCH_DATABASE_URL;
  if (pg && !SMOKE) {
    const client = new Client({ connectionString: pg });
    await client.connect();
    const seeded = REUSE ? Number((await client.query(`SELECT count(*) AS n FROM fact_checks WHERE url LIKE '%/fact-check/13/%'`).catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n) : 0;
    if (seeded !== LARGE) await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    const desk = await startDesk(pg);
    try {
      const tx = desk.app.get(Transactions);
      if (seeded !== LARGE) {
        const rate = await grow(desk, library, 0, SMALL);
        await tx.dataSource.query('ANALYZE fact_checks');
        const texts = queryTexts(library, SMALL);
        rows.push(row('PostgreSQL 15', SMALL, rate.toFixed(0), await measure(desk, texts), texts.length));
        console.log(rows[rows.length - 1]);
        const bigRate = await grow(desk, library, SMALL, LARGE);
        rows.push(`(seeded ${(LARGE - SMALL).toLocaleString('en')} more at ${bigRate.toFixed(0)}/s)`);
        await tx.dataSource.query('VACUUM ANALYZE fact_checks');
      }
      const texts = queryTexts(library, LARGE);
      rows.push(row('PostgreSQL 15', LARGE, seeded === LARGE ? '(reused)' : '', await measure(desk, texts), texts.length));
      console.log(rows[rows.length - 1]);
    } finally {
      await desk.app.close();
    }
  }
  console.log(rows.join('\n'));
  if (SMOKE) return;
  writeSection('library-scale', [
    '## Fact-check library at scale: `similar` at 10,000 and 1,000,000 fact-checks, import rate',
    '',
    `Measured by \`bench/library-scale.bench.ts\` on ${machineLine()}. A seeded synthetic library`,
    '(bench/library-scale-data.ts) imported through the streamed import in slices of 100,000; queries are reworded parts of',
    'library claims with a handle and a link (two in three) and CheckThat! dev tweets (one in three), one at a time after a',
    'warm-up. "service" is the `similar` call (limit 5), "HTTP" the round trip of `GET /fact-checks/similar` on 127.0.0.1.',
    'Goals (issue 13): p95 ≤ 50 ms at 10,000 and ≤ 200 ms at 1,000,000; import ≥ 2,000 ClaimReviews/s.',
    '',
    '| engine | fact-checks | import /s | service p50 ms | service p95 ms | HTTP p50 ms | HTTP p95 ms | answered | load average |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
