import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskProcess } from './support/desk-process';
import { missing, prepareClaims, storedNotes, Writers } from './support/writers';

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
};

/**
 * A full disk under the built desk on SQLite: the desk may not grow any file past a limit
 * (RLIMIT_FSIZE, set on the running process with prlimit), so a COMMIT that appends to the WAL fails as
 * on a full disk, and SQLite rolls the transaction back by itself. Raising the limit frees the space.
 */
describe('a full disk under 16 concurrent writers on SQLite (fault)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-faults-disk-'));
  const file = join(dir, 'desk.sqlite');
  let desk: DeskProcess | undefined;
  afterAll(async () => {
    await desk?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while full, keeps every acknowledged note through a 412, a 409, recovery and kill -9 (failed on main: notes answered 201 after the disk filled were lost)', async () => {
    desk = await DeskProcess.start(`sqlite:${file}`);
    let token = await desk.login();
    const claims = await prepareClaims(desk, token);
    const attach = { source: { url: 'https://stats.example/budget' }, stance: 'supports' };
    const link = await desk.expect<{ sourceId: string }>(201, 'POST', `/api/v1/claims/${claims[0]}/sources`, token, attach);
    const first = await desk.expect<{ id: string; version: number }>(201, 'POST', `/api/v1/claims/${claims[0]}/annotations`, token, { body: 'before the disk filled' });
    const acknowledged = new Set([first.id]);

    // The disk fills up: a little more room than the files take now.
    desk.limitFileSize(Math.max(sizeOf(file), sizeOf(`${file}-wal`)) + 64 * 1024);
    const whileFull = new Writers(desk, token, claims);
    whileFull.start();
    while (whileFull.count(503) < 32 && whileFull.count(0) === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await whileFull.stop();
    whileFull.acknowledged.forEach((id) => acknowledged.add(id));
    expect(whileFull.count(503)).toBeGreaterThanOrEqual(32);
    expect([...whileFull.statuses.keys()].filter((status) => status !== 201 && status !== 503)).toEqual([]);
    const health = await desk.request('GET', '/health');
    expect(health).toMatchObject({ status: 503, body: { status: 'error', database: { reachable: true, writable: false, fault: { kind: 'not_writable' } } } });

    // Ordinary refusals while the disk is full: a stale If-Match (412) and a duplicate link (409).
    expect((await desk.request('PATCH', `/api/v1/annotations/${first.id}`, token, { body: 'stale' }, { 'If-Match': `"${first.version + 3}"` })).status).toBe(412);
    expect((await desk.request('POST', `/api/v1/claims/${claims[0]}/sources`, token, { sourceId: link.sourceId, stance: 'supports' })).status).toBe(409);

    // Space is freed: writes recover by themselves, without a restart.
    desk.limitFileSize('unlimited');
    const afterwards = new Writers(desk, token, claims);
    afterwards.start();
    await afterwards.untilAcknowledged(200);
    await afterwards.stop();
    afterwards.acknowledged.forEach((id) => acknowledged.add(id));
    expect([...afterwards.statuses.keys()]).toEqual([201]);
    expect(await desk.request('GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok', database: { writable: true } } });

    // Killed, started again on the same file: everything acknowledged is there, each note with its audit row.
    await desk.kill9();
    desk = await DeskProcess.start(`sqlite:${file}`);
    token = await desk.login();
    const { notes, audited } = await storedNotes(desk, token, claims);
    expect(missing(acknowledged, notes)).toEqual([]);
    expect(missing(notes, audited)).toEqual([]);
  }, 180_000);
});
