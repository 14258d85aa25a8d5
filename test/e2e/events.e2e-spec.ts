import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { SseClient } from '../support/sse-client';

describe('live events (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let baseUrl: string;
  let articleId: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
    baseUrl = await desk.listen();
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Live claims are streamed to every reviewer.' }).expect(201)).body.id;
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await desk.close();
  });

  const open = async (lastEventId?: number, user = editor): Promise<SseClient> => {
    const client = await SseClient.open(baseUrl, `/api/v1/articles/${articleId}/events`, user.token, lastEventId);
    clients.push(client);
    return client;
  };

  it('streams each change after it commits, with increasing ids', async () => {
    const client = await open();
    expect(client.status).toBe(200);
    const claim = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'Live claims' } }).expect(201)).body;
    await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(reviewer)).send({ body: 'note' }).expect(201);
    await desk.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://example.org/live' }, stance: 'context' }).expect(201);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).send({ publisher: 'Live Daily' }).expect(200);
    const events = await client.waitFor(4);
    expect(events.map((e) => e.type)).toEqual(['claim.created', 'annotation.created', 'claim_source.created', 'article.updated']);
    expect(events[0].data).toMatchObject({ type: 'claim.created', articleId, entityId: claim.id, actorId: reviewer.id, entity: { id: claim.id, quote: 'Live claims' } });
    expect(events[2].data.entityId).toBe(claim.id);
    expect(events[3].data.entityId).toBe(articleId);
    const ids = events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('replays what a reconnecting client missed, from Last-Event-ID', async () => {
    const first = await open();
    const claim = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'every reviewer' } }).expect(201)).body;
    const [seen] = await first.waitFor(1);
    first.close();
    await desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(reviewer)).send({ claimant: 'Desk' }).expect(200);
    await desk.http.delete(`/api/v1/claims/${claim.id}`).set(...bearer(editor)).expect(204);
    const again = await open(seen.id);
    const missed = await again.waitFor(2);
    expect(missed.map((e) => e.type)).toEqual(['claim.updated', 'claim.deleted']);
    expect(missed.every((e) => e.id > seen.id)).toBe(true);
  });

  it('sends nothing for a change that rolled back', async () => {
    const client = await open();
    await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'not there' } }).expect(422);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).set('If-Match', '"999"').send({ publisher: 'x' }).expect(412);
    await desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).send({ publisher: 'Marker' }).expect(200);
    const events = await client.waitFor(1);
    expect(events.map((e) => e.type)).toEqual(['article.updated']);
  });

  it('needs authentication and a known article', async () => {
    await desk.http.get(`/api/v1/articles/${articleId}/events`).expect(401);
    await desk.http.get('/api/v1/articles/unknown/events').set(...bearer(reviewer)).expect(404);
  });
});
