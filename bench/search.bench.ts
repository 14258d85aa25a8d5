/**
 * Search benchmark (issue 12, point 6): `GET /api/v1/search` latency at 10,000 claims and 20,000 notes,
 * through the HTTP API of the built desk, on SQLite (FTS5) and, when BENCH_DATABASE_URL names a
 * PostgreSQL database, on PostgreSQL too (its schema is wiped first: give it a database of its own).
 *
 *   npm run build:api
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/search.bench.ts [--smoke] [--no-write]
 *
 * Deterministic: a seeded generator writes 100 articles of 100 sentences; every sentence is marked as a
 * claim (claimant on every fifth) and gets two notes, imported through the API's W3C annotation import
 * (the triggers index everything as it is written). Then a fixed mix of searches (a word in thousands of entries, a rare
 * word, two words, a phrase, an accent-folded word, a stemmed word, a type filter, a second page) runs
 * one request at a time, each query `REPEATS` times; p50 and p95 are over all of them.
 * `--smoke`: 20 articles of 10 claims, 5 repeats, nothing written to docs/benchmarks.md.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { machineLine, writeSection } from './report';

const SMOKE = process.argv.includes('--smoke');
const WRITE = !SMOKE && !process.argv.includes('--no-write');
const ARTICLES = SMOKE ? 20 : 100;
const CLAIMS_PER_ARTICLE = SMOKE ? 10 : 100;
const NOTES_PER_CLAIM = 2;
const REPEATS = SMOKE ? 5 : 30;
const ROOT = join(__dirname, '..');
const MAIN = join(ROOT, 'dist', 'apps', 'api', 'main.js');
const ADMIN = { email: 'admin@bench.desk', password: 'bench-admin-password' };

// ---------------------------------------------------------------- seeded text

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
// Seeded again for each engine, so both get the same desk.
let rnd = mulberry32(12);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

const COMMON = ('the minister said budget government report official figures year million percent police election vote ' +
  'court president city council spending tax health school bridge hospital company investigation agency policy').split(' ');
const VERBS = ['accused', 'accusing', 'denied', 'denies', 'claimed', 'claims', 'doubled', 'promised', 'reported', 'warned'];
const NAMES = ['Élysée', 'Zoë Dubois', 'José Martínez', 'Łukasz Nowak', 'Ngozi Okafor', 'Jürgen Braun', 'Kim Jong-yang'];
// Rare words: a few thousand made-up ones, each in only a handful of entries.
const RARE = Array.from({ length: 4000 }, (_, i) => `zq${i.toString(36)}x`);

const sentence = (): string => {
  const words = Array.from({ length: 10 + Math.floor(rnd() * 8) }, () => (rnd() < 0.08 ? pick(RARE) : pick(COMMON)));
  words.splice(2, 0, pick(VERBS));
  if (rnd() < 0.1) words.splice(5, 0, pick(NAMES));
  const text = words.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
};

// ---------------------------------------------------------------- the desk

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startDesk(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'warn',
      CLAIMDESK_ADMIN_EMAIL: ADMIN.email, CLAIMDESK_ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`the desk exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  child.kill('SIGKILL');
  throw new Error('the desk did not start within 60 s');
}

async function stopDesk(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

async function call<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const answer = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await answer.text();
  if (!answer.ok) throw new Error(`${method} ${path} → ${answer.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function seed(url: string, token: string): Promise<{ claims: number; notes: number; seconds: number }> {
  const started = performance.now();
  let claims = 0;
  let notes = 0;
  for (let a = 0; a < ARTICLES; a++) {
    const sentences = Array.from({ length: CLAIMS_PER_ARTICLE }, sentence);
    const text = sentences.join(' ');
    const article = await call<{ id: string }>(url, token, 'POST', '/articles', { format: 'text', title: `Report ${a}: ${sentence()}`, content: text });
    // Every sentence a claim with its notes, in one W3C annotation import per article (the API's bulk path).
    let at = 0;
    const items = sentences.map((exact, i) => {
      const start = at;
      at += exact.length + 1;
      return {
        '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: `urn:bench:${a}:${i}`,
        body: Array.from({ length: NOTES_PER_CLAIM }, () => ({ type: 'TextualBody', value: `${sentence()} ${sentence()}`, purpose: 'commenting' })),
        target: { selector: [{ type: 'TextQuoteSelector', exact }, { type: 'TextPositionSelector', start, end: start + exact.length }] },
        ...(i % 5 === 0 ? { claimant: pick(NAMES), claimReviewed: sentence() } : {}),
      };
    });
    const imported = await call<{ created: unknown[]; failed: unknown[] }>(url, token, 'POST', `/imports/annotations?articleId=${article.id}`, items);
    if (imported.failed.length) throw new Error(`import failed: ${JSON.stringify(imported.failed.slice(0, 3))}`);
    claims += imported.created.length;
    notes += imported.created.length * NOTES_PER_CLAIM;
    if (process.stderr.isTTY) process.stderr.write(`\r  seeded ${claims} claims, ${notes} notes`);
  }
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  return { claims, notes, seconds: (performance.now() - started) / 1000 };
}

// ---------------------------------------------------------------- measuring

const QUERIES: { name: string; query: Record<string, string> }[] = [
  { name: 'a common word (thousands of entries)', query: { q: 'budget' } },
  { name: 'a rare word', query: { q: RARE[7] } },
  { name: 'two words', query: { q: 'minister hospital' } },
  { name: 'a phrase', query: { q: '"minister said"' } },
  { name: 'accents folded', query: { q: 'elysee' } },
  { name: 'a stemmed word', query: { q: 'accuse' } },
  { name: 'type filter (notes)', query: { q: 'police', type: 'annotation' } },
  { name: 'limit 200', query: { q: 'court', limit: '200' } },
];

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(url: string, token: string): Promise<{ rows: string[]; p50: number; p95: number; count: number }> {
  const all: number[] = [];
  const rows: string[] = [];
  for (const { name, query } of QUERIES) {
    const times: number[] = [];
    let found = 0;
    let cursor: string | null = null;
    for (let i = 0; i < REPEATS; i++) {
      const qs = new URLSearchParams(query).toString();
      const started = performance.now();
      const page = await call<{ items: unknown[]; nextCursor: string | null }>(url, token, 'GET', `/search?${qs}`);
      times.push(performance.now() - started);
      found = page.items.length;
      cursor = page.nextCursor;
    }
    // The second page of the same search, as a reader paging on would ask for it.
    if (cursor) {
      const started = performance.now();
      await call(url, token, 'GET', `/search?${new URLSearchParams({ ...query, cursor }).toString()}`);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    rows.push(`| ${name} | \`${new URLSearchParams(query).toString()}\` | ${found}${cursor ? '+' : ''} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  all.sort((a, b) => a - b);
  return { rows, p50: percentile(all, 50), p95: percentile(all, 95), count: all.length };
}

async function runOn(engine: string, databaseUrl: string): Promise<string> {
  rnd = mulberry32(12);
  const desk = await startDesk(databaseUrl);
  try {
    const login = await fetch(`${desk.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { token } = (await login.json()) as { token: string };
    const seeded = await seed(desk.url, token);
    console.log(`${engine}: seeded ${seeded.claims} claims and ${seeded.notes} notes in ${seeded.seconds.toFixed(0)} s`);
    await measure(desk.url, token); // warm-up: caches, prepared statements, JIT
    const load = loadavg()[0];
    const result = await measure(desk.url, token);
    console.log(`${engine}: search p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${result.count} requests`);
    result.rows.forEach((row) => console.log(row));
    return [
      `### ${engine}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${result.count} requests, one at a time; load average ${load.toFixed(1)} when measured)`,
      '',
      `${ARTICLES} articles, ${seeded.claims} claims, ${seeded.notes} notes (seeded through the API in ${seeded.seconds.toFixed(0)} s).`,
      '',
      '| search | query | results on the page | p50 ms | p95 ms |',
      '|---|---|---|---|---|',
      ...result.rows,
    ].join('\n');
  } finally {
    await stopDesk(desk.child);
  }
}

async function main(): Promise<void> {
  const sections: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-search-bench-'));
  try {
    sections.push(await runOn('SQLite (FTS5)', `sqlite:${join(dir, 'desk.sqlite')}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pg = process.env.BENCH_DATABASE_URL;
  if (pg) {
    const client = new Client({ connectionString: pg });
    await client.connect();
    await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await client.end();
    sections.push(await runOn('PostgreSQL (tsvector, GIN)', pg));
  }
  if (!WRITE) return;
  writeSection('search', [
    '## Search: `GET /api/v1/search` at 10,000 claims and 20,000 notes',
    '',
    `Measured by \`bench/search.bench.ts\` (\`npm run bench\`) on ${machineLine()}. The built desk as a child`,
    'process; each search is sent one request at a time after a warm-up round, 30 times, plus its second page;',
    'latency is the whole HTTP round trip on 127.0.0.1. Goal (issue 12): p95 ≤ 100 ms.',
    pg ? '' : 'PostgreSQL is measured when `BENCH_DATABASE_URL` names a database the benchmark may wipe.',
    '',
    ...sections.flatMap((s) => [s, '']),
  ].join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
