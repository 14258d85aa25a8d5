import { DeskProcess } from './support/desk-process';
import { ThrowawayPostgres } from './support/throwaway-postgres';
import { missing, prepareClaims, storedNotes, Writers } from './support/writers';

/** PostgreSQL restarted under the built desk, on a cluster of the test's own (never the shared server). */
describe('PostgreSQL restarted under 16 concurrent writers (fault)', () => {
  let cluster: ThrowawayPostgres;
  let desk: DeskProcess | undefined;
  beforeAll(async () => {
    cluster = await ThrowawayPostgres.create();
  }, 120_000);
  afterAll(async () => {
    await desk?.stop();
    cluster?.destroy();
  });

  it('answers 503 database_unavailable while it is away, says so in /health, and recovers by itself with nothing acknowledged lost (failed on main: 500 internal while it was away)', async () => {
    desk = await DeskProcess.start(cluster.url);
    const token = await desk.login();
    const claims = await prepareClaims(desk, token);
    const writers = new Writers(desk, token, claims);
    writers.start();
    await writers.untilAcknowledged(100);

    await cluster.stop('fast');
    const away = await desk.waitUntil((health) => health.status === 503, 30_000);
    expect(away.body).toMatchObject({ status: 'error', database: { engine: 'postgres', reachable: false, writable: false, fault: { kind: 'unreachable' } } });
    const refusedBefore = writers.count(503);
    while (writers.count(503) < refusedBefore + 16) await new Promise((resolve) => setTimeout(resolve, 20));
    const answer = await desk.request('POST', `/api/v1/claims/${claims[0]}/annotations`, token, { body: 'while the database is away' });
    expect(answer).toMatchObject({ status: 503, body: { code: 'database_unavailable' } });

    await cluster.start();
    const back = await desk.waitUntil((health) => health.status === 200, 60_000);
    expect(back.body).toMatchObject({ status: 'ok', database: { reachable: true, writable: true } });
    const before = writers.written;
    await writers.untilAcknowledged(before + 100);
    await writers.stop();

    // Only 201s and 503s: never a 500, never an acknowledged write that is not there.
    expect([...writers.statuses.keys()].sort()).toEqual([201, 503]);
    const { notes, audited } = await storedNotes(desk, token, claims);
    expect(missing(writers.acknowledged, notes)).toEqual([]);
    expect(missing(notes, audited)).toEqual([]);
  }, 180_000);
});
