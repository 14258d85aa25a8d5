import Database from 'better-sqlite3';
import { CliWorld, FIXTURE } from './cli-harness';

/** Issue 12, point 6: `claimdesk search rebuild` (docs/cli.md). */
describe('claimdesk search rebuild (cli)', () => {
  const world = new CliWorld();
  const database = world.databaseUrl.slice('sqlite:'.length);
  const matches = (word: string): number => {
    const db = new Database(database, { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT COUNT(*) AS n FROM search_index WHERE search_index MATCH ?').get(`"${word}"`) as { n: number }).n;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    expect((await world.run(['import', FIXTURE])).code).toBe(0);
  }, 120_000);
  afterAll(() => world.cleanup());

  it('fills an emptied index again from the data, with progress on a terminal', async () => {
    expect(matches('prokopchuk')).toBe(1);
    const db = new Database(database);
    db.exec("INSERT INTO search_index (search_index) VALUES ('delete-all'); DELETE FROM search_docs;");
    db.close();
    expect(matches('prokopchuk')).toBe(0);

    const result = await world.run(['search', 'rebuild'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Search index rebuilt: 1 entry.\n');
    expect(result.stderr).toMatch(/\r\[#{24}\] 100% search rebuild: verdicts indexed \(1 entries\)/);
    expect(matches('prokopchuk')).toBe(1);
  });

  it('is listed in the help and refuses arguments', async () => {
    expect((await world.run(['--help'])).stdout).toMatch(/^ {2}search rebuild /m);
    expect((await world.run(['search', 'rebuild', 'extra'])).code).toBe(2);
  });
});
