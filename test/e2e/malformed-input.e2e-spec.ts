import type { Response } from 'supertest';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

const TEXT = 'Russian Loses Bid to Lead Interpol. The vote went to Kim Jong-yang of South Korea.';

/** API.md: no request, however malformed, yields a 5xx; each answers a problem naming the field. */
describe('malformed input (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let articleId: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: TEXT }).expect(201)).body.id;
  });
  afterAll(() => desk.close());

  const expectProblem = (res: Response, status: number, code: string, path: string): void => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  };
  const mark = (body: Record<string, unknown>) => desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send(body);
  const newClaim = async (exact: string): Promise<{ id: string }> => (await mark({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body;

  describe('claim selectors', () => {
    it.each([{}, { claimant: 'x' }, { selector: null }])('refuses a claim without a selector: %p', async (body) => {
      expectProblem(await mark(body), 422, 'validation_failed', 'selector');
    });

    it('refuses a list of selectors: the selector is one object', async () => {
      expectProblem(await mark({ selector: [{ type: 'TextQuoteSelector', exact: 'Russian Loses' }] }), 422, 'validation_failed', 'selector');
    });

    it.each([
      [{ type: 'TextPositionSelector', start: 1, end: 3, exact: 'x' }, 'selector.exact'],
      [{ type: 'TextPositionSelector', start: 1, end: 3, prefix: 'R' }, 'selector.prefix'],
      [{ type: 'TextQuoteSelector', exact: 'Russian Loses', start: 0 }, 'selector.start'],
      [{ type: 'TextQuoteSelector', exact: 'Russian Loses', end: 13 }, 'selector.end'],
      [{ type: 'TextQuoteSelector', exact: 'Russian Loses', foo: 1 }, 'selector.foo'],
    ])('refuses %p, naming %p, instead of ignoring the field', async (selector, path) => {
      expectProblem(await mark({ selector }), 422, 'validation_failed', path);
    });

    it('still marks by position, and by quote with its context', async () => {
      const byPosition = await mark({ selector: { type: 'TextPositionSelector', start: 0, end: 13 } }).expect(201);
      expect(byPosition.body.quote).toBe('Russian Loses');
      const byQuote = await mark({ selector: { type: 'TextQuoteSelector', exact: 'Kim Jong-yang', prefix: 'went to ', suffix: ' of South' } }).expect(201);
      expect(byQuote.body.quote).toBe('Kim Jong-yang');
    });

    it('refuses a re-mark with a list of selectors or a field of the other type', async () => {
      const claim = await newClaim('Lead Interpol');
      const patch = (selector: unknown) => desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(reviewer)).send({ selector });
      expectProblem(await patch([{ type: 'TextQuoteSelector', exact: 'Interpol' }]), 422, 'validation_failed', 'selector');
      expectProblem(await patch({ type: 'TextPositionSelector', start: 0, end: 7, exact: 'Russian' }), 422, 'validation_failed', 'selector.exact');
      await patch({ type: 'TextPositionSelector', start: 0, end: 7 }).expect(200);
    });
  });

  describe('null for a field that cannot be empty', () => {
    it.each([{ title: null }, { authors: null }])('refuses article metadata %p', async (body) => {
      const res = await desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).send(body);
      expectProblem(res, 422, 'validation_failed', Object.keys(body)[0]);
    });

    it('clears the article metadata that may be empty', async () => {
      const cleared = { url: null, publisher: null, publishedAt: null, language: null };
      const res = await desk.http.patch(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).send(cleared).expect(200);
      expect(res.body).toMatchObject(cleared);
    });

    it('refuses null tags and a null selector on a claim, and clears its claimant', async () => {
      const claim = await newClaim('South Korea');
      const patch = (body: Record<string, unknown>) => desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(reviewer)).send(body);
      expectProblem(await patch({ tags: null }), 422, 'validation_failed', 'tags');
      expectProblem(await patch({ selector: null }), 422, 'validation_failed', 'selector');
      const cleared = await patch({ claimant: null, claimReviewed: null }).expect(200);
      expect(cleared.body).toMatchObject({ claimant: null, claimReviewed: null, tags: [] });
    });

    it.each([{ supersedes: null }, { scaleId: null }])('refuses a verdict with %p', async (extra) => {
      const claim = await newClaim('The vote');
      const res = await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', ...extra });
      expectProblem(res, 422, 'validation_failed', Object.keys(extra)[0]);
    });

    it('refuses a null rating on a draft, and clears its rationale and confidence', async () => {
      const claim = await newClaim('went to');
      const draft = (await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', rationale: 'r', confidence: 0.5 }).expect(201)).body;
      const patch = (body: Record<string, unknown>) => desk.http.patch(`/api/v1/verdicts/${draft.id}`).set(...bearer(reviewer)).send(body);
      expectProblem(await patch({ rating: null }), 422, 'validation_failed', 'rating');
      const cleared = await patch({ rationale: null, confidence: null }).expect(200);
      expect(cleared.body).toMatchObject({ rating: 'true', rationale: null, confidence: null });
    });

    it.each([{ displayName: null }, { role: null }, { password: null }, { disabled: null }])('refuses a user change %p', async (body) => {
      const user = await desk.user('reviewer');
      const res = await desk.http.patch(`/api/v1/users/${user.id}`).set(...bearer(desk.admin)).send(body);
      expectProblem(res, 422, 'validation_failed', Object.keys(body)[0]);
    });
  });

  describe('unknown fields in a body that takes none', () => {
    let verdictId: string;

    beforeAll(async () => {
      const claim = await newClaim('Russian Loses Bid');
      await desk.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://www.interpol.int/News' }, stance: 'supports' }).expect(201);
      verdictId = (await desk.http.post(`/api/v1/claims/${claim.id}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', rationale: 'The vote went to Kim.' }).expect(201)).body.id;
    });

    it.each([
      ['submit', 'reviewer', undefined],
      ['approve', 'editor', {}],
      ['publish', 'editor', undefined],
    ] as const)('refuses /%s by the %s with an unknown field, then takes it with the body %p', async (action, who, body) => {
      const user = who === 'editor' ? editor : reviewer;
      const url = `/api/v1/verdicts/${verdictId}/${action}`;
      expectProblem(await desk.http.post(url).set(...bearer(user)).send({ foo: 1 }), 422, 'validation_failed', 'foo');
      const step = desk.http.post(url).set(...bearer(user));
      await (body ? step.send(body) : step).expect(200);
    });

    it('refuses a logout with an unknown field and keeps the session; logs out without a body', async () => {
      const user = await desk.user('reviewer');
      expectProblem(await desk.http.post('/api/v1/auth/logout').set(...bearer(user)).send({ foo: 1 }), 422, 'validation_failed', 'foo');
      await desk.http.get('/api/v1/me').set(...bearer(user)).expect(200);
      await desk.http.post('/api/v1/auth/logout').set(...bearer(user)).expect(204);
      await desk.http.get('/api/v1/me').set(...bearer(user)).expect(401);
    });
  });

  describe('an id that is not a UUID', () => {
    it.each([
      ['get', '/api/v1/users/x'],
      ['patch', '/api/v1/users/not-a-uuid'],
      ['get', '/api/v1/articles/x'],
    ] as const)('%s %s answers 404 like any unknown id', async (method, url) => {
      const call = desk.http[method](url).set(...bearer(desk.admin));
      const res = await (method === 'patch' ? call.send({ displayName: 'Nobody' }) : call);
      expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: 'not_found' });
    });
  });
});
