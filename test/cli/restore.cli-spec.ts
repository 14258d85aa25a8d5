import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { bearer, TestDesk } from '../support/test-app';
import { CliWorld, FIXTURE } from './cli-harness';

const countOf = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('claimdesk restore (cli)', () => {
  const world = new CliWorld();
  const database = world.databaseUrl.slice('sqlite:'.length);
  const backup = world.path('backup.sqlite');
  let articlesInBackup = 0;

  beforeAll(async () => {
    expect((await world.run(['import', FIXTURE])).code).toBe(0);
    expect((await world.run(['backup', backup])).code).toBe(0);
    articlesInBackup = countOf(backup, 'articles');
    // Work after the backup, which a restore takes back.
    expect((await world.run(['import', FIXTURE])).code).toBe(0);
  }, 60_000);
  afterAll(() => world.cleanup());

  it('refuses to replace an existing database without --force (exit code 4), and changes nothing', async () => {
    const result = await world.run(['restore', backup]);
    expect(result).toMatchObject({ code: 4, stdout: '', stderr: `claimdesk: refused: database ${database} exists; add --force to replace it with ${backup}\n` });
    expect(countOf(database, 'articles')).toBe(articlesInBackup + 1);
  });

  it('replaces the database with a checked backup atomically, mode 0600, and the desk opens it', async () => {
    const result = await world.run(['restore', backup, '--force']);
    expect(result).toMatchObject({ code: 0, stdout: `${database}\n`, stderr: `Restored ${backup} into ${database}; integrity ok\n` });
    expect(countOf(database, 'articles')).toBe(articlesInBackup);
    expect((statSync(database).mode & 0o777).toString(8)).toBe('600');
    expect(existsSync(`${database}-wal`)).toBe(false);
    const desk = await TestDesk.start({}, world.databaseUrl);
    try {
      const list = await desk.http.get('/api/v1/articles').set(...bearer(desk.admin)).expect(200);
      expect((list.body as { items: unknown[] }).items).toHaveLength(articlesInBackup);
    } finally {
      await desk.close();
    }
  }, 60_000);

  it('restores into a new database without --force', async () => {
    const fresh = world.path('new/desk.sqlite');
    const result = await world.run(['restore', backup], { env: world.env({ DATABASE_URL: `sqlite:${fresh}` }) });
    expect(result.code).toBe(0);
    expect(countOf(fresh, 'articles')).toBe(articlesInBackup);
    expect((statSync(fresh).mode & 0o777).toString(8)).toBe('600');
  });

  it('refuses, even with --force, while a desk has the database open (exit code 4)', async () => {
    const desk = await TestDesk.start({}, world.databaseUrl);
    try {
      const result = await world.run(['restore', backup, '--force']);
      expect(result).toMatchObject({ code: 4, stderr: `claimdesk: refused: database ${database} is in use (a running desk or command has it open); stop it first\n` });
    } finally {
      await desk.close();
    }
  }, 60_000);

  it('refuses a file that is not an intact ClaimDesk database (exit code 1), leaving the database as it was', async () => {
    const before = countOf(database, 'articles');
    const garbage = world.path('garbage.sqlite');
    writeFileSync(garbage, 'not a database at all, just words '.repeat(200));
    const notSqlite = await world.run(['restore', garbage, '--force']);
    expect(notSqlite.code).toBe(1);
    expect(notSqlite.stderr).toMatch(new RegExp(`^claimdesk: ${garbage} cannot be restored: it is not a SQLite database`));

    const other = world.path('other.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY)');
    db.close();
    const foreign = await world.run(['restore', other, '--force']);
    expect(foreign).toMatchObject({ code: 1, stderr: `claimdesk: ${other} cannot be restored: it is not a ClaimDesk database (no migrations table)\n` });

    const newer = world.path('newer.sqlite');
    expect((await world.run(['backup', newer])).code).toBe(0);
    const future = new Database(newer);
    future.prepare('INSERT INTO migrations (timestamp, name) VALUES (?, ?)').run(9999999999999, 'FromTheFuture9999999999999');
    future.close();
    const tooNew = await world.run(['restore', newer, '--force']);
    expect(tooNew).toMatchObject({ code: 1, stderr: `claimdesk: ${newer} cannot be restored: it comes from a newer ClaimDesk (migrations this version does not know: FromTheFuture9999999999999); upgrade first\n` });

    const corrupt = world.path('corrupt.sqlite');
    expect((await world.run(['backup', corrupt])).code).toBe(0);
    // A damaged page near the end of the file (a bad sector, a torn copy).
    const bytes = readFileSync(corrupt);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0xff, bytes.length - 2 * pageSize, bytes.length - 2 * pageSize + 64);
    writeFileSync(corrupt, bytes);
    const broken = await world.run(['restore', corrupt, '--force']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(new RegExp(`^claimdesk: ${corrupt} cannot be restored: it fails PRAGMA integrity_check`));

    expect(countOf(database, 'articles')).toBe(before);
  });

  it('a backup that does not exist is not_found (exit code 3); PostgreSQL is refused (exit code 4)', async () => {
    const missing = world.path('nowhere.sqlite');
    expect(await world.run(['restore', missing])).toMatchObject({ code: 3, stderr: `claimdesk: not_found: backup ${missing} does not exist\n` });
    const pg = await world.run(['restore', backup], { env: world.env({ DATABASE_URL: 'postgres://desk:secret@127.0.0.1:1/claimdesk' }) });
    expect(pg.code).toBe(4);
    expect(pg.stderr).toMatch(/^claimdesk: refused: restore replaces SQLite databases only; for PostgreSQL use pg_restore/);
  });
});
