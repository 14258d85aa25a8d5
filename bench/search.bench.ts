/**
 * Search benchmark (issue 12, point 6): `GET /api/v1/search` latency at 10,000 claims and 20,000 notes,
 * through the HTTP API of the built desk, on SQLite (FTS5) and, when BENCH_DATABASE_URL names a
 * PostgreSQL database, on PostgreSQL too (its schema is wiped first: give it a database of its own).
 *
 *   npm run build:api
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/search.bench.ts [--smoke] [--no-write] [--no-sqlite]
 *
 * Deterministic: a seeded generator writes 100 articles of 100 sentences; every sentence is marked as a
 * claim (claimant on every fifth) and gets two notes, written in bulk into the desk's tables (the index's
 * triggers index everything as it is written, as for any write). Then a fixed mix of searches (a word in thousands of entries, a rare
 * word, two words, a phrase, an accent-folded word, a stemmed word, a type filter, a second page) runs
 * one request at a time, each query `REPEATS` times; p50 and p95 are over all of them.
 * `--smoke`: 20 articles of 10 claims, 5 repeats, nothing written to docs/benchmarks.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { connectTo, idOf, insertRows } from './bulk-insert';
import { machineLine, writeSection } from './report';
import { mulberry32 } from './seed';
import { call, CLAIMDESK_MAIN, startServer, stopServer } from './servers';

const SMOKE = process.argv.includes('--smoke');
const WRITE = !SMOKE && !process.argv.includes('--no-write');
const ARTICLES = SMOKE ? 20 : 100;
const CLAIMS_PER_ARTICLE = SMOKE ? 10 : 100;
const NOTES_PER_CLAIM = 2;
const REPEATS = SMOKE ? 5 : 30;
const ADMIN = { email: 'admin@bench.desk', password: 'bench-admin-password' };

// ---------------------------------------------------------------- seeded text

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

/**
 * The desk's content written in bulk (bench/bulk-insert.ts): the same rows the API's W3C import would
 * write for what is searched — titles, texts, quotes, claimants, claimReviewed, note bodies — and the
 * index's triggers fill the index as they go. Seeding 30,000 rows through the API took over 30 minutes on
 * PostgreSQL on the shared machine; this takes seconds.
 */
async function seed(databaseUrl: string, authorId: string): Promise<{ claims: number; notes: number; seconds: number }> {
  const started = performance.now();
  const articles: unknown[][] = [];
  const claims: unknown[][] = [];
  const notes: unknown[][] = [];
  const now = new Date(Date.UTC(2026, 10, 1)).toISOString();
  for (let a = 0; a < ARTICLES; a++) {
    const sentences = Array.from({ length: CLAIMS_PER_ARTICLE }, sentence);
    const text = sentences.join(' ');
    const articleId = idOf(1, a);
    articles.push([articleId, `Report ${a}: ${sentence()}`, 'text', text, text, Array.from(text).length, 'x'.repeat(64), 1, authorId, now, now, '[]']);
    let at = 0;
    sentences.forEach((exact, i) => {
      const n = a * CLAIMS_PER_ARTICLE + i;
      const start = at; // the generator writes ASCII and a few BMP letters: code points and UTF-16 units agree
      at += exact.length + 1;
      const claimId = idOf(2, n);
      const claimant = i % 5 === 0 ? pick(NAMES) : null;
      claims.push([claimId, articleId, 1, start, start + exact.length, start, start + exact.length, exact, text.slice(Math.max(0, start - 32), start),
        text.slice(start + exact.length, start + exact.length + 32), 'anchored', claimant, claimant ? sentence() : null, '[]', 'open', authorId, now, now, 1]);
      for (let k = 0; k < NOTES_PER_CLAIM; k++) {
        notes.push([idOf(3, n * NOTES_PER_CLAIM + k), claimId, null, authorId, `${sentence()} ${sentence()}`, 'commenting', false, now, null, now, 1]);
      }
    });
  }
  const db = await connectTo(databaseUrl);
  try {
    await db.transaction(async (manager) => {
      await insertRows(manager, 'articles', ['id', 'title', 'format', 'raw_content', 'text', 'length', 'content_hash', 'revision', 'created_by', 'created_at', 'updated_at', 'authors'], articles);
      await insertRows(manager, 'claims', ['id', 'article_id', 'revision', 'start_offset', 'end_offset', 'start_utf16', 'end_utf16', 'quote', 'prefix', 'suffix', 'anchor',
        'claimant', 'claim_reviewed', 'tags', 'status', 'created_by', 'created_at', 'updated_at', 'version'], claims);
      await insertRows(manager, 'annotations', ['id', 'claim_id', 'parent_id', 'author_id', 'body', 'motivation', 'deleted', 'created_at', 'edited_at', 'updated_at', 'version'], notes);
    });
    // Fresh statistics, as a desk that has been running has them.
    await db.query('ANALYZE');
  } finally {
    await db.destroy();
  }
  return { claims: claims.length, notes: notes.length, seconds: (performance.now() - started) / 1000 };
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
      const page = await call<{ items: unknown[]; nextCursor: string | null }>(url, 'GET', `/api/v1/search?${qs}`, undefined, token);
      times.push(performance.now() - started);
      found = page.items.length;
      cursor = page.nextCursor;
    }
    // The second page of the same search, as a reader paging on would ask for it.
    if (cursor) {
      const started = performance.now();
      await call(url, 'GET', `/api/v1/search?${new URLSearchParams({ ...query, cursor }).toString()}`, undefined, token);
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
  const desk = await startServer('ClaimDesk', [CLAIMDESK_MAIN], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn',
    CLAIMDESK_ADMIN_EMAIL: ADMIN.email, CLAIMDESK_ADMIN_PASSWORD: ADMIN.password });
  try {
    const login = await fetch(`${desk.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const { token, user } = (await login.json()) as { token: string; user: { id: string } };
    const seeded = await seed(databaseUrl, user.id);
    console.log(`${engine}: seeded ${seeded.claims} claims and ${seeded.notes} notes in ${seeded.seconds.toFixed(0)} s`);
    await measure(desk.url, token); // warm-up: caches, prepared statements, JIT
    const load = loadavg()[0];
    // The same machine's floor: an authenticated request that reads one row, right before the searches.
    const floor: number[] = [];
    for (let i = 0; i < REPEATS * 2; i++) {
      const started = performance.now();
      await call(desk.url, 'GET', '/api/v1/me', undefined, token);
      floor.push(performance.now() - started);
    }
    floor.sort((a, b) => a - b);
    const baseline = `| baseline: \`GET /api/v1/me\` | | | ${percentile(floor, 50).toFixed(1)} | ${percentile(floor, 95).toFixed(1)} |`;
    console.log(baseline);
    const result = await measure(desk.url, token);
    console.log(`${engine}: search p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms over ${result.count} requests`);
    result.rows.forEach((row) => console.log(row));
    return [
      `### ${engine}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${result.count} requests, one at a time; load average ${load.toFixed(1)} when measured)`,
      '',
      `${ARTICLES} articles, ${seeded.claims} claims, ${seeded.notes} notes (seeded in bulk in ${seeded.seconds.toFixed(0)} s).`,
      '',
      '| search | query | results on the page | p50 ms | p95 ms |',
      '|---|---|---|---|---|',
      baseline,
      ...result.rows,
    ].join('\n');
  } finally {
    await stopServer(desk);
  }
}

async function main(): Promise<void> {
  const sections: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-search-bench-'));
  try {
    if (!process.argv.includes('--no-sqlite')) sections.push(await runOn('SQLite (FTS5)', `sqlite:${join(dir, 'desk.sqlite')}`));
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
