import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { bearer, TestDesk } from '../support/test-app';

/**
 * A full disk on SQLite, simulated with `PRAGMA max_page_count` on the desk's own connection: the file
 * may not grow past its current size plus a few pages. Always on a SQLite file of its own (also in the
 * PostgreSQL run), since the fault is SQLite's.
 */
describe('a full disk on SQLite (e2e)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-full-disk-'));
  const databaseUrl = `sqlite:${join(dir, 'desk.sqlite')}`;
  let desk: TestDesk;
  afterAll(async () => {
    await desk?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const connectionOf = (current: TestDesk): Database.Database =>
    (current.app.get(DataSource).driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  const note = (claimId: string, n: number) =>
    desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(desk.admin)).send({ body: `Note ${n}: ${'checked against the ministry figures. '.repeat(40)}` });

  it('loses no acknowledged note after a failed commit followed by a 412 and a 409 (failed on main: SQLITE_FULL answered 500, /health said ok)', async () => {
    desk = await TestDesk.start({}, databaseUrl);
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(desk.admin)).send({ format: 'text', content: 'The minister said taxes fell by ten percent last year.' }).expect(201)).body as { id: string };
    const claim = (await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(desk.admin))
      .send({ selector: { type: 'TextQuoteSelector', exact: 'taxes fell by ten percent' } }).expect(201)).body as { id: string };
    const source = (await desk.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(desk.admin))
      .send({ source: { url: 'https://stats.example/taxes' }, stance: 'refutes' }).expect(201)).body as { sourceId: string };
    const first = (await note(claim.id, 0).expect(201)).body as { id: string; version: number };
    const acknowledged = [first.id];

    // The disk fills up: a few more pages, then SQLITE_FULL.
    const db = connectionOf(desk);
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages + 4}`);
    let refused: { status: number; body: { code?: string } } | null = null;
    for (let n = 1; n <= 200 && !refused; n++) {
      const answer = await note(claim.id, n);
      if (answer.status === 201) acknowledged.push((answer.body as { id: string }).id);
      else refused = answer;
    }
    const whileFull = await desk.http.get('/health');

    // Ordinary refusals while the disk is full.
    await desk.http.patch(`/api/v1/annotations/${first.id}`).set(...bearer(desk.admin)).set('If-Match', `"${first.version + 5}"`).send({ body: 'stale' }).expect(412);
    await desk.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(desk.admin)).send({ sourceId: source.sourceId, stance: 'refutes' }).expect(409);

    // Space is freed: writes recover by themselves, and /health says so.
    db.pragma('max_page_count = 1073741823');
    for (let n = 300; n < 320; n++) acknowledged.push(((await note(claim.id, n).expect(201)).body as { id: string }).id);
    const recovered = await desk.http.get('/health');

    // Every acknowledged note survives a restart on the same file.
    await desk.close();
    desk = await TestDesk.start({}, databaseUrl);
    const stored = new Set<string>();
    let cursor: string | null = null;
    do {
      const page = (await desk.http.get(`/api/v1/claims/${claim.id}/annotations`).query({ limit: 200, ...(cursor ? { cursor } : {}) }).set(...bearer(desk.admin)).expect(200)).body as { items: { id: string }[]; nextCursor: string | null };
      for (const item of page.items) stored.add(item.id);
      cursor = page.nextCursor;
    } while (cursor);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect(stored.size).toBe(acknowledged.length);
    // The failed write was refused as the database's fault, and /health said which part was broken.
    expect(refused).toMatchObject({ status: 503, body: { code: 'database_unavailable' } });
    expect({ status: whileFull.status, body: whileFull.body as unknown }).toMatchObject({ status: 503, body: { status: 'error', database: { reachable: true, writable: false } } });
    expect({ status: recovered.status, body: recovered.body as unknown }).toMatchObject({ status: 200, body: { status: 'ok', database: { reachable: true, writable: true } } });
  }, 120_000);
});
