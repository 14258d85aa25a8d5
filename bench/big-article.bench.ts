/**
 * Big articles (issue 11, "Scale"): an article of 5 MB of text and one with 5,000 claims. Times, through
 * the API on a fresh SQLite file: creating the article, marking its claims (the claim POST rate at the
 * start and at the end, so that a POST that costs more as claims accumulate shows), the workspace GET,
 * the article's JSON, Markdown, ClaimReview and CSV reports, a text revision that re-anchors every claim,
 * and one more claim POST into the full article.
 *
 *   npm run build:api && ts-node -r tsconfig-paths/register --transpile-only bench/big-article.bench.ts [--smoke] [--no-write]
 *
 * --smoke: 500 KB and 500 claims (CI).
 */
import { loadavg } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { machineLine, writeSection } from './report';
import { mulberry32, prose, seedDesk, SeedUser } from './seed';
import { CLAIMDESK_MAIN, cpuMs, rssBytes, startServer, stopServer } from './servers';

const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const SMOKE = flag('smoke');
const TEXT_BYTES = SMOKE ? 500_000 : 5_000_000;
const CLAIMS = SMOKE ? 500 : 5_000;
/** Claims marked on the 5 MB article (its size is the point, not its claims). */
const CLAIMS_ON_BIG_TEXT = SMOKE ? 20 : 200;
const ADMIN = { email: 'admin@bench.desk', password: 'bench-admin-password' };
const REPORTS = ['json', 'markdown', 'claimreview', 'csv'] as const;
/** Repetitions of each read (median reported). */
const REPEAT = SMOKE ? 1 : 3;

interface Timing {
  what: string;
  ms: number;
  bytes?: number;
  cpuMs: number;
  rssPeakMb: number;
}

class Desk {
  constructor(readonly url: string, readonly pid: number, readonly token: string) {}

  /** One request, timed with the server's CPU time and peak memory over it. */
  async time(what: string, method: string, path: string, body?: unknown): Promise<{ timing: Timing; json: unknown }> {
    let peak = rssBytes(this.pid);
    const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(this.pid))), 20);
    const cpuBefore = cpuMs(this.pid);
    const started = performance.now();
    const answer = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'accept-encoding': 'identity', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await answer.text();
    const ms = performance.now() - started;
    clearInterval(sampler);
    if (!answer.ok) throw new Error(`${method} ${path} → ${answer.status}: ${text.slice(0, 300)}`);
    const json = (answer.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : undefined;
    return { timing: { what, ms, bytes: Buffer.byteLength(text), cpuMs: cpuMs(this.pid) - cpuBefore, rssPeakMb: Math.max(peak, rssBytes(this.pid)) / 2 ** 20 }, json };
  }

  async median(what: string, path: string): Promise<Timing> {
    const runs: Timing[] = [];
    for (let i = 0; i < REPEAT; i++) runs.push((await this.time(what, 'GET', path)).timing);
    runs.sort((a, b) => a.ms - b.ms);
    return runs[Math.floor(runs.length / 2)];
  }
}

/** Newsroom prose of about `bytes` UTF-8 bytes, and the sentences to mark as claims (every one). */
function article(seed: number, claims: number, bytes?: number): { text: string; claims: string[] } {
  if (bytes === undefined) return prose(mulberry32(seed), claims, 2);
  // Paragraphs until the size is reached; each sentence is a candidate claim.
  const rnd = mulberry32(seed);
  const parts: string[] = [];
  const sentences: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = prose(rnd, 200, 2);
    parts.push(p.text);
    sentences.push(...p.claims);
    size += Buffer.byteLength(p.text) + 2;
  }
  return { text: parts.join('\n\n'), claims: sentences };
}

/** Code-point offsets of each sentence (searching forward), as TextPositionSelectors. */
function spans(text: string, sentences: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  let cp = 0;
  let at16 = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, from);
    if (at < 0) throw new Error(`not found: ${sentence}`);
    for (let i = at16; i < at; i++) {
      const c = text.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) cp++;
    }
    at16 = at;
    out.push({ start: cp, end: cp + [...sentence].length });
    from = at + sentence.length;
  }
  return out;
}

/** Marks the spans 4 at a time; returns the claim POST rate over the first and the last tenth. */
async function mark(desk: Desk, articleId: string, marks: ReadonlyArray<{ start: number; end: number }>): Promise<{ ids: string[]; firstPerS: number; lastPerS: number; seconds: number }> {
  const ids: string[] = new Array(marks.length);
  const done: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (next < marks.length) {
      const i = next++;
      const { json } = await desk.time('claim POST', 'POST', `/api/v1/articles/${articleId}/claims`, { selector: { type: 'TextPositionSelector', ...marks[i] } });
      ids[i] = (json as { id: string }).id;
      done.push(performance.now());
    }
  }));
  const tenth = Math.max(1, Math.floor(done.length / 10));
  const rate = (from: number, to: number) => (to - from) / ((done[to] - done[from]) / 1000);
  return { ids, firstPerS: rate(0, tenth), lastPerS: rate(done.length - 1 - tenth, done.length - 1), seconds: (performance.now() - started) / 1000 };
}

/** The revision measured: a sentence inserted at the top, one in the middle, one near the end. */
function revised(text: string): string {
  const insert = (t: string, at: number, what: string) => {
    const cut = t.indexOf('\n\n', at);
    return cut < 0 ? t : `${t.slice(0, cut)} ${what}${t.slice(cut)}`;
  };
  let out = `Editor's note: this article was updated.\n\n${text}`;
  out = insert(out, Math.floor(out.length / 2), 'A correction was added here.');
  return insert(out, Math.floor(out.length * 0.9), 'Figures were checked again.');
}

async function measureArticle(desk: Desk, label: string, body: { text: string; claims: string[] }, claims: number, user: SeedUser): Promise<{ rows: Timing[]; notes: string[] }> {
  const rows: Timing[] = [];
  const notes: string[] = [];
  const created = await desk.time(`${label}: article POST`, 'POST', '/api/v1/articles', { format: 'text', content: body.text, title: label });
  rows.push(created.timing);
  const { id, text } = created.json as { id: string; text: string };
  const step = Math.max(1, Math.floor(body.claims.length / claims));
  const chosen = body.claims.filter((_, i) => i % step === 0).slice(0, claims);
  const marked = await mark(new Desk(desk.url, desk.pid, user.token), id, spans(text, chosen));
  notes.push(`${label}: ${chosen.length} claims marked in ${marked.seconds.toFixed(1)} s (4 at a time): ${marked.firstPerS.toFixed(0)} claims/s over the first tenth, ${marked.lastPerS.toFixed(0)} claims/s over the last`);
  rows.push(await desk.median(`${label}: workspace GET`, `/api/v1/articles/${id}/workspace`));
  for (const format of REPORTS) rows.push(await desk.median(`${label}: ${format} report`, `/api/v1/articles/${id}/report?format=${format}`));
  const revision = await desk.time(`${label}: text revision (re-anchors ${chosen.length})`, 'PUT', `/api/v1/articles/${id}/text`, { format: 'text', content: revised(text) });
  rows.push(revision.timing);
  const summary = (revision.json as { reanchor: { anchored: number; moved: number; fuzzy: number; orphaned: number } }).reanchor;
  notes.push(`${label}: the revision's re-anchoring: ${summary.anchored} anchored, ${summary.moved} moved, ${summary.fuzzy} fuzzy, ${summary.orphaned} orphaned`);
  const last = chosen.length - 1;
  const again = spans(revised(text), [body.claims.find((s, i) => i % step !== 0 && i > last * step) ?? body.claims[body.claims.length - 1]]);
  rows.push((await desk.time(`${label}: claim POST into it`, 'POST', `/api/v1/articles/${id}/claims`, { selector: { type: 'TextPositionSelector', ...again[0] } })).timing);
  rows.push(await desk.median(`${label}: workspace GET after`, `/api/v1/articles/${id}/workspace`));
  return { rows, notes };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-bigbench-'));
  const env = { DATABASE_URL: `sqlite://${join(dir, 'desk.sqlite')}`, CLAIMDESK_ADMIN_EMAIL: ADMIN.email, CLAIMDESK_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' };
  const server = await startServer('ClaimDesk', [CLAIMDESK_MAIN], env);
  try {
    const load = loadavg()[0];
    const seeded = await seedDesk({ baseUrl: server.url, admin: ADMIN, claims: 5, smallArticles: 0 });
    const reviewer = seeded.reviewer;
    const desk = new Desk(server.url, server.pid, reviewer.token);
    const many = await measureArticle(desk, `${CLAIMS.toLocaleString('en')} claims`, article(11, CLAIMS), CLAIMS, reviewer);
    const big = await measureArticle(desk, `${(TEXT_BYTES / 1e6).toLocaleString('en')} MB`, article(12, 0, TEXT_BYTES), CLAIMS_ON_BIG_TEXT, reviewer);
    const rows = [...many.rows, ...big.rows].map((t) =>
      `| ${t.what} | ${t.ms.toFixed(0)} ms | ${t.cpuMs.toFixed(0)} ms | ${t.bytes === undefined ? '' : `${(t.bytes / 2 ** 20).toFixed(2)} MB`} | ${t.rssPeakMb.toFixed(0)} MB |`);
    const markdown = [
      '## Big articles: 5 MB of text, 5,000 claims',
      '',
      `Machine: ${machineLine()}; load average ${load.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`,
      '',
      '| request | time | server CPU | answer (uncompressed) | server RSS peak |',
      '|---|---:|---:|---:|---:|',
      ...rows,
      '',
      ...[...many.notes, ...big.notes].map((n) => `- ${n}.`),
      '',
      `Method: \`bench/big-article.bench.ts\` starts the desk on a fresh SQLite file, creates through the API an article of ${CLAIMS.toLocaleString('en')} sentences and marks each as a claim (TextPositionSelector, 4 requests at a time), then an article of ${(TEXT_BYTES / 1e6).toLocaleString('en')} MB of the same kind of prose with ${CLAIMS_ON_BIG_TEXT} claims. Reads are the median of ${REPEAT}, uncompressed; the revision inserts three sentences (top, middle, near the end) and re-anchors every claim. Server CPU is the desk process's user + system time over the request (all threads, the re-anchoring worker included), from /proc.`,
    ].join('\n');
    process.stdout.write(`\n${markdown}\n`);
    if (!SMOKE && !flag('no-write')) writeSection('big-article', markdown);
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
