import { bearer, freshDatabaseUrl, TestDesk } from '../support/test-app';
import { SseClient } from '../support/sse-client';

/**
 * Two API instances on one PostgreSQL database, as when a newsroom scales out: a change made
 * through one instance reaches the SSE clients of the other (LISTEN/NOTIFY).
 */
describe('live events across instances (PostgreSQL)', () => {
  let first: TestDesk;
  let second: TestDesk;
  let client: SseClient | undefined;

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL database for this suite');
    const db = await freshDatabaseUrl();
    first = await TestDesk.start({}, db.url);
    second = await TestDesk.start({}, db.url);
  });
  afterAll(async () => {
    client?.close();
    await second.close();
    await first.close();
  });

  it('delivers a change made on one instance to a client of the other', async () => {
    const reviewer = await first.user('reviewer');
    const article = (await first.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Scale out without losing live updates.' }).expect(201)).body;
    const secondUrl = await second.listen();
    client = await SseClient.open(secondUrl, `/api/v1/articles/${article.id}/events`, reviewer.token);
    const claim = (await first.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'live updates' } }).expect(201)).body;
    await first.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(reviewer)).send({ body: 'seen elsewhere' }).expect(201);
    const events = await client.waitFor(2);
    expect(events.map((e) => e.type)).toEqual(['claim.created', 'annotation.created']);
    expect(events[0].data.entityId).toBe(claim.id);
  });

  it('lets a client of one instance catch up from the log with Last-Event-ID', async () => {
    const reviewer = await second.user('reviewer');
    const article = (await second.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Replay across instances works.' }).expect(201)).body;
    const claim = (await second.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'Replay' } }).expect(201)).body;
    const firstUrl = await first.listen();
    const catchUp = await SseClient.open(firstUrl, `/api/v1/articles/${article.id}/events`, reviewer.token, 0);
    try {
      const events = await catchUp.waitFor(2);
      expect(events.map((e) => e.type)).toEqual(['article.created', 'claim.created']);
      expect(events[1].data.entityId).toBe(claim.id);
    } finally {
      catchUp.close();
    }
  });
});
