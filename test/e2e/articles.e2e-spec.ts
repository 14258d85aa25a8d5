import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { codePointSlice, INTERPOL_MD } from '../support/fixtures';

describe('articles (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
  });
  afterAll(() => desk.close());

  const importArticle = (body: Record<string, unknown>, user: SignedInUser = reviewer) =>
    desk.http.post('/api/v1/articles').set(...bearer(user)).send(body);

  it('imports the example article as clean prose', async () => {
    const res = await importArticle({ format: 'markdown', content: INTERPOL_MD, url: 'https://news.example/interpol', publishedAt: '2018-11-21' }).expect(201);
    const article = res.body;
    expect(article.title).toBe('Russian Loses Interpol Presidency After US Pushes Opposing Vote');
    for (const markup of ['<u>', '**', '\\_', '##']) expect(article.text).not.toContain(markup);
    expect(article.text).toContain('@INTERPOL_HQ');
    expect(article.text).toContain('if Prokopchuk was elected.');
    expect(article.length).toBe(Array.from(article.text as string).length);
    expect(article.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(article).toMatchObject({ revision: 1, version: 1, createdBy: reviewer.id, format: 'markdown' });
  });

  it('keeps plain text as it is, canonicalised', async () => {
    const res = await importArticle({ format: 'text', content: '\r\n  \r\nFirst line  \r\nsame paragraph\r\n\r\n\r\n\r\nSecond “quoted”\u00a0paragraph 😀\n\n' }).expect(201);
    expect(res.body.text).toBe('First line\nsame paragraph\n\nSecond “quoted”\u00a0paragraph 😀');
    expect(res.body.title).toBe('First line');
    expect(res.body.length).toBe(Array.from(res.body.text as string).length);
  });

  it('reduces HTML to text without scripts or styles', async () => {
    const res = await importArticle({ format: 'html', title: 'HTML', content: '<html><head><style>p{}</style></head><body><h1>Head &amp; line</h1><script>alert(1)</script><p>Body <b>bold</p></body></html>' }).expect(201);
    expect(res.body.text).toBe('Head & line\n\nBody bold');
  });

  it('gets an article with its ETag and lists newest first without text', async () => {
    const a = (await importArticle({ format: 'text', content: 'Alpha searchable zebra' }).expect(201)).body;
    const b = (await importArticle({ format: 'text', content: 'Beta other' }).expect(201)).body;
    const got = await desk.http.get(`/api/v1/articles/${a.id}`).set(...bearer(reviewer)).expect(200);
    expect(got.headers.etag).toBe('"1"');
    const list = await desk.http.get('/api/v1/articles?limit=1').set(...bearer(reviewer)).expect(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].id).toBe(b.id);
    expect(list.body.items[0]).not.toHaveProperty('text');
    const next = await desk.http.get(`/api/v1/articles?limit=1&cursor=${list.body.nextCursor}`).set(...bearer(reviewer)).expect(200);
    expect(next.body.items[0].id).toBe(a.id);
    const search = await desk.http.get('/api/v1/articles?q=ZEBRA').set(...bearer(reviewer)).expect(200);
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
  });

  it('rejects an out-of-range limit and a bad cursor', async () => {
    await desk.http.get('/api/v1/articles?limit=0').set(...bearer(reviewer)).expect(422);
    await desk.http.get('/api/v1/articles?limit=201').set(...bearer(reviewer)).expect(422);
    const res = await desk.http.get('/api/v1/articles?cursor=garbage').set(...bearer(reviewer)).expect(422);
    expect(res.body.code).toBe('validation_failed');
  });

  it('patches metadata with If-Match and refuses a stale version', async () => {
    const a = (await importArticle({ format: 'text', content: 'Patch me' }).expect(201)).body;
    const ok = await desk.http.patch(`/api/v1/articles/${a.id}`).set(...bearer(reviewer)).set('If-Match', '"1"').send({ publisher: 'Desk Daily', authors: ['A. Writer'] }).expect(200);
    expect(ok.body).toMatchObject({ publisher: 'Desk Daily', authors: ['A. Writer'], version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await desk.http.patch(`/api/v1/articles/${a.id}`).set(...bearer(reviewer)).set('If-Match', '"1"').send({ publisher: 'Lost' }).expect(412);
    expect(stale.body.code).toBe('version_conflict');
    const after = await desk.http.get(`/api/v1/articles/${a.id}`).set(...bearer(reviewer)).expect(200);
    expect(after.body.publisher).toBe('Desk Daily');
  });

  it('lets only editors delete, cascading to claims', async () => {
    const a = (await importArticle({ format: 'text', content: 'Delete this claim text' }).expect(201)).body;
    const claim = (await desk.http.post(`/api/v1/articles/${a.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'claim text' } }).expect(201)).body;
    await desk.http.delete(`/api/v1/articles/${a.id}`).set(...bearer(reviewer)).expect(403);
    await desk.http.delete(`/api/v1/articles/${a.id}`).set(...bearer(editor)).expect(204);
    await desk.http.get(`/api/v1/articles/${a.id}`).set(...bearer(reviewer)).expect(404);
    await desk.http.get(`/api/v1/claims/${claim.id}`).set(...bearer(reviewer)).expect(404);
  });

  it('answers malformed, unknown and oversized bodies with problem details', async () => {
    const malformed = await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).set('Content-Type', 'application/json').send('{"format": "text",').expect(400);
    expect(malformed.body.code).toBe('malformed_json');
    const unknown = await importArticle({ format: 'text', content: 'x', colour: 'red' }).expect(422);
    expect(unknown.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'colour' })]));
    await importArticle({ format: 'docx', content: 'x' }).expect(422);
    await importArticle({ format: 'text', content: '   \n\n ' }).expect(422);
    const big = await importArticle({ format: 'text', content: 'x'.repeat(5 * 1024 * 1024 + 10) }).expect(413);
    expect(big.body.code).toBe('payload_too_large');
    const bigPatch = await desk.http.patch('/api/v1/articles/whatever').set(...bearer(reviewer)).send({ title: 'x'.repeat(300 * 1024) }).expect(413);
    expect(bigPatch.body.code).toBe('payload_too_large');
    await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send([1, 2]).expect(422);
    await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send('null').set('Content-Type', 'application/json').expect(422);
  });

  it('answers unknown ids and routes with 404 problem details', async () => {
    const res = await desk.http.get('/api/v1/articles/00000000-0000-4000-8000-000000000000').set(...bearer(reviewer)).expect(404);
    expect(res.body.code).toBe('not_found');
    const route = await desk.http.get('/api/v1/nothing-here').set(...bearer(reviewer)).expect(404);
    expect(route.headers['content-type']).toMatch(/problem\+json/);
  });

  it('stores revisions, and a PUT of the same text is a no-op', async () => {
    const a = (await importArticle({ format: 'text', content: 'First version of the story.' }).expect(201)).body;
    const same = await desk.http.put(`/api/v1/articles/${a.id}/text`).set(...bearer(reviewer)).send({ format: 'text', content: 'First version of the story.\n' }).expect(200);
    expect(same.body.article.revision).toBe(1);
    const changed = await desk.http.put(`/api/v1/articles/${a.id}/text`).set(...bearer(reviewer)).set('If-Match', '"1"').send({ format: 'text', content: 'Second version of the story.' }).expect(200);
    expect(changed.body.article).toMatchObject({ revision: 2, version: 2, text: 'Second version of the story.' });
    const revisions = await desk.http.get(`/api/v1/articles/${a.id}/revisions`).set(...bearer(reviewer)).expect(200);
    expect(revisions.body.items.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const first = await desk.http.get(`/api/v1/articles/${a.id}/revisions/1`).set(...bearer(reviewer)).expect(200);
    expect(first.body.text).toBe('First version of the story.');
    await desk.http.get(`/api/v1/articles/${a.id}/revisions/9`).set(...bearer(reviewer)).expect(404);
  });

  it('writes the audit log, readable by editors only', async () => {
    const a = (await importArticle({ format: 'text', content: 'Audited' }).expect(201)).body;
    await desk.http.get(`/api/v1/audit?entityType=article&entityId=${a.id}`).set(...bearer(reviewer)).expect(403);
    const log = await desk.http.get(`/api/v1/audit?entityType=article&entityId=${a.id}`).set(...bearer(editor)).expect(200);
    expect(log.body.items[0]).toMatchObject({ action: 'article.created', entityType: 'article', entityId: a.id, actorId: reviewer.id });
    expect(log.body.items[0].after.title).toBe('Audited');
  });

  it('answers codes point offsets that match the quote on the example article', async () => {
    const article = (await importArticle({ format: 'markdown', content: INTERPOL_MD }).expect(201)).body;
    for (const exact of ['favorite', 'accused, but not prosecuted or charged', 'Kim Jong-yang']) {
      const claim = (await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body;
      expect(claim.quote).toBe(exact);
      expect(codePointSlice(article.text, claim.start, claim.end)).toBe(exact);
      expect((article.text as string).slice(claim.startUtf16, claim.endUtf16)).toBe(exact);
    }
  });
});

describe('text no database can store (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  it('refuses NUL characters and unpaired surrogates with 422, never 5xx', async () => {
    for (const content of ['bad \u0000 byte', 'lone \ud800 surrogate']) {
      const res = await desk.http.post('/api/v1/articles').set(...bearer(desk.admin)).set('Content-Type', 'application/json')
        .send(JSON.stringify({ format: 'text', content })).expect(422);
      expect(res.body.errors[0].path).toBe('content');
    }
    await desk.http.get('/api/v1/articles?q=%00').set(...bearer(desk.admin)).expect(422);
  });
});

describe('hostile bodies (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  it.each([
    ['deep nesting', `{"format":"text","content":"x","authors":${'['.repeat(50_000)}${']'.repeat(50_000)}}`],
    ['a JSON string', '"just a string"'],
    ['a number', '42'],
    ['an empty body', ''],
    ['a wrong type', '{"format":"text","content":["a"]}'],
  ])('answers %s with a 4xx problem, never a 5xx', async (_name, raw) => {
    const res = await desk.http.post('/api/v1/articles').set(...bearer(desk.admin)).set('Content-Type', 'application/json').send(raw);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers a wrong content type with a 4xx problem', async () => {
    const res = await desk.http.post('/api/v1/articles').set(...bearer(desk.admin)).set('Content-Type', 'text/plain').send('format=text');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });

  it('does not let a __proto__ key reach anything', async () => {
    const res = await desk.http.post('/api/v1/articles').set(...bearer(desk.admin)).set('Content-Type', 'application/json')
      .send('{"format":"text","content":"Prototype test","__proto__":{"polluted":true}}');
    expect(res.status).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
