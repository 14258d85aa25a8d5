import { SseClient } from '../support/sse-client';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** API.md, "Work": assignment of claims and articles, with a due date, by role. */
describe('assignment (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let colleague: SignedInUser;
  let editor: SignedInUser;
  let articleId: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer', 'Rita Reviewer');
    colleague = await desk.user('reviewer', 'Cole League');
    editor = await desk.user('editor', 'Eda Editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer))
      .send({ format: 'text', content: 'The minister said unemployment halved in 2024. Exports rose by 12 percent. Crime fell to a record low.' }).expect(201)).body.id;
  });
  afterAll(() => desk.close());

  const newClaim = async (exact: string) =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body as { id: string; version: number };
  const assignClaim = (user: SignedInUser, claimId: string, body: Record<string, unknown>) =>
    desk.http.put(`/api/v1/claims/${claimId}/assignment`).set(...bearer(user)).send(body);
  const assignArticle = (user: SignedInUser, id: string, body: Record<string, unknown>) =>
    desk.http.put(`/api/v1/articles/${id}/assignment`).set(...bearer(user)).send(body);

  it('starts claims and articles unassigned, with no due date', async () => {
    const claim = await newClaim('unemployment halved');
    expect(claim).toMatchObject({ assigneeId: null, dueAt: null });
    const article = (await desk.http.get(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).expect(200)).body;
    expect(article).toMatchObject({ assigneeId: null, dueAt: null });
  });

  it('lets an editor assign a claim to anyone, with a due date, one version higher', async () => {
    const claim = await newClaim('Exports rose');
    const answer = await assignClaim(editor, claim.id, { assigneeId: colleague.id, dueAt: '2026-12-10T17:00:00Z' }).expect(200);
    expect(answer.body).toMatchObject({ id: claim.id, assigneeId: colleague.id, dueAt: '2026-12-10T17:00:00.000Z', version: claim.version + 1 });
    const read = (await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(reviewer)).expect(200)).body;
    expect(read).toMatchObject({ assigneeId: colleague.id, dueAt: '2026-12-10T17:00:00.000Z' });
    // Reassigning to someone else: an editor's call.
    const moved = await assignClaim(editor, claim.id, { assigneeId: reviewer.id }).expect(200);
    expect(moved.body).toMatchObject({ assigneeId: reviewer.id, dueAt: '2026-12-10T17:00:00.000Z' });
  });

  it('keeps the due date when dueAt is omitted and clears it with null', async () => {
    const claim = await newClaim('by 12 percent');
    await assignClaim(editor, claim.id, { assigneeId: reviewer.id, dueAt: '2026-12-11' }).expect(200);
    expect((await assignClaim(editor, claim.id, { assigneeId: colleague.id }).expect(200)).body.dueAt).toBe('2026-12-11T00:00:00.000Z');
    expect((await assignClaim(editor, claim.id, { assigneeId: colleague.id, dueAt: null }).expect(200)).body.dueAt).toBeNull();
  });

  it('lets a reviewer take an unassigned claim and give back their own, nothing else', async () => {
    const claim = await newClaim('Crime fell');
    // Taking it for someone else, or giving back what is not theirs: refused.
    await assignClaim(reviewer, claim.id, { assigneeId: colleague.id }).expect(403);
    const taken = await assignClaim(reviewer, claim.id, { assigneeId: reviewer.id, dueAt: '2026-12-12T09:00:00Z' }).expect(200);
    expect(taken.body).toMatchObject({ assigneeId: reviewer.id, dueAt: '2026-12-12T09:00:00.000Z' });
    // A colleague can neither take it over, nor give it back, nor hand it on.
    await assignClaim(colleague, claim.id, { assigneeId: colleague.id }).expect(403);
    await assignClaim(colleague, claim.id, { assigneeId: null }).expect(403);
    // The owner may change their own due date, and not hand the claim on.
    expect((await assignClaim(reviewer, claim.id, { assigneeId: reviewer.id, dueAt: null }).expect(200)).body.dueAt).toBeNull();
    await assignClaim(reviewer, claim.id, { assigneeId: colleague.id }).expect(403);
    const given = await assignClaim(reviewer, claim.id, { assigneeId: null }).expect(200);
    expect(given.body.assigneeId).toBeNull();
    // An unassigned claim stays unassigned for a reviewer who "gives it back".
    await assignClaim(reviewer, claim.id, { assigneeId: null }).expect(403);
    const unchanged = (await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(reviewer)).expect(200)).body;
    expect(unchanged.assigneeId).toBeNull();
  });

  it('refuses an unknown or disabled assignee with 422 on assigneeId, and a malformed body', async () => {
    const claim = await newClaim('The minister said');
    const unknown = await assignClaim(editor, claim.id, { assigneeId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(unknown.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: 'assigneeId' })] });
    const leaving = await desk.user('reviewer', 'Lee Leaving');
    await desk.http.patch(`/api/v1/users/${leaving.id}`).set(...bearer(desk.admin)).send({ disabled: true }).expect(200);
    const disabled = await assignClaim(editor, claim.id, { assigneeId: leaving.id }).expect(422);
    expect(disabled.body.errors[0].path).toBe('assigneeId');
    await assignClaim(editor, claim.id, {}).expect(422);
    await assignClaim(editor, claim.id, { assigneeId: 'someone' }).expect(422);
    await assignClaim(editor, claim.id, { assigneeId: null, dueAt: 'next week' }).expect(422);
    await assignClaim(editor, claim.id, { assigneeId: null, owner: 'x' }).expect(422);
    await assignClaim(editor, '00000000-0000-4000-8000-000000000000', { assigneeId: null }).expect(404);
    expect((await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(editor)).expect(200)).body).toMatchObject({ assigneeId: null, version: claim.version });
  });

  it('honours If-Match', async () => {
    const claim = await newClaim('in 2024');
    await assignClaim(editor, claim.id, { assigneeId: reviewer.id }).set('If-Match', `"${claim.version + 5}"`).expect(412);
    await assignClaim(editor, claim.id, { assigneeId: reviewer.id }).set('If-Match', `"${claim.version}"`).expect(200);
  });

  it('audits claim.assigned with the claim after, and sends it live and on replay', async () => {
    const base = await desk.listen();
    const stream = await SseClient.open(base, `/api/v1/articles/${articleId}/events`, colleague.token);
    try {
      const claim = await newClaim('a record low');
      await assignClaim(editor, claim.id, { assigneeId: colleague.id, dueAt: '2026-12-13T12:00:00Z' }).expect(200);
      const events = await stream.waitFor(2);
      const assigned = events.find((event) => event.type === 'claim.assigned');
      expect(assigned?.data).toMatchObject({ entityId: claim.id, actorId: editor.id, entity: expect.objectContaining({ id: claim.id, assigneeId: colleague.id, dueAt: '2026-12-13T12:00:00.000Z' }) });
      const replay = await SseClient.open(base, `/api/v1/articles/${articleId}/events`, colleague.token, events[0].id);
      try {
        const replayed = await replay.waitFor(1);
        expect(replayed[0]).toMatchObject({ type: 'claim.assigned', data: { entityId: claim.id } });
      } finally {
        replay.close();
      }
      const audit = (await desk.http.get(`/api/v1/audit?entityId=${claim.id}`).set(...bearer(editor)).expect(200)).body.items;
      expect(audit[0]).toMatchObject({ action: 'claim.assigned', actorId: editor.id, before: expect.objectContaining({ assigneeId: null }), after: expect.objectContaining({ assigneeId: colleague.id, dueAt: '2026-12-13T12:00:00.000Z' }) });
    } finally {
      stream.close();
    }
  });

  it('assigns articles by the same rules, audited as article.assigned', async () => {
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(editor)).send({ format: 'text', content: 'Taxes fell.' }).expect(201)).body;
    await assignArticle(reviewer, article.id, { assigneeId: colleague.id }).expect(403);
    const taken = await assignArticle(reviewer, article.id, { assigneeId: reviewer.id, dueAt: '2026-12-14' }).expect(200);
    expect(taken.body).toMatchObject({ id: article.id, assigneeId: reviewer.id, dueAt: '2026-12-14T00:00:00.000Z', version: article.version + 1, text: 'Taxes fell.' });
    await assignArticle(colleague, article.id, { assigneeId: null }).expect(403);
    expect((await assignArticle(editor, article.id, { assigneeId: colleague.id }).expect(200)).body).toMatchObject({ assigneeId: colleague.id, dueAt: '2026-12-14T00:00:00.000Z' });
    await assignArticle(editor, article.id, { assigneeId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    await assignArticle(editor, '00000000-0000-4000-8000-000000000000', { assigneeId: null }).expect(404);
    const audit = (await desk.http.get(`/api/v1/audit?entityId=${article.id}`).set(...bearer(editor)).expect(200)).body.items;
    expect(audit[0]).toMatchObject({ action: 'article.assigned', after: expect.objectContaining({ assigneeId: colleague.id }) });
    expect(audit[0].after.text).toBeUndefined();
  });

  it('filters the claim list and the article list by assignee: me, none, or a user id', async () => {
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(editor)).send({ format: 'text', content: 'One. Two. Three.' }).expect(201)).body;
    const mark = async (exact: string) => (await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(editor)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id as string;
    const [one, two, three] = [await mark('One'), await mark('Two'), await mark('Three')];
    await assignClaim(editor, one, { assigneeId: reviewer.id }).expect(200);
    await assignClaim(editor, two, { assigneeId: colleague.id }).expect(200);
    const ids = async (user: SignedInUser, assignee: string) =>
      (await desk.http.get(`/api/v1/articles/${article.id}/claims?assignee=${assignee}`).set(...bearer(user)).expect(200)).body.items.map((c: { id: string }) => c.id);
    expect(await ids(reviewer, 'me')).toEqual([one]);
    expect(await ids(colleague, 'me')).toEqual([two]);
    expect(await ids(reviewer, colleague.id)).toEqual([two]);
    expect(await ids(reviewer, 'none')).toEqual([three]);
    await desk.http.get(`/api/v1/articles/${article.id}/claims?assignee=someone`).set(...bearer(reviewer)).expect(422);

    await assignArticle(editor, article.id, { assigneeId: colleague.id }).expect(200);
    const articles = async (user: SignedInUser, assignee: string) =>
      (await desk.http.get(`/api/v1/articles?assignee=${assignee}&limit=200`).set(...bearer(user)).expect(200)).body.items.map((a: { id: string }) => a.id);
    expect(await articles(colleague, 'me')).toContain(article.id);
    expect(await articles(reviewer, 'me')).not.toContain(article.id);
    expect(await articles(reviewer, colleague.id)).toEqual(expect.arrayContaining([article.id]));
    expect(await articles(reviewer, 'none')).not.toContain(article.id);
    expect(await articles(reviewer, 'none')).toContain(articleId);
    const listed = (await desk.http.get('/api/v1/articles?assignee=me').set(...bearer(colleague)).expect(200)).body.items.find((a: { id: string }) => a.id === article.id);
    expect(listed).toMatchObject({ assigneeId: colleague.id, dueAt: null });
    await desk.http.get('/api/v1/articles?assignee=1').set(...bearer(reviewer)).expect(422);
  });
});
