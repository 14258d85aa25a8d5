import { execFileSync, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CliWorld, FIXTURE } from './cli-harness';

const ROOT = resolve(__dirname, '../..');
const MAIN = join(ROOT, 'dist/apps/cli/main.js');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function newestSource(dir: string): number {
  return Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs;
  }));
}

/** The packaging is proven, not assumed: the binary npm links as `claimdesk`, as `npm run build:api` builds it. */
describe('the built claimdesk binary (cli)', () => {
  const world = new CliWorld();
  const run = (argv: string[], env: Record<string, string | undefined> = {}, command = process.execPath, args = [MAIN, ...argv]): SpawnSyncReturns<string> =>
    spawnSync(command, command === process.execPath ? args : argv, { cwd: world.dir, encoding: 'utf8', timeout: 60_000, env: { PATH: process.env.PATH, ...env } });

  beforeAll(() => {
    if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource(join(ROOT, 'apps/cli'))) {
      execFileSync('npx', ['nest', 'build', 'cli'], { cwd: ROOT, stdio: 'pipe', timeout: 280_000 });
    }
  }, 300_000);
  afterAll(() => world.cleanup());

  it('node dist/apps/cli/main.js --version prints the version', () => {
    const result = run(['--version']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`claimdesk ${VERSION}\n`);
  });

  it('users list on a new desk: the table on stdout, the generated admin password on stderr only', () => {
    const result = run(['users', 'list'], { DATABASE_URL: world.databaseUrl });
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^[0-9a-f-]{36}\s+admin@claimdesk\.local\s+admin\s+active\s+Administrator$/);
    expect(result.stderr).toMatch(/created the first admin admin@claimdesk\.local with password \S{12,}/);
  });

  it.each([
    [['frobnicate'], {}, 2],
    [['users', 'list'], { DATABASE_URL: 'mysql://desk/db' }, 78],
    [['export', '00000000-0000-4000-8000-000000000000'], {}, 3],
  ])('%j %j exits with %i', (argv, env, code) => {
    const result = run(argv, { DATABASE_URL: world.databaseUrl, ...env });
    expect(result.status).toBe(code);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^claimdesk: /);
  });

  it('exports a PDF when run outside the project directory (needs the reports lib to find its fonts from the bundle)', () => {
    const env = { DATABASE_URL: world.databaseUrl };
    const imported = run(['import', FIXTURE], env);
    expect(imported.status).toBe(0);
    const exported = run(['export', imported.stdout.trim(), '--format', 'pdf', '-o', 'verdicts.pdf'], env);
    expect(exported.stderr).toBe('');
    expect(exported.status).toBe(0);
    expect(readFileSync(join(world.dir, 'verdicts.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('runs as an executable, as npm links it for `npx claimdesk` (needs apps/cli/webpack.config.js wired in nest-cli.json)', () => {
    expect(readFileSync(MAIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    chmodSync(MAIN, 0o755); // what npm does to a "bin" target when it links it
    const result = run(['--version'], {}, MAIN);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`claimdesk ${VERSION}\n`);
  });
});
