import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

const modeOf = (path: string): string => (statSync(path).mode & 0o777).toString(8);

describe('SQLite database files are private to the desk', () => {
  const root = mkdtempSync(join(tmpdir(), 'claimdesk-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const openOn = async (path: string): Promise<DataSource> => {
    const dataSource = await new DataSource({ ...dataSourceOptions({ kind: 'sqlite', path }), migrations: [] }).initialize();
    await dataSource.query('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)');
    await dataSource.query("INSERT INTO notes (body) VALUES ('private')");
    return dataSource;
  };

  it('creates the data directory 0700 and the database, -wal and -shm 0600 (failed on main: 0755 and 0644, world-readable)', async () => {
    const dir = join(root, 'data', 'desk');
    const file = join(dir, 'claimdesk.sqlite');
    const dataSource = await openOn(file);
    try {
      expect(existsSync(`${file}-wal`)).toBe(true);
      expect([modeOf(join(root, 'data')), modeOf(dir), modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(['700', '700', '600', '600', '600']);
    } finally {
      await dataSource.destroy();
    }
  });

  it('makes an existing world-readable database 0600 when it opens it (failed on main: left at 0644)', async () => {
    const file = join(root, 'old.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o644);
    const dataSource = await openOn(file);
    try {
      expect([modeOf(file), modeOf(`${file}-wal`), modeOf(`${file}-shm`)]).toEqual(['600', '600', '600']);
    } finally {
      await dataSource.destroy();
    }
  });
});
