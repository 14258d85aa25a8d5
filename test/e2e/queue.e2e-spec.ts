import type { QueueItem } from '@claimdesk/reports';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** API.md, "Work": GET /me/queue, what waits for the signed-in user across all articles. */
describe('my queue (e2e)', () => {
  let desk: TestDesk;
  let editor: SignedInUser;
  let otherEditor: SignedInUser;

  beforeAll(async () => {
    desk = await TestDesk.start();
    editor = await desk.user('editor', 'Eda Editor');
    otherEditor = await desk.user('editor', 'Otto Editor');
  });
  afterAll(() => desk.close());

  const newArticle = async (user: SignedInUser, content: string, title?: string) =>
    (await desk.http.post('/api/v1/articles').set(...bearer(user)).send({ format: 'text', content, title }).expect(201)).body as { id: string; title: string };
  const mark = async (user: SignedInUser, articleId: string, exact: string) =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(user)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body as { id: string; quote: string };
  const assign = (claimId: string, assigneeId: string | null, dueAt?: string | null) =>
    desk.http.put(`/api/v1/claims/${claimId}/assignment`).set(...bearer(editor)).send({ assigneeId, dueAt }).expect(200);
  const queue = async (user: SignedInUser, articleId?: string): Promise<QueueItem[]> => {
    const items = (await desk.http.get('/api/v1/me/queue?limit=200').set(...bearer(user)).expect(200)).body.items as QueueItem[];
    return articleId ? items.filter((item) => item.articleId === articleId) : items;
  };
  const reasons = (items: QueueItem[]) => items.map((item) => `${item.reason}:${item.claimId ?? 'article'}`);
  /** A verdict on the claim by `author`, submitted for review (a source attached, a rationale written). */
  const submitted = async (author: SignedInUser, claimId: string) => {
    await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(author)).send({ source: { url: `https://stats.example.gov/${claimId}` }, stance: 'refutes' }).expect(201);
    const verdict = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(author)).send({ rating: 'false', rationale: 'The figures say otherwise.' }).expect(201)).body as { id: string };
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(author)).expect(200);
    return verdict.id;
  };
  const act = (user: SignedInUser, verdictId: string, action: string, body: Record<string, unknown> = {}) =>
    desk.http.post(`/api/v1/verdicts/${verdictId}/${action}`).set(...bearer(user)).send(body).expect(200);

  it('lists the claims and articles assigned to me, with title, quote, status and due date', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(editor, 'Unemployment halved. Exports rose. Crime fell.', 'Budget speech');
    const claim = await mark(editor, article.id, 'Exports rose');
    await mark(editor, article.id, 'Crime fell');
    await assign(claim.id, reviewer.id, '2026-12-10T17:00:00Z');
    await desk.http.put(`/api/v1/articles/${article.id}/assignment`).set(...bearer(editor)).send({ assigneeId: reviewer.id }).expect(200);
    const items = await queue(reviewer);
    expect(items).toEqual([
      { reason: 'assigned', articleId: article.id, articleTitle: 'Budget speech', claimId: claim.id, quote: 'Exports rose', status: 'open', dueAt: '2026-12-10T17:00:00.000Z', since: expect.any(String) },
      { reason: 'assigned', articleId: article.id, articleTitle: 'Budget speech', claimId: null, quote: null, status: null, dueAt: null, since: expect.any(String) },
    ]);
    // Nothing of it waits for anyone else.
    expect(await queue(await desk.user('reviewer'))).toEqual([]);
  });

  it('orders by due date, earliest first and undated last, then by how long it has waited', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(editor, 'One. Two. Three. Four.');
    const [one, two, three, four] = [await mark(editor, article.id, 'One'), await mark(editor, article.id, 'Two'), await mark(editor, article.id, 'Three'), await mark(editor, article.id, 'Four')];
    await assign(one.id, reviewer.id);
    await assign(two.id, reviewer.id, '2026-12-20');
    await assign(three.id, reviewer.id);
    await assign(four.id, reviewer.id, '2026-12-10');
    // The article's due date is its claims' unless a claim has its own.
    expect(reasons(await queue(reviewer))).toEqual([`assigned:${four.id}`, `assigned:${two.id}`, `assigned:${one.id}`, `assigned:${three.id}`]);
    await desk.http.put(`/api/v1/articles/${article.id}/assignment`).set(...bearer(editor)).send({ assigneeId: null, dueAt: '2026-12-01' }).expect(200);
    const items = await queue(reviewer);
    expect(reasons(items)).toEqual([`assigned:${one.id}`, `assigned:${three.id}`, `assigned:${four.id}`, `assigned:${two.id}`]);
    expect(items[0].dueAt).toBe('2026-12-01T00:00:00.000Z');
  });

  it('pages with limit and cursor through the same items in the same order', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(editor, 'Alpha. Beta. Gamma. Delta. Epsilon.');
    for (const [i, word] of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].entries()) {
      await assign((await mark(reviewer, article.id, word)).id, reviewer.id, i % 2 ? '2026-12-15' : null);
    }
    // The article's own revision flags every claim: each is also to recheck, by the same user.
    await desk.http.put(`/api/v1/articles/${article.id}/text`).set(...bearer(editor)).send({ format: 'text', content: 'Nothing is left.' }).expect(200);
    const all = await queue(reviewer);
    expect(all).toHaveLength(10);
    const walked: QueueItem[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: QueueItem[]; nextCursor: string | null } } = await desk.http.get('/api/v1/me/queue').query({ limit: 3, ...(cursor ? { cursor } : {}) }).set(...bearer(reviewer)).expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(3);
      walked.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
    await desk.http.get('/api/v1/me/queue?cursor=nonsense').set(...bearer(reviewer)).expect(422);
    await desk.http.get('/api/v1/me/queue?limit=0').set(...bearer(reviewer)).expect(422);
  });

  it('gives editors the submitted verdicts of others to review, and approved ones to publish unless they wrote them', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(reviewer, 'Taxes fell by half.');
    const claim = await mark(reviewer, article.id, 'Taxes fell');
    const verdictId = await submitted(reviewer, claim.id);
    expect(reasons(await queue(editor, article.id))).toEqual([`review:${claim.id}`]);
    expect(reasons(await queue(desk.admin, article.id))).toEqual([`review:${claim.id}`]);
    // The author is waiting on editors, and reviewers review nothing.
    expect(await queue(reviewer, article.id)).toEqual([]);
    expect(await queue(await desk.user('reviewer'), article.id)).toEqual([]);
    await act(editor, verdictId, 'approve');
    expect(reasons(await queue(editor, article.id))).toEqual([`publish:${claim.id}`]);
    expect((await queue(otherEditor, article.id))[0]).toMatchObject({ reason: 'publish', claimId: claim.id, quote: 'Taxes fell', status: 'in_review' });
    await act(otherEditor, verdictId, 'publish');
    expect(await queue(editor, article.id)).toEqual([]);
  });

  it('leaves an editor\'s own verdicts out of their review and publish work', async () => {
    const article = await newArticle(editor, 'Prices rose.');
    const claim = await mark(editor, article.id, 'Prices rose');
    const verdictId = await submitted(editor, claim.id);
    expect(await queue(editor, article.id)).toEqual([]);
    expect(reasons(await queue(otherEditor, article.id))).toEqual([`review:${claim.id}`]);
    await act(otherEditor, verdictId, 'approve');
    expect(await queue(editor, article.id)).toEqual([]);
    expect(reasons(await queue(otherEditor, article.id))).toEqual([`publish:${claim.id}`]);
  });

  it('returns a rejected verdict to its author until they submit it again', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(reviewer, 'Wages doubled.');
    const claim = await mark(reviewer, article.id, 'Wages doubled');
    const verdictId = await submitted(reviewer, claim.id);
    await act(editor, verdictId, 'reject', { note: 'Which wages?' });
    expect(reasons(await queue(reviewer, article.id))).toEqual([`returned:${claim.id}`]);
    expect(await queue(editor, article.id)).toEqual([]);
    await act(reviewer, verdictId, 'submit');
    expect(await queue(reviewer, article.id)).toEqual([]);
    expect(reasons(await queue(editor, article.id))).toEqual([`review:${claim.id}`]);
  });

  it('drops assigned work once it is resolved: a claim with a published verdict, an article whose claims all are', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(editor, 'Rents rose.');
    const claim = await mark(reviewer, article.id, 'Rents rose');
    await assign(claim.id, reviewer.id);
    await desk.http.put(`/api/v1/articles/${article.id}/assignment`).set(...bearer(editor)).send({ assigneeId: reviewer.id }).expect(200);
    const verdictId = await submitted(reviewer, claim.id);
    // Submitted is not done yet.
    expect(reasons(await queue(reviewer, article.id))).toEqual([`assigned:${claim.id}`, 'assigned:article']);
    await act(editor, verdictId, 'approve');
    await act(otherEditor, verdictId, 'publish');
    expect(await queue(reviewer, article.id)).toEqual([]);
    // A new claim in the article is work again.
    await mark(editor, article.id, 'Rents');
    expect(reasons(await queue(reviewer, article.id))).toEqual(['assigned:article']);
  });

  it('asks for a recheck of a fuzzy or orphaned claim from whoever marked it or has it assigned', async () => {
    const marker = await desk.user('reviewer');
    const assignee = await desk.user('reviewer');
    const article = await newArticle(editor, 'The mayor opened a bridge. The port handled 4 million containers.');
    const kept = await mark(marker, article.id, 'The mayor opened a bridge.');
    const lost = await mark(marker, article.id, 'The port handled 4 million containers.');
    await assign(lost.id, assignee.id);
    expect(reasons(await queue(marker, article.id))).toEqual([]);
    await desk.http.put(`/api/v1/articles/${article.id}/text`).set(...bearer(editor)).send({ format: 'text', content: 'The mayor opened a bridge. Nothing else happened.' }).expect(200);
    expect((await desk.http.get(`/api/v1/claims/${kept.id}`).set(...bearer(marker)).expect(200)).body.anchor).toBe('anchored');
    expect(reasons(await queue(marker, article.id))).toEqual([`recheck:${lost.id}`]);
    expect(reasons(await queue(assignee, article.id)).sort()).toEqual([`assigned:${lost.id}`, `recheck:${lost.id}`]);
    expect(await queue(editor, article.id)).toEqual([]);
    // Re-marked, it is anchored again and leaves the queue.
    await desk.http.patch(`/api/v1/claims/${lost.id}`).set(...bearer(marker)).send({ selector: { type: 'TextQuoteSelector', exact: 'Nothing else happened.' } }).expect(200);
    expect(reasons(await queue(marker, article.id))).toEqual([]);
  });

  it('counts what waits, in all and per reason', async () => {
    const reviewer = await desk.user('reviewer');
    const article = await newArticle(editor, 'Sales grew. Costs shrank.');
    await assign((await mark(editor, article.id, 'Sales grew')).id, reviewer.id);
    const rejected = await mark(reviewer, article.id, 'Costs shrank');
    await act(editor, await submitted(reviewer, rejected.id), 'reject', { note: 'Source?' });
    const counts = (await desk.http.get('/api/v1/me/queue/counts').set(...bearer(reviewer)).expect(200)).body;
    expect(counts).toEqual({ total: 2, reasons: { assigned: 1, returned: 1, recheck: 0, mentioned: 0, reply: 0 } });
    const editorCounts = (await desk.http.get('/api/v1/me/queue/counts').set(...bearer(editor)).expect(200)).body;
    expect(editorCounts.total).toBe((await queue(editor)).length);
    expect(Object.keys(editorCounts.reasons).sort()).toEqual(['assigned', 'mentioned', 'publish', 'recheck', 'reply', 'returned', 'review']);
  });

  it('needs a signed-in user', async () => {
    await desk.http.get('/api/v1/me/queue').expect(401);
    await desk.http.get('/api/v1/me/queue/counts').expect(401);
  });
});
