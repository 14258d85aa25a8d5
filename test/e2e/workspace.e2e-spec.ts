import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { countQueries } from '../support/query-counter';

describe('workspace (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer', 'Rita Reviewer');
    editor = await desk.user('editor', 'Ed Itor');
  });
  afterAll(() => desk.close());

  /** An article with `n` claims, each with two notes, a source and a verdict. */
  async function seed(n: number): Promise<string> {
    const sentences = Array.from({ length: n }, (_, i) => `Claim number ${i} says ${i * 7} things.`);
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: sentences.join(' ') }).expect(201)).body;
    for (let i = 0; i < n; i++) {
      const claim = (await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: `Claim number ${i} says` } }).expect(201)).body;
      const note = (await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(reviewer)).send({ body: `note ${i}` }).expect(201)).body;
      await desk.http.post(`/api/v1/claims/${claim.id}/annotations`).set(...bearer(editor)).send({ body: `reply ${i}`, parentId: note.id }).expect(201);
      await desk.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(reviewer)).send({ source: { url: `https://example.org/s/${i % 3}` }, stance: 'supports' }).expect(201);
      await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', rationale: 'r' }).expect(201);
    }
    return article.id as string;
  }

  it('returns the article with every claim, its thread, sources, verdicts and the people involved', async () => {
    const id = await seed(2);
    const res = await desk.http.get(`/api/v1/articles/${id}/workspace`).set(...bearer(reviewer)).expect(200);
    expect(res.body.article).toMatchObject({ id });
    expect(res.body.article.text).toContain('Claim number 1');
    expect(res.body.claims).toHaveLength(2);
    const [first] = res.body.claims;
    expect(first.annotations.map((a: { body: string }) => a.body)).toEqual(['note 0', 'reply 0']);
    expect(first.sources[0]).toMatchObject({ stance: 'supports', source: { url: 'https://example.org/s/0' } });
    expect(first.verdicts[0]).toMatchObject({ rating: 'true', ratingLabel: 'True', status: 'draft' });
    expect(res.body.users[reviewer.id]).toEqual({ displayName: 'Rita Reviewer', role: 'reviewer' });
    expect(res.body.users[editor.id]).toEqual({ displayName: 'Ed Itor', role: 'editor' });
  });

  it('names whoever stored a revision of the text, even if they did nothing else on the article', async () => {
    const copyEditor = await desk.user('reviewer', 'Cora Copyeditor');
    const id = await seed(1);
    await desk.http.put(`/api/v1/articles/${id}/text`).set(...bearer(copyEditor)).send({ format: 'text', content: 'Claim number 0 says 0 things, the agency said.' }).expect(200);
    const res = await desk.http.get(`/api/v1/articles/${id}/workspace`).set(...bearer(reviewer)).expect(200);
    expect(res.body.article.revision).toBe(2);
    expect(res.body.users[copyEditor.id]).toEqual({ displayName: 'Cora Copyeditor', role: 'reviewer' });
  });

  it('answers in the same number of queries for 3 claims and for 30 (no N+1)', async () => {
    const small = await seed(3);
    const large = await seed(30);
    // A first read loads what an instance reads once (the rating scales it has not seen yet).
    await desk.http.get(`/api/v1/articles/${small}/workspace`).set(...bearer(reviewer)).expect(200);
    const counter = await countQueries(desk.app);
    try {
      await desk.http.get(`/api/v1/articles/${small}/workspace`).set(...bearer(reviewer)).expect(200);
      const forSmall = counter.count;
      counter.reset();
      const res = await desk.http.get(`/api/v1/articles/${large}/workspace`).set(...bearer(reviewer)).expect(200);
      expect(res.body.claims).toHaveLength(30);
      expect(counter.count).toBe(forSmall);
      expect(forSmall).toBeLessThanOrEqual(12);
    } finally {
      counter.stop();
    }
  });

  it('answers 404 for an unknown article', async () => {
    await desk.http.get('/api/v1/articles/unknown/workspace').set(...bearer(reviewer)).expect(404);
  });
});
