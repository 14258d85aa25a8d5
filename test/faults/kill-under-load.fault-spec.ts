import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { DeskProcess, SEED } from './support/desk-process';
import { ThrowawayPostgres } from './support/throwaway-postgres';
import { missing, prepareClaims, storedNotes, Writers } from './support/writers';

const ROUNDS = 2;

interface Database {
  url: string;
  cleanup(): void;
}

const engines: [string, () => Promise<Database>][] = [
  ['SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-faults-'));
    return { url: `sqlite:${join(dir, 'desk.sqlite')}`, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['PostgreSQL', async () => {
    const cluster = await ThrowawayPostgres.create();
    return { url: cluster.url, cleanup: () => cluster.destroy() };
  }],
];

describe.each(engines)('kill -9 under 16 concurrent writers on %s (fault)', (_engine, makeDatabase) => {
  let database: Database;
  let desk: DeskProcess | undefined;
  beforeAll(async () => {
    database = await makeDatabase();
  }, 120_000);
  afterAll(async () => {
    await desk?.stop();
    database?.cleanup();
  });

  it('loses no acknowledged note and leaves nothing half-written, across repeated kills mid-load', async () => {
    // Killed at seeded moments, while every writer has requests in flight.
    const killAfter = fc.sample(fc.integer({ min: 60, max: 180 }), { seed: SEED, numRuns: ROUNDS });
    desk = await DeskProcess.start(database.url);
    let token = await desk.login();
    const claims = await prepareClaims(desk, token);
    const acknowledged = new Set<string>();
    let serverErrors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const writers = new Writers(desk, token, claims);
      writers.start();
      await writers.untilAcknowledged(killAfter[round]);
      await desk.kill9();
      await writers.stop();
      writers.acknowledged.forEach((id) => acknowledged.add(id));
      serverErrors += [...writers.statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);

      desk = await DeskProcess.start(database.url);
      token = await desk.login();
      const { notes, audited } = await storedNotes(desk, token, claims);
      expect(missing(acknowledged, notes)).toEqual([]);
      // Each note and its audit row commit together, or neither does.
      expect(missing(notes, audited)).toEqual([]);
      expect(missing(audited, notes)).toEqual([]);
    }
    expect(serverErrors).toBe(0);
    expect(acknowledged.size).toBeGreaterThanOrEqual(ROUNDS * 60);
  }, 180_000);
});
