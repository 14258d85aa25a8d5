import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { databaseFaultOf } from './database-faults';
import { sqliteConnection } from './sqlite-transaction';
import { Transactions } from './transactions';
import { WritePath } from './write-path';

/** What better-sqlite3 throws when SQLite could not store a change. */
const diskFull = (): Error => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('SQLite transactions after SQLite rolled one back by itself', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-tx-'));
  const file = join(dir, 'desk.sqlite');
  let dataSource: DataSource;
  let writePath: WritePath;
  let transactions: Transactions;

  const open = async (): Promise<void> => {
    dataSource = await new DataSource({ ...dataSourceOptions({ kind: 'sqlite', path: file }), migrations: [] }).initialize();
    writePath = new WritePath();
    transactions = new Transactions(dataSource, writePath);
  };
  const addNote = (body: string): Promise<void> =>
    transactions.run(async (tx) => {
      await tx.manager.query('INSERT INTO notes (body) VALUES (?)', [body]);
    });

  beforeAll(async () => {
    await open();
    await dataSource.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  });
  afterAll(async () => {
    if (dataSource.isInitialized) await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits every later write after a failed commit and an ordinary refusal (failed on main: the refusal left a transaction open for good, later writes were never committed)', async () => {
    await addNote('before the disk filled');
    // The disk is full: SQLite rolls the whole transaction back on its own, and the write fails.
    await expect(transactions.run(async (tx) => {
      await tx.manager.query('INSERT INTO notes (body) VALUES (?)', ['lost to the full disk']);
      sqliteConnection(dataSource).exec('ROLLBACK');
      throw diskFull();
    })).rejects.toThrow('database or disk is full');
    const faultWhileFull = writePath.state.fault;
    // An ordinary 412: the unit of work refuses after reading.
    await expect(transactions.run(async (tx) => {
      await tx.manager.query('SELECT COUNT(*) FROM notes');
      throw new Error('version_conflict');
    })).rejects.toThrow('version_conflict');
    await addNote('after space was freed');
    const leftOpen = sqliteConnection(dataSource).inTransaction;
    const faultAfterwards = writePath.state.fault;

    await dataSource.destroy();
    await open();
    const bodies = ((await dataSource.query('SELECT body FROM notes ORDER BY id')) as { body: string }[]).map((row) => row.body);
    expect(bodies).toEqual(['before the disk filled', 'after space was freed']);
    expect(leftOpen).toBe(false);
    expect(faultWhileFull).toMatchObject({ kind: 'not_writable', reason: 'SQLITE_FULL: database or disk is full' });
    expect(faultAfterwards).toBeNull();
  });

  it('answers a failed COMMIT as a write that was not committed, and rolls it back', async () => {
    // A deferred foreign key fails only at COMMIT, leaving SQLite's transaction open: it must not be acknowledged.
    await dataSource.query('CREATE TABLE IF NOT EXISTS links (id INTEGER PRIMARY KEY, note_id INTEGER REFERENCES notes(id) DEFERRABLE INITIALLY DEFERRED)');
    const failure = await transactions.run(async (tx) => {
      await tx.manager.query('INSERT INTO links (note_id) VALUES (999999)');
    }).catch((error: unknown) => error);
    expect(databaseFaultOf(failure)).toMatchObject({ kind: 'not_writable' });
    expect(sqliteConnection(dataSource).inTransaction).toBe(false);
    await addNote('still writable');
    expect(await dataSource.query('SELECT COUNT(*) AS n FROM links')).toEqual([{ n: 0 }]);
  });
});
