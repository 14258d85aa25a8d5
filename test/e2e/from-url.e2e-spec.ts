import { ARTICLE_HTML, PageServer } from '../support/page-server';
import { deskWithPages, DeskWithPages } from '../support/desk-with-pages';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** "Articles and sources from the web": POST /articles/from-url (the fetching rules are in fetch-safety). */
describe('import by URL (e2e)', () => {
  let desk: TestDesk;
  let pages: PageServer;
  let reviewer: SignedInUser;

  let world: DeskWithPages;

  beforeAll(async () => {
    world = await deskWithPages();
    ({ desk, pages, reviewer } = world);
  });
  afterAll(() => world.close());

  const fromUrl = (body: object, user: SignedInUser = reviewer) => desk.http.post('/api/v1/articles/from-url').set(...bearer(user)).send(body);

  it('imports an HTML page as POST /articles does, recording where it was found (failed on main: 404)', async () => {
    const created = await fromUrl({ url: pages.url('/hops/2') }).expect(201);
    expect(created.body).toMatchObject({ url: pages.url('/article'), createdBy: reviewer.id, revision: 1 });
    expect(created.body.text).toContain('Alexander Prokopchuk was seen as the favorite to lead Interpol.');
    expect(created.body.text).not.toMatch(/<|charset/);
    const same = await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'html', content: ARTICLE_HTML }).expect(201);
    expect(created.body.text).toBe(same.body.text);
    expect((await desk.http.get(`/api/v1/articles/${created.body.id}`).set(...bearer(reviewer)).expect(200)).body.text).toBe(created.body.text);
  });

  it('names itself with the contract\'s User-Agent', async () => {
    await fromUrl({ url: pages.url('/article') }).expect(201);
    const agent = pages.requests.filter((r) => r.path === '/article').at(-1)?.userAgent;
    expect(agent).toMatch(/^ClaimDesk\/\d+\.\d+\.\d+ \(\+https:\/\/desk\.example\)$/);
  });

  it('keeps the metadata the request gives', async () => {
    const created = await fromUrl({ url: pages.url('/article'), title: 'My title', publisher: 'Wire', authors: ['A. Writer'], publishedAt: '2018-11-21', language: 'en-GB' }).expect(201);
    expect(created.body).toMatchObject({ title: 'My title', publisher: 'Wire', authors: ['A. Writer'], language: 'en-GB' });
    expect(created.body.publishedAt).toMatch(/^2018-11-21/);
  });

  it('imports text/plain as text and text/markdown as Markdown', async () => {
    expect((await fromUrl({ url: pages.url('/plain') }).expect(201)).body.text).toBe('A plain text claim.\n\nSecond paragraph.');
    expect((await fromUrl({ url: pages.url('/notes.md') }).expect(201)).body.text).toBe('Notes\n\nA Markdown claim.');
  });

  it('refuses pages it cannot read as an article, and pages that are not there, with the reason', async () => {
    const pdf = await fromUrl({ url: pages.url('/report.pdf') }).expect(422);
    expect(pdf.body).toMatchObject({ code: 'fetch_failed', detail: expect.stringContaining('application/pdf') });
    const gone = await fromUrl({ url: pages.url('/gone') }).expect(422);
    expect(gone.body).toMatchObject({ code: 'fetch_failed', detail: 'the page answered HTTP 404' });
    const nothing = await fromUrl({ url: 'http://127.0.0.2:1/article' }).expect(422);
    expect(nothing.body).toMatchObject({ code: 'fetch_failed', detail: expect.stringContaining('ECONNREFUSED') });
  });

  it('validates the request at the edge', async () => {
    expect((await fromUrl({}).expect(422)).body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'url' })]));
    expect((await fromUrl({ url: pages.url('/article'), format: 'html' }).expect(422)).body.code).toBe('validation_failed');
    expect((await fromUrl({ url: 'not a url' }).expect(422)).body.errors).toEqual([expect.objectContaining({ path: 'url' })]);
    await desk.http.post('/api/v1/articles/from-url').send({ url: pages.url('/article') }).expect(401);
  });
});
