import { Client } from 'pg';
import { LiveEvent, LiveEvents } from '@claimdesk/audit';
import { bearer, freshDatabaseUrl, SignedInUser, TestDesk } from '../support/test-app';
import { SseClient } from '../support/sse-client';

/**
 * The LISTEN connection of an instance can be dropped (a restarted database, an administrator's
 * pg_terminate_backend). The instance must listen again on exactly one new connection, deliver each
 * event once, and not lose what committed while it was not listening.
 */
describe('live event listener after dropped connections (PostgreSQL)', () => {
  let desk: TestDesk;
  let admin: Client;
  let reviewer: SignedInUser;
  let client: SseClient | undefined;
  let baseUrl: string | undefined;
  const serverUrl = async (): Promise<string> => (baseUrl ??= await desk.listen());

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL database for this suite');
    const db = await freshDatabaseUrl();
    desk = await TestDesk.start({}, db.url);
    reviewer = await desk.user('reviewer');
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });
  afterAll(async () => {
    client?.close();
    await desk.close();
    await admin.end();
  });

  /** The backends of this database that LISTEN for events (their last statement). */
  const listenerPids = async (): Promise<number[]> =>
    (await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()")).rows.map((r) => r.pid);

  const until = async <T>(what: string, probe: () => Promise<T>, done: (value: T) => boolean, ms = 20_000): Promise<T> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const newArticle = async (): Promise<string> =>
    (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Listeners come and go.' }).expect(201)).body.id;
  const note = (articleId: string, title: string) => desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).send({ title }).expect(200);

  it('listens on one connection again after each of 7 drops and delivers every event once (failed on main: 95 connections, each event delivered 95 times)', async () => {
    for (let drop = 0; drop < 7; drop++) {
      const before = await until('a listener', listenerPids, (pids) => pids.length > 0);
      await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
      await until('a new listener', listenerPids, (pids) => pids.length > 0 && pids.every((pid) => !before.includes(pid)));
    }
    const articleId = await newArticle();
    const delivered: LiveEvent[] = [];
    const unsubscribe = desk.app.get(LiveEvents).subscribe(articleId, (event) => delivered.push(event));
    try {
      client = await SseClient.open(await serverUrl(), `/api/v1/articles/${articleId}/events`, reviewer.token);
      await note(articleId, 'First change');
      await client.waitFor(1, 20_000);
      await note(articleId, 'Second change');
      const events = await client.waitFor(2, 20_000);
      // The second event went out after every copy of the first: any duplicate would be here by now.
      expect(events.map((e) => e.type)).toEqual(['article.updated', 'article.updated']);
      const updates = delivered.filter((e) => e.type === 'article.updated'); // article.created may come late
      expect(new Set(updates.map((e) => e.id)).size).toBe(2);
      expect(updates).toHaveLength(2);
      expect(await listenerPids()).toHaveLength(1);
    } finally {
      unsubscribe();
      client?.close();
      client = undefined;
    }
  });

  it('delivers a change that committed while the listener was away (failed on main: it was never sent live)', async () => {
    const articleId = await newArticle();
    client = await SseClient.open(await serverUrl(), `/api/v1/articles/${articleId}/events`, reviewer.token);
    const before = await until('a listener', listenerPids, (pids) => pids.length > 0);
    await admin.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [before]);
    await note(articleId, 'Changed while nobody listened');
    const events = await client.waitFor(1, 20_000);
    expect(events.map((e) => e.data.entity)).toEqual([expect.objectContaining({ title: 'Changed while nobody listened' })]);
  });
});
