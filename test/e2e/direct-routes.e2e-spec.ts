import { SERVED_DIRECTLY } from '@claimdesk/api/direct-routes';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/**
 * The note POST is served by Fastify without Nest's per-request chain (issue 11): it must answer
 * exactly as the route Nest serves did, through the same guard, pipe and problem answers.
 */
describe('routes served directly (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let claimId: string;
  let cookie: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    const article = await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ title: 'Direct', format: 'text', content: 'Kim Jong Yang was elected president of Interpol.' }).expect(201);
    claimId = (await desk.http.post(`/api/v1/articles/${article.body.id}/claims`).set(...bearer(reviewer))
      .send({ selector: { type: 'TextPositionSelector', start: 0, end: 26 } }).expect(201)).body.id;
    const login = await desk.http.post('/api/v1/auth/login').send({ email: reviewer.email, password: `password-of-reviewer-${reviewer.displayName.split(' ')[1]}` }).expect(200);
    cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0].split(';')[0];
  });
  afterAll(() => desk.close());

  const post = (id = claimId) => desk.http.post(`/api/v1/claims/${id}/annotations`);

  it('serves the note POST directly: its handler was replaced where Nest declared it', () => {
    expect([...SERVED_DIRECTLY]).toEqual(['POST /api/v1/claims/:id/annotations']);
  });

  it('answers 201 with the note, its ETag and the desk\'s headers, and records it like any change', async () => {
    const answer = await post().set(...bearer(reviewer)).send({ body: 'Checked against the press release.', motivation: 'assessing' }).expect(201);
    expect(answer.body).toMatchObject({ claimId, authorId: reviewer.id, body: 'Checked against the press release.', motivation: 'assessing', version: 1 });
    expect(answer.headers.etag).toBe('"1"');
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
    const thread = await desk.http.get(`/api/v1/claims/${claimId}/annotations`).set(...bearer(reviewer)).expect(200);
    expect(thread.body.items.map((n: { id: string }) => n.id)).toContain(answer.body.id);
    const history = await desk.http.get(`/api/v1/claims/${claimId}/history`).set(...bearer(reviewer)).expect(200);
    expect(history.body.items[0]).toMatchObject({ action: 'annotation.created', entityId: answer.body.id, actorId: reviewer.id });
  });

  it('answers the same problems: 401 without a session, 403 for a forged cookie request, 422 for a bad body, 404 for no such claim', async () => {
    const unsigned = await post().send({ body: 'Anyone?' }).expect(401);
    expect(unsigned.body).toMatchObject({ status: 401, code: 'unauthenticated' });
    expect(unsigned.headers['content-type']).toMatch(/^application\/problem\+json/);
    const forged = await post().set('Cookie', cookie).set('Origin', 'https://evil.example').send({ body: 'Forged' }).expect(403);
    expect(forged.body).toMatchObject({ code: 'csrf_rejected' });
    await post().set('Cookie', cookie).set('Sec-Fetch-Site', 'same-origin').send({ body: 'From the desk' }).expect(201);
    const bad = await post().set(...bearer(reviewer)).send({ body: '', motivation: 'shouting', extra: 1 }).expect(422);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body', 'extra', 'motivation']);
    const list = await post().set(...bearer(reviewer)).send([{ body: 'a list' }]).expect(422);
    expect(list.body.errors).toEqual([{ path: '', message: 'expected a JSON object' }]);
    const missing = await post('00000000-0000-4000-8000-000000000000').set(...bearer(reviewer)).send({ body: 'Lost' }).expect(404);
    expect(missing.body).toMatchObject({ code: 'not_found' });
    const orphan = await post().set(...bearer(reviewer)).send({ body: 'A reply', parentId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(orphan.body.errors).toEqual([{ path: 'parentId', message: 'the note replied to is not on this claim' }]);
  });
});
