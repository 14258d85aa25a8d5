import Database from 'better-sqlite3';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bearer, TestDesk } from '../support/test-app';
import { INTERPOL_MD } from '../support/fixtures';
import { MIGRATIONS as MIGRATION_CLASSES } from '@claimdesk/database/migrations';
import { CliWorld, FIXTURE } from './cli-harness';

/** Every migration's name, oldest first: the list grows, the tests follow it. */
const MIGRATIONS = MIGRATION_CLASSES.map((migration) => migration.name);

function inspectDatabase(file: string): { tables: string[]; counts: Record<string, number>; integrity: string; journal: string } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const counts = Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    return { tables, counts, integrity: String(db.pragma('integrity_check', { simple: true })), journal: String(db.pragma('journal_mode', { simple: true })) };
  } finally {
    db.close();
  }
}

describe('claimdesk backup (cli)', () => {
  const world = new CliWorld();
  const database = world.databaseUrl.slice('sqlite:'.length);
  let desk: TestDesk;
  let counter = 0;
  const writeArticle = async (): Promise<void> => {
    counter++;
    await desk.http.post('/api/v1/articles').set(...bearer(desk.admin)).send({ format: 'markdown', title: `Copy ${counter}`, content: `${INTERPOL_MD}\n\nRevision note ${counter}.` }).expect(201);
  };

  beforeAll(async () => {
    expect((await world.run(['import', FIXTURE])).code).toBe(0);
    // The API, running on the same file while backups are taken; enough articles for a copy in many steps.
    desk = await TestDesk.start({}, world.databaseUrl);
    for (let i = 0; i < 120; i++) await writeArticle();
  }, 120_000);
  afterAll(async () => {
    await desk?.close();
    world.cleanup();
  });

  it('copies the database consistently while another connection writes, with a progress bar on a terminal', async () => {
    const before = inspectDatabase(database).counts.articles;
    const copy = world.path('online.sqlite');
    let finished = false;
    const backup = world.run(['backup', copy], { tty: true }).finally(() => (finished = true));
    let writes = 0;
    while (!finished) {
      await writeArticle();
      writes++;
    }
    const result = await backup;
    const after = inspectDatabase(database);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${copy}\n`);
    expect(result.stderr).toMatch(/\r\[[#.]{24}\]\s+\d+% backup \d+\/\d+ pages/);
    expect(result.stderr).toMatch(/\r\[#{24}\] 100% backup (\d+)\/\1 pages/);
    expect(result.stderr).toMatch(new RegExp(`Backed up ${database} \\(\\d+ pages, [\\d.]+ MiB.*\\); integrity ok\\n$`));
    expect(writes).toBeGreaterThan(0);

    const copied = inspectDatabase(copy);
    expect(copied.integrity).toBe('ok');
    expect(copied.journal).toBe('delete');
    expect(copied.tables).toEqual(after.tables);
    expect(copied.tables).toEqual(expect.arrayContaining(['articles', 'article_revisions', 'claims', 'verdicts', 'users', 'migrations']));
    // A snapshot from some moment during the backup: every article then, each with its revision.
    expect(copied.counts.articles).toBeGreaterThanOrEqual(before);
    expect(copied.counts.articles).toBeLessThanOrEqual(after.counts.articles);
    expect(copied.counts.article_revisions).toBe(copied.counts.articles);
    expect(copied.counts.migrations).toBe(MIGRATIONS.length);
    expect(copied.counts.users).toBe(after.counts.users);
    expect(existsSync(`${copy}-wal`)).toBe(false);
  }, 120_000);

  it('writes the copy readable by its owner only, like the database (failed on main: 0644, world-readable)', async () => {
    const copy = world.path('private.sqlite');
    expect((await world.run(['backup', copy])).code).toBe(0);
    expect((statSync(copy).mode & 0o777).toString(8)).toBe('600');
    expect((statSync(database).mode & 0o777).toString(8)).toBe('600');
  });

  it('draws no progress when stderr is not a terminal, only the summary', async () => {
    const result = await world.run(['backup', world.path('quiet.sqlite')]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^Backed up .*; integrity ok\n$/);
  });

  it('refuses to overwrite a file (exit code 4) unless --force', async () => {
    const copy = world.path('existing.sqlite');
    writeFileSync(copy, 'not a database');
    const refused = await world.run(['backup', copy]);
    expect(refused).toMatchObject({ code: 4, stdout: '', stderr: `claimdesk: refused: ${copy} already exists; add --force to overwrite it\n` });
    const forced = await world.run(['backup', copy, '--force']);
    expect(forced.code).toBe(0);
    expect(inspectDatabase(copy).integrity).toBe('ok');
  });

  it('refuses to write over the database itself (exit code 4)', async () => {
    const result = await world.run(['backup', database, '--force']);
    expect(result).toMatchObject({ code: 4, stderr: `claimdesk: refused: ${database} is the database itself\n` });
  });

  it('refuses PostgreSQL (exit code 4) and points to pg_dump, without connecting', async () => {
    // Nothing listens on port 1: had it tried to connect, it would fail with exit code 1 instead.
    const result = await world.run(['backup', world.path('pg.sqlite')], { env: world.env({ DATABASE_URL: 'postgres://desk:secret@127.0.0.1:1/claimdesk' }) });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^claimdesk: refused: backup copies SQLite databases only; for PostgreSQL use pg_dump/);
    expect(existsSync(world.path('pg.sqlite'))).toBe(false);
  });

  it('a database that does not exist is not_found (exit code 3), and is not created', async () => {
    const missing = join(world.dir, 'nowhere', 'desk.sqlite');
    const result = await world.run(['backup', world.path('none.sqlite')], { env: world.env({ DATABASE_URL: `sqlite:${missing}` }) });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`claimdesk: not_found: database ${missing} does not exist`);
    expect(existsSync(missing)).toBe(false);
  });

  it('a copy into a missing directory fails (exit code 1) and says why', async () => {
    const result = await world.run(['backup', world.path('no/such/dir/copy.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('claimdesk: Cannot save backup because the directory does not exist\n');
  });
});

describe('claimdesk migrate (cli)', () => {
  const world = new CliWorld();
  afterAll(() => world.cleanup());

  it('applies the pending migrations of a new database and names them', async () => {
    const result = await world.run(['migrate']);
    expect(result).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `${MIGRATIONS.map((m) => `Applied ${m}\n`).join('')}Database is up to date (${MIGRATIONS.length} of ${MIGRATIONS.length} migrations applied now).\n`,
    });
    const { counts } = inspectDatabase(world.databaseUrl.slice('sqlite:'.length));
    expect(counts.migrations).toBe(MIGRATIONS.length);
    expect(counts.rating_scales).toBeGreaterThanOrEqual(2);
  });

  it('says so when the database is up to date', async () => {
    const result = await world.run(['migrate']);
    expect(result).toMatchObject({ code: 0, stdout: `Database is up to date: no pending migrations (${MIGRATIONS.length} applied earlier).\n` });
  });
});
