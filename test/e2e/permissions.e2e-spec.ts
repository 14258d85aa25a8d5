import { bearer, SignedInUser, TestDesk } from '../support/test-app';

type Who = 'anonymous' | 'owner' | 'other' | 'editor' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'owner', 'other', 'editor', 'admin'];

interface Fixture {
  articleId: string;
  claimId: string;
  annotationId: string;
  sourceId: string;
  draftId: string;
  submittedId: string;
  approvedId: string;
  publishedId: string;
  userId: string;
}

interface Case {
  route: string;
  call: (f: Fixture) => { method: 'get' | 'post' | 'patch' | 'put' | 'delete'; path: string; body?: Record<string, unknown> };
  /** Who may; the status they get. Everyone else signed in gets 403, anonymous 401. */
  allowed: Who[];
  status: number;
}

const signedIn: Who[] = ['owner', 'other', 'editor', 'admin'];
const editors: Who[] = ['editor', 'admin'];
const ownerOrEditor: Who[] = ['owner', 'editor', 'admin'];

const CASES: Case[] = [
  { route: 'GET /me', call: () => ({ method: 'get', path: '/api/v1/me' }), allowed: signedIn, status: 200 },
  { route: 'POST /users', call: () => ({ method: 'post', path: '/api/v1/users', body: { email: `u${Math.random()}@desk.test`, displayName: 'U', role: 'reviewer', password: 'long-enough-password' } }), allowed: ['admin'], status: 201 },
  { route: 'GET /users', call: () => ({ method: 'get', path: '/api/v1/users' }), allowed: editors, status: 200 },
  { route: 'PATCH /users/:id', call: (f) => ({ method: 'patch', path: `/api/v1/users/${f.userId}`, body: { displayName: 'Renamed' } }), allowed: ['admin'], status: 200 },
  { route: 'POST /articles', call: () => ({ method: 'post', path: '/api/v1/articles', body: { format: 'text', content: 'New' } }), allowed: signedIn, status: 201 },
  { route: 'GET /articles', call: () => ({ method: 'get', path: '/api/v1/articles' }), allowed: signedIn, status: 200 },
  { route: 'GET /articles/:id', call: (f) => ({ method: 'get', path: `/api/v1/articles/${f.articleId}` }), allowed: signedIn, status: 200 },
  { route: 'GET /articles/:id/workspace', call: (f) => ({ method: 'get', path: `/api/v1/articles/${f.articleId}/workspace` }), allowed: signedIn, status: 200 },
  { route: 'PATCH /articles/:id', call: (f) => ({ method: 'patch', path: `/api/v1/articles/${f.articleId}`, body: { publisher: 'P' } }), allowed: signedIn, status: 200 },
  { route: 'PUT /articles/:id/text', call: (f) => ({ method: 'put', path: `/api/v1/articles/${f.articleId}/text`, body: { format: 'text', content: 'The claim is here. Added.' } }), allowed: signedIn, status: 200 },
  { route: 'GET /articles/:id/revisions', call: (f) => ({ method: 'get', path: `/api/v1/articles/${f.articleId}/revisions` }), allowed: signedIn, status: 200 },
  { route: 'DELETE /articles/:id', call: (f) => ({ method: 'delete', path: `/api/v1/articles/${f.articleId}` }), allowed: editors, status: 204 },
  { route: 'POST /articles/:id/claims', call: (f) => ({ method: 'post', path: `/api/v1/articles/${f.articleId}/claims`, body: { selector: { type: 'TextPositionSelector', start: 0, end: 3 } } }), allowed: signedIn, status: 201 },
  { route: 'GET /articles/:id/claims', call: (f) => ({ method: 'get', path: `/api/v1/articles/${f.articleId}/claims` }), allowed: signedIn, status: 200 },
  { route: 'GET /claims/:id', call: (f) => ({ method: 'get', path: `/api/v1/claims/${f.claimId}` }), allowed: signedIn, status: 200 },
  { route: 'PATCH /claims/:id', call: (f) => ({ method: 'patch', path: `/api/v1/claims/${f.claimId}`, body: { claimant: 'C' } }), allowed: ownerOrEditor, status: 200 },
  { route: 'DELETE /claims/:id', call: (f) => ({ method: 'delete', path: `/api/v1/claims/${f.claimId}` }), allowed: editors, status: 204 },
  { route: 'GET /claims/:id/history', call: (f) => ({ method: 'get', path: `/api/v1/claims/${f.claimId}/history` }), allowed: signedIn, status: 200 },
  { route: 'GET /claim-counts', call: (f) => ({ method: 'get', path: `/api/v1/claim-counts?articleIds=${f.articleId}` }), allowed: signedIn, status: 200 },
  { route: 'POST /claims/:id/annotations', call: (f) => ({ method: 'post', path: `/api/v1/claims/${f.claimId}/annotations`, body: { body: 'note' } }), allowed: signedIn, status: 201 },
  { route: 'GET /claims/:id/annotations', call: (f) => ({ method: 'get', path: `/api/v1/claims/${f.claimId}/annotations` }), allowed: signedIn, status: 200 },
  { route: 'PATCH /annotations/:id', call: (f) => ({ method: 'patch', path: `/api/v1/annotations/${f.annotationId}`, body: { body: 'edited' } }), allowed: ['owner'], status: 200 },
  { route: 'DELETE /annotations/:id', call: (f) => ({ method: 'delete', path: `/api/v1/annotations/${f.annotationId}` }), allowed: ownerOrEditor, status: 204 },
  { route: 'POST /sources', call: () => ({ method: 'post', path: '/api/v1/sources', body: { url: `https://example.org/${Math.random()}` } }), allowed: signedIn, status: 201 },
  { route: 'GET /sources', call: () => ({ method: 'get', path: '/api/v1/sources' }), allowed: signedIn, status: 200 },
  { route: 'GET /sources/:id', call: (f) => ({ method: 'get', path: `/api/v1/sources/${f.sourceId}` }), allowed: signedIn, status: 200 },
  { route: 'PATCH /sources/:id', call: (f) => ({ method: 'patch', path: `/api/v1/sources/${f.sourceId}`, body: { title: 'T' } }), allowed: signedIn, status: 200 },
  { route: 'POST /claims/:id/sources', call: (f) => ({ method: 'post', path: `/api/v1/claims/${f.claimId}/sources`, body: { source: { url: `https://example.org/${Math.random()}` }, stance: 'context' } }), allowed: signedIn, status: 201 },
  { route: 'GET /claims/:id/sources', call: (f) => ({ method: 'get', path: `/api/v1/claims/${f.claimId}/sources` }), allowed: signedIn, status: 200 },
  { route: 'DELETE /claims/:id/sources/:sourceId', call: (f) => ({ method: 'delete', path: `/api/v1/claims/${f.claimId}/sources/${f.sourceId}` }), allowed: signedIn, status: 204 },
  { route: 'GET /rating-scales', call: () => ({ method: 'get', path: '/api/v1/rating-scales' }), allowed: signedIn, status: 200 },
  { route: 'POST /rating-scales', call: () => ({ method: 'post', path: '/api/v1/rating-scales', body: { id: `s-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, name: 'S', bestRating: 1, worstRating: 0, levels: [{ key: 'yes', label: 'Yes', value: 1, description: '' }, { key: 'no', label: 'No', value: 0, description: '' }] } }), allowed: ['admin'], status: 201 },
  { route: 'POST /claims/:id/verdicts', call: (f) => ({ method: 'post', path: `/api/v1/claims/${f.claimId}/verdicts`, body: { rating: 'true' } }), allowed: signedIn, status: 201 },
  { route: 'GET /claims/:id/verdicts', call: (f) => ({ method: 'get', path: `/api/v1/claims/${f.claimId}/verdicts` }), allowed: signedIn, status: 200 },
  { route: 'GET /verdicts/:id', call: (f) => ({ method: 'get', path: `/api/v1/verdicts/${f.draftId}` }), allowed: signedIn, status: 200 },
  { route: 'PATCH /verdicts/:id', call: (f) => ({ method: 'patch', path: `/api/v1/verdicts/${f.draftId}`, body: { rationale: 'better' } }), allowed: ['owner'], status: 200 },
  { route: 'POST /verdicts/:id/submit', call: (f) => ({ method: 'post', path: `/api/v1/verdicts/${f.draftId}/submit` }), allowed: ['owner'], status: 200 },
  { route: 'POST /verdicts/:id/approve', call: (f) => ({ method: 'post', path: `/api/v1/verdicts/${f.submittedId}/approve` }), allowed: editors, status: 200 },
  { route: 'POST /verdicts/:id/reject', call: (f) => ({ method: 'post', path: `/api/v1/verdicts/${f.submittedId}/reject`, body: { note: 'no' } }), allowed: editors, status: 200 },
  { route: 'POST /verdicts/:id/publish', call: (f) => ({ method: 'post', path: `/api/v1/verdicts/${f.approvedId}/publish` }), allowed: editors, status: 200 },
  { route: 'POST /verdicts/:id/retract', call: (f) => ({ method: 'post', path: `/api/v1/verdicts/${f.publishedId}/retract`, body: { note: 'why' } }), allowed: editors, status: 200 },
  { route: 'GET /audit', call: () => ({ method: 'get', path: '/api/v1/audit' }), allowed: editors, status: 200 },
];

describe('permissions (e2e): every route × who', () => {
  let desk: TestDesk;
  let people: Record<Exclude<Who, 'anonymous'>, SignedInUser>;
  let approver: SignedInUser;

  beforeAll(async () => {
    desk = await TestDesk.start();
    people = { owner: await desk.user('reviewer'), other: await desk.user('reviewer'), editor: await desk.user('editor'), admin: desk.admin };
    approver = await desk.user('editor');
  });
  afterAll(() => desk.close());

  /** Fresh resources owned by the owner (a reviewer), so each request meets them untouched. */
  async function fixture(): Promise<Fixture> {
    const as = (user: SignedInUser) => ({
      post: (path: string, body: Record<string, unknown> = {}) => desk.http.post(path).set(...bearer(user)).send(body).then((r) => {
        if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
        return r.body as { id: string };
      }),
    });
    const owner = as(people.owner);
    const article = await owner.post('/api/v1/articles', { format: 'text', content: 'The claim is here.' });
    const claim = await owner.post(`/api/v1/articles/${article.id}/claims`, { selector: { type: 'TextQuoteSelector', exact: 'claim is here' } });
    const annotation = await owner.post(`/api/v1/claims/${claim.id}/annotations`, { body: 'mine' });
    const link = (await owner.post(`/api/v1/claims/${claim.id}/sources`, { source: { url: `https://example.org/${Math.random()}` }, stance: 'supports' })) as unknown as { sourceId: string };
    const verdict = () => owner.post(`/api/v1/claims/${claim.id}/verdicts`, { rating: 'true', rationale: 'because' });
    const draft = await verdict();
    const submitted = await verdict();
    await owner.post(`/api/v1/verdicts/${submitted.id}/submit`);
    const approved = await verdict();
    await owner.post(`/api/v1/verdicts/${approved.id}/submit`);
    await as(approver).post(`/api/v1/verdicts/${approved.id}/approve`);
    // A claim of its own for the published verdict: one published verdict per claim.
    const other = await owner.post(`/api/v1/articles/${article.id}/claims`, { selector: { type: 'TextQuoteSelector', exact: 'The claim' } });
    await owner.post(`/api/v1/claims/${other.id}/sources`, { sourceId: link.sourceId, stance: 'context' });
    const published = await owner.post(`/api/v1/claims/${other.id}/verdicts`, { rating: 'false', rationale: 'because' });
    await owner.post(`/api/v1/verdicts/${published.id}/submit`);
    await as(approver).post(`/api/v1/verdicts/${published.id}/approve`);
    await as(approver).post(`/api/v1/verdicts/${published.id}/publish`);
    const user = await as(desk.admin).post('/api/v1/users', { email: `t${Math.random()}@desk.test`, displayName: 'T', role: 'reviewer', password: 'long-enough-password' });
    return { articleId: article.id, claimId: claim.id, annotationId: annotation.id, sourceId: link.sourceId, draftId: draft.id, submittedId: submitted.id, approvedId: approved.id, publishedId: published.id, userId: user.id };
  }

  it.each(CASES.map((c) => [c.route, c] as const))('%s', async (_route, c) => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const who of EVERYONE) {
      const f = await fixture();
      const { method, path, body } = c.call(f);
      let req = desk.http[method](path);
      if (who !== 'anonymous') req = req.set(...bearer(people[who]));
      const res = await (body ? req.send(body) : req);
      outcomes.push(`${who}:${res.status}`);
      expected.push(`${who}:${who === 'anonymous' ? 401 : c.allowed.includes(who) ? c.status : 403}`);
    }
    expect(outcomes).toEqual(expected);
  });
});
