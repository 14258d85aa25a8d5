import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** base64url of JSON, as a client forging a cursor would write it. */
const forged = (json: string): string => Buffer.from(json, 'utf8').toString('base64url');

interface Listed {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

describe('list paging (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let articleId: string;
  let claimId: string;
  let otherClaimId: string;
  const noteIds: string[] = [];
  const sourceIds: string[] = [];
  const verdictIds: string[] = [];

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Exports rose by 12 percent. Crime fell.' }).expect(201)).body.id;
    const claim = (exact: string) => desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201);
    claimId = (await claim('Exports rose')).body.id;
    otherClaimId = (await claim('Crime fell')).body.id;

    // A thread whose order differs from creation order: the reply to the first note comes second.
    const note = async (body: string, parentId?: string) =>
      (await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(reviewer)).send({ body, parentId }).expect(201)).body.id as string;
    const first = await note('first');
    const second = await note('second');
    const reply = await note('reply to first', first);
    const nested = await note('reply to the reply', reply);
    const third = await note('third');
    noteIds.push(first, reply, nested, second, third);

    for (const n of [1, 2, 3]) {
      const attached = await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer))
        .send({ source: { url: `https://stats.example.org/table-${n}` }, stance: 'context' }).expect(201);
      sourceIds.push(attached.body.sourceId);
      const verdict = await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true' }).expect(201);
      verdictIds.push(verdict.body.id);
    }
    await desk.http.post(`/api/v1/claims/${otherClaimId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'false' }).expect(201);

    for (const n of [1, 2]) {
      await desk.http.post('/api/v1/rating-scales').set(...bearer(desk.admin)).send({
        id: `paging-${n}`, name: `Paging ${n}`, bestRating: 1, worstRating: 0,
        levels: [{ key: 'yes', label: 'Yes', value: 1, description: '' }, { key: 'no', label: 'No', value: 0, description: '' }],
      }).expect(201);
    }
  });
  afterAll(() => desk.close());

  const get = (path: string, query: Record<string, string | number> = {}) => desk.http.get(path).query(query).set(...bearer(reviewer));

  /** Follows nextCursor from the first page to the last, `limit` items at a time. */
  async function walk(path: string, limit: number, idOf: (item: Record<string, unknown>) => unknown): Promise<{ ids: unknown[]; pages: number }> {
    const ids: unknown[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(path, cursor ? { limit, cursor } : { limit }).expect(200);
      const page = res.body as Listed;
      expect(page.items.length).toBeLessThanOrEqual(limit);
      ids.push(...page.items.map(idOf));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages <= 100);
    return { ids, pages };
  }

  const byId = (item: Record<string, unknown>) => item.id;
  const lists = [
    { route: 'GET /claims/:id/annotations', path: () => `/api/v1/claims/${claimId}/annotations`, idOf: byId, expected: () => noteIds },
    { route: 'GET /claims/:id/sources', path: () => `/api/v1/claims/${claimId}/sources`, idOf: (item: Record<string, unknown>) => item.sourceId, expected: () => sourceIds },
    { route: 'GET /claims/:id/verdicts', path: () => `/api/v1/claims/${claimId}/verdicts`, idOf: byId, expected: () => verdictIds },
    { route: 'GET /rating-scales', path: () => '/api/v1/rating-scales', idOf: byId, expected: () => null },
  ];

  describe.each(lists)('$route', ({ path, idOf, expected }) => {
    it('walks one item a page through every item once, in the order of the whole list', async () => {
      const whole = (await get(path(), { limit: 200 }).expect(200)).body as Listed;
      expect(whole.nextCursor).toBeNull();
      const all = whole.items.map(idOf);
      if (expected()) expect(all).toEqual(expected());
      const { ids, pages } = await walk(path(), 1, idOf);
      expect(ids).toEqual(all);
      expect(pages).toBe(all.length);
    });

    it('gives the first 2 items and a cursor to the rest for limit=2', async () => {
      const whole = ((await get(path(), { limit: 200 }).expect(200)).body as Listed).items.map(idOf);
      const first = (await get(path(), { limit: 2 }).expect(200)).body as Listed;
      expect(first.items.map(idOf)).toEqual(whole.slice(0, 2));
      expect(first.nextCursor).toEqual(expect.any(String));
    });

    it.each([0, 201, -1, 'many'])('refuses limit=%p with 422', async (limit) => {
      const res = await get(path(), { limit }).expect(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('limit');
    });

    it.each([
      ['not a cursor', 'zzz'],
      ['a key naming nothing in the list', forged('["no-such-item"]')],
      ['a numeric key', forged('[1e999]')],
      ['a key of the wrong shape', forged('["a","b"]')],
    ])('refuses %s as cursor with 422', async (_, cursor) => {
      const res = await get(path(), { cursor }).expect(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].path).toBe('cursor');
    });

    it('refuses an unknown query parameter with 422', async () => {
      const res = await get(path(), { limit: 1, colour: 'red' }).expect(422);
      expect(res.body.code).toBe('validation_failed');
    });
  });

  it('refuses a cursor of one claim\'s list on another claim\'s list', async () => {
    const page = (await get(`/api/v1/claims/${claimId}/verdicts`, { limit: 1 }).expect(200)).body as Listed;
    const res = await get(`/api/v1/claims/${otherClaimId}/verdicts`, { cursor: page.nextCursor as string }).expect(422);
    expect(res.body.errors[0].path).toBe('cursor');
  });

  it('lists a claim without notes as one empty last page', async () => {
    const res = await get(`/api/v1/claims/${otherClaimId}/annotations`).expect(200);
    expect(res.body).toEqual({ items: [], nextCursor: null });
  });

  describe('cursors of keyset-paged routes', () => {
    it.each([
      ['a string for the sequence number', forged('["abc"]')],
      ['a number too large (Infinity)', forged('[1e999]')],
      ['a fraction', forged('[1.5]')],
    ])('GET /audit refuses %s with 422, not 500', async (_, cursor) => {
      const res = await desk.http.get('/api/v1/audit').query({ cursor }).set(...bearer(desk.admin)).expect(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].path).toBe('cursor');
    });

    it('GET /audit still pages with the cursors it issues', async () => {
      const first = (await desk.http.get('/api/v1/audit').query({ limit: 1 }).set(...bearer(desk.admin)).expect(200)).body as Listed;
      const second = (await desk.http.get('/api/v1/audit').query({ limit: 1, cursor: first.nextCursor as string }).set(...bearer(desk.admin)).expect(200)).body as Listed;
      expect(second.items[0].seq).toBeLessThan(first.items[0].seq as number);
    });

    it.each([
      ['a string for the revision number', forged('["x"]')],
      ['a number too large (Infinity)', forged('[1e999]')],
    ])('GET /articles/:id/revisions refuses %s with 422, not 500', async (_, cursor) => {
      const res = await get(`/api/v1/articles/${articleId}/revisions`, { cursor }).expect(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].path).toBe('cursor');
    });

    it.each([
      ['a string for the position', forged('["abc","x"]')],
      ['a number too large (Infinity)', forged('[1e999,"x"]')],
      ['a key of the wrong shape', forged('[1]')],
    ])('GET /articles/:id/claims refuses %s with 422, not 500', async (_, cursor) => {
      const res = await get(`/api/v1/articles/${articleId}/claims`, { cursor }).expect(422);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors[0].path).toBe('cursor');
    });

    it('GET /articles/:id/claims still pages in reading order with the cursors it issues', async () => {
      const { ids } = await walk(`/api/v1/articles/${articleId}/claims`, 1, (item) => item.id);
      expect(ids).toEqual([claimId, otherClaimId]);
    });

    it('GET /articles/:id/revisions walks revision by revision', async () => {
      await desk.http.put(`/api/v1/articles/${articleId}/text`).set(...bearer(reviewer)).send({ format: 'text', content: 'Exports rose by 12 percent. Crime fell sharply.' }).expect(200);
      const { ids } = await walk(`/api/v1/articles/${articleId}/revisions`, 1, (item) => item.revision);
      expect(ids).toEqual([1, 2]);
    });
  });
});
