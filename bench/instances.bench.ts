/**
 * Several desks on one PostgreSQL (issue 11, "Scale"): claims/s and notes/s through 1, 2 and 4
 * instances of dist/apps/api/main.js behind a round-robin proxy (bench/round-robin-proxy.ts), with
 * what each process burns meanwhile (the desks, the proxy, PostgreSQL's backends, from /proc) and
 * what PostgreSQL's backends wait on (pg_stat_activity sampled every 200 ms).
 *
 *   npm run build:api && ts-node -r tsconfig-paths/register --transpile-only bench/instances.bench.ts \
 *          [--database=postgres://…] [--smoke] [--seconds=8] [--rounds=2] [--no-write]
 *
 * The database (its schema is wiped) is --database, else BENCH_DATABASE_URL, else TEST_DATABASE_URL;
 * without one the bench says so and does nothing. Four desks are started once; each run sends load
 * through a proxy over the first 1, 2 or 4 of them (the others idle), in rounds that alternate the order.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { machineLine, writeSection } from './report';
import { mulberry32, prose } from './seed';
import { call, CLAIMDESK_MAIN, cpuMs, freePort, ROOT, Server, startServer, stopServer } from './servers';

/** What this bench reads of autocannon's answer (the package ships no types). */
type LoadRun = { duration: number; errors: number; timeouts: number; non2xx: number; latency: { p50: number; p99: number }; requests: { total: number } };
type Autocannon = (options: {
  url: string; method: string; headers: Record<string, string>; connections: number; duration: number; timeout: number;
  requests?: { setupRequest: (request: { body?: string; path?: string }) => { body?: string; path?: string } }[];
}) => Promise<LoadRun>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const option = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const SMOKE = flag('smoke');
const DATABASE = option('database') ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const SECONDS = Number(option('seconds') ?? (SMOKE ? 2 : 8));
const ROUNDS = Number(option('rounds') ?? (SMOKE ? 1 : 2));
const COUNTS = SMOKE ? [1, 2] : [1, 2, 4];
const CONNECTIONS = 32;
const ARTICLES = SMOKE ? 4 : 32;
/** Migrating a fresh PostgreSQL schema takes a while on a busy machine. */
const STARTUP_MS = 300_000;
const ADMIN = { email: 'admin@bench.desk', password: 'bench-admin-password' };

/** Busy and total jiffies of the whole machine (/proc/stat's first line). */
function machineJiffies(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

function cpuOrZero(pid: number): number {
  try {
    return cpuMs(pid);
  } catch {
    return 0; // the process ended (a PostgreSQL backend that closed)
  }
}

interface Sample {
  desksMs: number;
  proxyMs: number;
  postgresMs: number;
  machineBusy: number;
  waits: Map<string, number>;
  samples: number;
  backendsSeen: number;
}

/** Samples CPU per process group and PostgreSQL's wait events while `run` runs. */
async function sampled<T>(pg: Client, desks: readonly Server[], proxy: ChildProcess, run: () => Promise<T>): Promise<{ result: T; sample: Sample }> {
  const backendCpu = new Map<number, { first: number; last: number }>();
  const waits = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const deskStart = desks.map((d) => cpuOrZero(d.pid));
  const proxyStart = cpuOrZero(proxy.pid as number);
  const machineStart = machineJiffies();
  const poll = (async () => {
    while (!stopped) {
      const rows = (await pg.query<{ pid: number; state: string | null; wait: string | null }>(
        "SELECT pid, state, wait_event_type || ':' || wait_event AS wait FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
      )).rows;
      samples++;
      for (const row of rows) {
        const now = cpuOrZero(row.pid);
        const seen = backendCpu.get(row.pid);
        if (seen) seen.last = now;
        else backendCpu.set(row.pid, { first: now, last: now });
        if (row.state === 'active') waits.set(row.wait ?? 'CPU (no wait)', (waits.get(row.wait ?? 'CPU (no wait)') ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  const result = await run();
  await new Promise((resolve) => setTimeout(resolve, 300)); // requests still in flight settle
  stopped = true;
  await poll;
  for (const [pid, seen] of backendCpu) seen.last = Math.max(seen.last, cpuOrZero(pid));
  const machineEnd = machineJiffies();
  return {
    result,
    sample: {
      desksMs: desks.reduce((sum, d, i) => sum + cpuOrZero(d.pid) - deskStart[i], 0),
      proxyMs: cpuOrZero(proxy.pid as number) - proxyStart,
      postgresMs: [...backendCpu.values()].reduce((sum, s) => sum + s.last - s.first, 0),
      machineBusy: (machineEnd.busy - machineStart.busy) / Math.max(1, machineEnd.total - machineStart.total),
      waits,
      samples,
      backendsSeen: backendCpu.size,
    },
  };
}

async function startProxy(backends: readonly Server[]): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const to = backends.map((b) => b.url.replace('http://', '')).join(',');
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, 'round-robin-proxy.ts'), `--port=${port}`, `--to=${to}`], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`proxy exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

interface Row {
  route: 'claim POST' | 'note POST';
  instances: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  sample: Sample;
  seconds: number;
}

async function main(): Promise<void> {
  if (!DATABASE) {
    process.stdout.write('instances.bench: no PostgreSQL database given (--database=, BENCH_DATABASE_URL or TEST_DATABASE_URL): nothing measured\n');
    return;
  }
  const pg = new Client({ connectionString: DATABASE });
  await pg.connect();
  await pg.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  const env = { DATABASE_URL: DATABASE, CLAIMDESK_ADMIN_EMAIL: ADMIN.email, CLAIMDESK_ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' };
  const desks: Server[] = [];
  let proxy: { child: ChildProcess; url: string } | undefined;
  try {
    // The first desk alone migrates the schema; the others start on it.
    desks.push(await startServer('desk 1', [CLAIMDESK_MAIN], env, STARTUP_MS));
    desks.push(...(await Promise.all([2, 3, 4].slice(0, Math.max(...COUNTS) - 1).map((n) => startServer(`desk ${n}`, [CLAIMDESK_MAIN], env, STARTUP_MS)))));
    const base = desks[0].url;
    const admin = await call<{ token: string }>(base, 'POST', '/api/v1/auth/login', ADMIN);
    await call(base, 'POST', '/api/v1/users', { email: 'rita@bench.desk', displayName: 'Rita Alves', role: 'reviewer', password: 'bench-password-reviewer' }, admin.token);
    const reviewer = await call<{ token: string }>(base, 'POST', '/api/v1/auth/login', { email: 'rita@bench.desk', password: 'bench-password-reviewer' });
    // Desks work on many articles at once: the load spreads over ARTICLES articles (writes to one
    // article are ordered by an advisory lock on PostgreSQL, so one article alone would measure that lock).
    const rnd = mulberry32(3);
    const claimRequests: Array<{ path: string; body: string }> = [];
    const noteRequests: Array<{ path: string; body: string }> = [];
    for (let a = 0; a < ARTICLES; a++) {
      const body = prose(mulberry32(7 + a), 20, 2);
      const article = await call<{ id: string; text: string }>(base, 'POST', '/api/v1/articles', { format: 'text', content: body.text, title: `Instances ${a}` }, reviewer.token);
      // Every sentence as a span to mark (claims may overlap: a span may be marked again and again).
      const spans = body.claims.map((s) => {
        const at = article.text.indexOf(s);
        const start = Array.from(article.text.slice(0, at)).length;
        return { start, end: start + Array.from(s).length };
      });
      const noteClaim = await call<{ id: string }>(base, 'POST', `/api/v1/articles/${article.id}/claims`, { selector: { type: 'TextPositionSelector', ...spans[0] } }, reviewer.token);
      for (let i = 0; i < 16; i++) {
        claimRequests.push({ path: `/api/v1/articles/${article.id}/claims`, body: JSON.stringify({ selector: { type: 'TextPositionSelector', ...spans[Math.floor(rnd() * spans.length)] } }) });
        noteRequests.push({ path: `/api/v1/claims/${noteClaim.id}/annotations`, body: JSON.stringify({ body: `Checked against the ${2015 + (i % 9)} annual report: the figure is in table ${i % 12}.` }) });
      }
    }
    const shuffled = <T>(items: T[]): T[] => items.map((item) => ({ item, key: rnd() })).sort((x, y) => x.key - y.key).map(({ item }) => item);
    const routes = [
      { route: 'claim POST' as const, requests: shuffled(claimRequests) },
      { route: 'note POST' as const, requests: shuffled(noteRequests) },
    ];
    const loadBefore = loadavg()[0];
    const rows: Row[] = [];
    const run = async (url: string, requests: Array<{ path: string; body: string }>, seconds: number) => {
      let sent = 0;
      return autocannon({
        url, method: 'POST', connections: CONNECTIONS, duration: seconds, timeout: 30,
        headers: { authorization: `Bearer ${reviewer.token}`, 'content-type': 'application/json' },
        requests: [{ setupRequest: (request) => ({ ...request, ...requests[sent++ % requests.length] }) }],
      });
    };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? COUNTS : [...COUNTS].reverse();
      for (const instances of order) {
        proxy = await startProxy(desks.slice(0, instances));
        for (const { route, requests } of routes) {
          await run(proxy.url, requests, 1); // warm-up: every desk's connections and JIT
          const { result, sample } = await sampled(pg, desks.slice(0, instances), proxy.child, () => run((proxy as { url: string }).url, requests, SECONDS));
          const row: Row = { route, instances, rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, failures: result.non2xx + result.errors + result.timeouts, sample, seconds: result.duration };
          rows.push(row);
          process.stdout.write(`${route} via ${instances}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.failures} failures; CPU desks ${(sample.desksMs / 10 / row.seconds).toFixed(0)} %, postgres ${(sample.postgresMs / 10 / row.seconds).toFixed(0)} %, proxy ${(sample.proxyMs / 10 / row.seconds).toFixed(0)} %, machine ${(sample.machineBusy * 100).toFixed(0)} % busy\n`);
        }
        proxy.child.kill('SIGTERM');
        proxy = undefined;
      }
    }
    const markdown = report(rows, loadBefore);
    process.stdout.write(`\n${markdown}\n`);
    if (!SMOKE && !flag('no-write')) writeSection('instances', markdown);
  } finally {
    proxy?.child.kill('SIGTERM');
    await Promise.all(desks.map((d) => stopServer(d)));
    await pg.end();
  }
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function report(rows: Row[], loadBefore: number): string {
  const lines: string[] = [];
  for (const route of ['claim POST', 'note POST'] as const) {
    for (const instances of COUNTS) {
      const runs = rows.filter((r) => r.route === route && r.instances === instances);
      if (runs.length === 0) continue;
      const pct = (pick: (r: Row) => number) => `${median(runs.map((r) => pick(r) / 10 / r.seconds)).toFixed(0)} %`;
      const perRequest = (pick: (r: Row) => number) => median(runs.map((r) => pick(r) / Math.max(1, r.rps * r.seconds))).toFixed(2);
      const waits = new Map<string, number>();
      let samples = 0;
      for (const r of runs) {
        samples += r.sample.samples;
        for (const [k, v] of r.sample.waits) waits.set(k, (waits.get(k) ?? 0) + v);
      }
      const top = [...waits].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v / samples).toFixed(1)}`).join(', ');
      lines.push(`| ${route} | ${instances} | ${median(runs.map((r) => r.rps)).toFixed(0)} | ${median(runs.map((r) => r.p50)).toFixed(0)} | ${median(runs.map((r) => r.p99)).toFixed(0)} | ${pct((r) => r.sample.desksMs)} | ${pct((r) => r.sample.postgresMs)} | ${pct((r) => r.sample.proxyMs)} | ${median(runs.map((r) => r.sample.machineBusy * 100)).toFixed(0)} % | ${perRequest((r) => r.sample.desksMs)} / ${perRequest((r) => r.sample.postgresMs)} | ${top} | ${runs.reduce((s, r) => s + r.failures, 0)} |`);
    }
  }
  return [
    '## Several instances on one PostgreSQL',
    '',
    `Machine: ${machineLine()} (${cpus().length} cores); load average ${loadBefore.toFixed(1)} before, ${loadavg()[0].toFixed(1)} after.`,
    '',
    '| route | desks | req/s | p50 ms | p99 ms | CPU: desks | CPU: PostgreSQL backends | CPU: proxy | machine busy | CPU ms/req desks / PostgreSQL | PostgreSQL active backends by wait (mean per sample) | failures |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
    ...lines,
    '',
    `Method: \`bench/instances.bench.ts\` wipes a PostgreSQL 15 database, starts ${Math.max(...COUNTS)} desks (\`dist/apps/api/main.js\`, \`LOG_LEVEL=warn\`, each with its pool of 10 connections) on it, seeds through the API ${ARTICLES} articles of 20 sentences, then sends load through \`bench/round-robin-proxy.ts\` (node:net, one backend per incoming connection in turn) over the first 1, 2 or 4 desks. autocannon, in the bench's process, drives ${CONNECTIONS} keep-alive connections on 127.0.0.1 for ${SECONDS} s per run (after a 1 s warm-up), ${ROUNDS} round(s) alternating the order of the counts; figures are medians. Each request goes to one of the ${ARTICLES} articles in a shuffled order: claim POST, a TextPositionSelector on one of its sentences (claims may overlap, so each POST adds a claim); note POST, a note on one claim of that article. Writes to one article are ordered by a PostgreSQL advisory lock held to commit (the live events' numbering, libs/audit live-events.service.ts), so one article takes its writes one at a time whatever the number of desks. CPU is user + system time from /proc/<pid>/stat over the run, as a share of one core (200 % is the whole machine): the desks, the proxy, and every PostgreSQL backend connected to the database (pids from pg_stat_activity); machine busy is from /proc/stat, everything on the machine included (autocannon, other sessions). Waits: pg_stat_activity sampled every 200 ms, active backends counted by wait_event_type:wait_event ("CPU (no wait)" = running or runnable).`,
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
