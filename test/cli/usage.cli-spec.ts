import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliWorld } from './cli-harness';

const VERSION = (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

describe('claimdesk usage (cli)', () => {
  const world = new CliWorld();
  afterAll(() => world.cleanup());

  it('--version prints the package version', async () => {
    const result = await world.run(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `claimdesk ${VERSION}\n`, stderr: '' });
  });

  it('--help lists every command and the exit codes', async () => {
    const { code, stdout } = await world.run(['--help']);
    expect(code).toBe(0);
    for (const command of ['import', 'export', 'report', 'users add', 'users list', 'backup', 'migrate']) expect(stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    for (const exit of ['0 ', '1 ', '2 ', '3 ', '4 ', '78']) expect(stdout).toMatch(new RegExp(`^  ${exit}`, 'm'));
  });

  it.each([
    [['export', '--help'], /^Usage: claimdesk export <articleId> \[options\]$/m, /json\|markdown\|html\|csv\|pdf\|claimreview\|webannotation/],
    [['help', 'report'], /^Usage: claimdesk report \[options\]$/m, /--from <date>/],
    [['users', '--help'], /^Usage: claimdesk users <command>/m, /users add/],
    [['users', 'add', '-h'], /^Usage: claimdesk users add \[options\]$/m, /--role <role>.*reviewer\|editor\|admin/],
    [['backup', '--help'], /^Usage: claimdesk backup <file> \[options\]$/m, /pg_dump/],
  ])('%j shows that command\'s help', async (argv, usage, detail) => {
    const { code, stdout } = await world.run(argv);
    expect(code).toBe(0);
    expect(stdout).toMatch(usage);
    expect(stdout).toMatch(detail);
  });

  it('without a command, prints the help on stderr and exits 2', async () => {
    const result = await world.run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Usage: claimdesk <command>');
  });

  it.each([
    [['frobnicate'], 'claimdesk: usage: unknown command "frobnicate"'],
    [['users', 'remove'], 'claimdesk: usage: unknown command "users remove"'],
    [['users'], 'claimdesk: usage: "users" needs a command: users add, users list'],
    [['--colour'], 'claimdesk: usage: unknown option "--colour"'],
    [['export', 'some-id', '--colour'], "claimdesk: usage: unknown option '--colour'"],
    [['export'], 'claimdesk: usage: missing <articleId>'],
    [['export', 'a', 'b'], 'claimdesk: usage: unexpected argument "b"'],
    [['export', 'a', '--format', 'docx'], 'claimdesk: usage: --format must be one of json, markdown, html, csv, pdf, claimreview, webannotation (got "docx")'],
    [['export', 'a', '-o'], "claimdesk: usage: Option '-o, --output <value>' argument missing"],
    [['report', '--to', '2026-01-01'], 'claimdesk: usage: missing --from'],
    [['report', '--from', 'yesterday', '--to', '2026-01-01'], 'claimdesk: usage: --from must be an ISO 8601 date or time'],
    [['report', '--from', '2026-02-01', '--to', '2026-01-01'], 'claimdesk: usage: --to must be after --from'],
    [['users', 'add', '--email', 'ana@newsroom.example', '--name', 'Ana'], 'claimdesk: usage: missing --role'],
  ])('%j is a usage error (exit code 2) that says what is wrong', async (argv, message) => {
    const result = await world.run(argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).toMatch(/Run "claimdesk .*--help" for usage\./);
  });

  it.each([
    [{ DATABASE_URL: 'mysql://desk/db' }, 'claimdesk: config: DATABASE_URL: expected sqlite:<path> or postgres://'],
    [{ DATABASE_URL: 'postgres://db.example' }, 'claimdesk: config: DATABASE_URL: a postgres:// URL needs a host and a database name'],
    [{ LOG_LEVEL: 'loud' }, 'claimdesk: config: LOG_LEVEL: expected one of'],
    [{ CLAIMDESK_ADMIN_PASSWORD: 'short' }, 'claimdesk: config: CLAIMDESK_ADMIN_PASSWORD: must have at least 12 characters'],
  ])('a bad environment %j is a configuration error (exit code 78) naming the variable', async (bad, message) => {
    const result = await world.run(['users', 'list'], { env: world.env(bad) });
    expect(result.code).toBe(78);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });

  it('help needs no valid environment', async () => {
    const result = await world.run(['migrate', '--help'], { env: { DATABASE_URL: 'mysql://desk/db' } });
    expect(result.code).toBe(0);
  });
});
