import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { codePointSlice } from '../support/fixtures';

const TEXT = 'Emoji 😀 first. Then the minister said taxes fell. Later, the minister said taxes fell again. Прокопчук was “favorite” to lead.';

describe('claims (e2e)', () => {
  let desk: TestDesk;
  let author: SignedInUser;
  let other: SignedInUser;
  let editor: SignedInUser;
  let articleId: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    author = await desk.user('reviewer');
    other = await desk.user('reviewer');
    editor = await desk.user('editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(author)).send({ format: 'text', content: TEXT }).expect(201)).body.id;
  });
  afterAll(() => desk.close());

  const mark = (selector: Record<string, unknown>, user: SignedInUser = author, extra: Record<string, unknown> = {}) =>
    desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(user)).send({ selector, ...extra });

  it('marks a claim by position in code points, after an emoji', async () => {
    const start = Array.from(TEXT).indexOf('f'); // "first", after the emoji
    const res = await mark({ type: 'TextPositionSelector', start, end: start + 5 }).expect(201);
    expect(res.body).toMatchObject({ start, end: start + 5, quote: 'first', anchor: 'anchored', status: 'open', articleId, createdBy: author.id, version: 1 });
    expect(res.body.startUtf16).toBe(start + 1);
    expect(res.body.prefix).toBe('Emoji 😀 ');
    expect(res.body.suffix.startsWith('. Then the minister')).toBe(true);
  });

  it('marks a claim by quote, with claimant, claim and tags', async () => {
    const res = await mark({ type: 'TextQuoteSelector', exact: 'was “favorite” to lead' }, author, { claimant: 'The Times', claimReviewed: 'Prokopchuk was the favourite', tags: ['interpol', ' elections '] }).expect(201);
    expect(codePointSlice(TEXT, res.body.start, res.body.end)).toBe('was “favorite” to lead');
    expect(res.body).toMatchObject({ claimant: 'The Times', claimReviewed: 'Prokopchuk was the favourite', tags: ['interpol', 'elections'] });
  });

  it('marks on the revision in force: a text indexed for earlier claims is not reused once the text is revised', async () => {
    const first = 'Taxes fell by 4 per cent, the minister said.';
    const id = (await desk.http.post('/api/v1/articles').set(...bearer(author)).send({ format: 'text', content: first }).expect(201)).body.id;
    const markOn = (exact: string) => desk.http.post(`/api/v1/articles/${id}/claims`).set(...bearer(author)).send({ selector: { type: 'TextQuoteSelector', exact } });
    expect((await markOn('4 per cent').expect(201)).body).toMatchObject({ start: 14, revision: 1 });
    const revised = await desk.http.put(`/api/v1/articles/${id}/text`).set(...bearer(author)).set('If-Match', '"1"').send({ format: 'text', content: `😀 Update: ${first}` });
    expect(revised.status).toBe(200);
    expect((await markOn('4 per cent').expect(201)).body).toMatchObject({ start: 24, startUtf16: 25, revision: 2, prefix: '😀 Update: Taxes fell by ' });
    await markOn('Update').expect(201);
  });

  it('answers quote_ambiguous with every candidate, and resolves it with a prefix', async () => {
    const res = await mark({ type: 'TextQuoteSelector', exact: 'the minister said taxes fell' }).expect(409);
    expect(res.body.code).toBe('quote_ambiguous');
    const starts = res.body.errors.map((e: { start: number }) => e.start).sort((a: number, b: number) => a - b);
    expect(starts).toHaveLength(2);
    expect(res.body.errors[0]).toHaveProperty('startUtf16');
    expect(starts[0]).toBe(Array.from(TEXT.slice(0, TEXT.indexOf('the minister'))).length);
    const resolved = await mark({ type: 'TextQuoteSelector', exact: 'the minister said taxes fell', prefix: 'Later, ' }).expect(201);
    expect(resolved.body.start).toBe(starts[1]);
  });

  it.each([
    [{ type: 'TextQuoteSelector', exact: 'not in this text' }, 422, 'quote_not_found'],
    [{ type: 'TextQuoteSelector', exact: '   ' }, 422, 'empty_span'],
    [{ type: 'TextPositionSelector', start: 3, end: 3 }, 422, 'empty_span'],
    [{ type: 'TextPositionSelector', start: 5, end: 6 }, 422, 'empty_span'],
    [{ type: 'TextPositionSelector', start: 0, end: 10_000 }, 422, 'offset_out_of_range'],
    [{ type: 'TextPositionSelector', start: -1, end: 4 }, 422, 'offset_out_of_range'],
    [{ type: 'TextPositionSelector', start: 'a', end: 4 }, 422, 'validation_failed'],
    [{ type: 'RangeSelector', start: 0, end: 4 }, 422, 'validation_failed'],
  ])('refuses %p with %p %p', async (selector, status, code) => {
    const res = await mark(selector).expect(status);
    expect(res.body.code).toBe(code);
  });

  it('allows overlapping and nested spans', async () => {
    const outer = await mark({ type: 'TextQuoteSelector', exact: 'Прокопчук was “favorite”' }).expect(201);
    const inner = await mark({ type: 'TextQuoteSelector', exact: '“favorite”' }).expect(201);
    expect(inner.body.start).toBeGreaterThan(outer.body.start);
    expect(inner.body.end).toBe(outer.body.end);
  });

  it('lists claims in reading order with filters', async () => {
    const list = await desk.http.get(`/api/v1/articles/${articleId}/claims`).set(...bearer(other)).expect(200);
    const starts = list.body.items.map((c: { start: number }) => c.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const none = await desk.http.get(`/api/v1/articles/${articleId}/claims?anchor=fuzzy,orphaned`).set(...bearer(other)).expect(200);
    expect(none.body.items).toEqual([]);
    await desk.http.get(`/api/v1/articles/${articleId}/claims?anchor=lost`).set(...bearer(other)).expect(422);
  });

  it('lets the author and editors edit a claim, not another reviewer', async () => {
    const claim = (await mark({ type: 'TextQuoteSelector', exact: 'taxes fell again' }).expect(201)).body;
    await desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(other)).send({ claimant: 'Nobody' }).expect(403);
    const byAuthor = await desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(author)).set('If-Match', '"1"').send({ claimant: 'The minister' }).expect(200);
    expect(byAuthor.body).toMatchObject({ claimant: 'The minister', version: 2 });
    await desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(editor)).set('If-Match', '"1"').send({ claimant: 'Stale' }).expect(412);
    const remark = await desk.http.patch(`/api/v1/claims/${claim.id}`).set(...bearer(editor)).send({ selector: { type: 'TextQuoteSelector', exact: 'fell again' } }).expect(200);
    expect(remark.body).toMatchObject({ quote: 'fell again', anchor: 'anchored', version: 3 });
    const got = await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(other)).expect(200);
    expect(got.headers.etag).toBe('"3"');
  });

  it('lets an editor delete a claim, and not a reviewer, even its author', async () => {
    const claim = (await mark({ type: 'TextQuoteSelector', exact: 'Emoji' }).expect(201)).body;
    await desk.http.delete(`/api/v1/claims/${claim.id}`).set(...bearer(other)).expect(403);
    const refused = await desk.http.delete(`/api/v1/claims/${claim.id}`).set(...bearer(author)).expect(403);
    expect(refused.body.code).toBe('forbidden');
    await desk.http.delete(`/api/v1/claims/${claim.id}`).set(...bearer(editor)).expect(204);
    await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(author)).expect(404);
  });

  it('answers 404 for claims of an unknown article', async () => {
    const res = await desk.http.post('/api/v1/articles/unknown/claims').set(...bearer(author)).send({ selector: { type: 'TextQuoteSelector', exact: 'x' } }).expect(404);
    expect(res.body.code).toBe('not_found');
  });
});
