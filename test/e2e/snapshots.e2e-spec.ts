import { createHash } from 'node:crypto';
import { binary } from '../support/binary-body';
import { ARTICLE_HTML, PageServer } from '../support/page-server';
import { deskWithPages, DeskWithPages } from '../support/desk-with-pages';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** "Sources get snapshots": on demand, automatically when attached, served sandboxed, archived. */
describe('source snapshots (e2e)', () => {
  let desk: TestDesk;
  let pages: PageServer;
  let reviewer: SignedInUser;
  let counter = 0;

  let world: DeskWithPages;

  beforeAll(async () => {
    world = await deskWithPages();
    ({ desk, pages, reviewer } = world);
  });
  afterAll(() => world.close());

  const registered = async (path: string): Promise<string> =>
    (await desk.http.post('/api/v1/sources').set(...bearer(reviewer)).send({ url: pages.url(path) }).expect((r) => expect([200, 201]).toContain(r.status))).body.id;
  const snapshot = (sourceId: string) => desk.http.post(`/api/v1/sources/${sourceId}/snapshots`).set(...bearer(reviewer));

  it('takes a snapshot on demand: the bytes, their sha256, the title and the text (failed on main: 404)', async () => {
    const sourceId = await registered('/article');
    const taken = await snapshot(sourceId).expect(201);
    expect(taken.body).toEqual({
      id: expect.any(String), sourceId, url: pages.url('/article'), finalUrl: pages.url('/article'), fetchedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      httpStatus: 200, contentType: 'text/html; charset=utf-8', bytes: Buffer.byteLength(ARTICLE_HTML),
      sha256: createHash('sha256').update(ARTICLE_HTML).digest('hex'), title: 'Interpol elects a president',
      text: expect.stringContaining('Alexander Prokopchuk was seen as the favorite to lead Interpol.'), archiveUrl: null, createdBy: reviewer.id,
    });
    const listed = await desk.http.get(`/api/v1/sources/${sourceId}/snapshots`).set(...bearer(reviewer)).expect(200);
    expect(listed.body).toEqual({ items: [taken.body], nextCursor: null });
  });

  it('serves the stored bytes sandboxed, as an attachment unless plain text', async () => {
    const html = (await snapshot(await registered('/article')).expect(201)).body;
    const served = await desk.http.get(`/api/v1/snapshots/${html.id}/content`).set(...bearer(reviewer)).buffer(true).parse(binary).expect(200);
    expect((served.body as Buffer).toString('utf8')).toBe(ARTICLE_HTML);
    expect(createHash('sha256').update(served.body as Buffer).digest('hex')).toBe(html.sha256);
    expect(served.headers).toMatchObject({ 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff', 'content-disposition': expect.stringMatching(/^attachment/) });

    const plain = (await snapshot(await registered('/plain')).expect(201)).body;
    expect(plain.text).toBe('A plain text claim.\n\nSecond paragraph.');
    const text = await desk.http.get(`/api/v1/snapshots/${plain.id}/content`).set(...bearer(reviewer)).expect(200);
    expect(text.headers).toMatchObject({ 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff' });
    expect(text.headers['content-disposition']).toBeUndefined();
  });

  it('records a page that is gone, and a page it cannot read as text, without text', async () => {
    expect((await snapshot(await registered('/gone')).expect(201)).body).toMatchObject({ httpStatus: 404, text: expect.stringContaining('Not here any more') });
    expect((await snapshot(await registered('/report.pdf')).expect(201)).body).toMatchObject({ httpStatus: 200, contentType: 'application/pdf', text: null, title: null });
  });

  it('is for signed-in users only, and 404 for unknown sources and snapshots', async () => {
    const sourceId = await registered('/article');
    await desk.http.post(`/api/v1/sources/${sourceId}/snapshots`).expect(401);
    await desk.http.get(`/api/v1/sources/${sourceId}/snapshots`).expect(401);
    const taken = (await snapshot(sourceId).expect(201)).body;
    await desk.http.get(`/api/v1/snapshots/${taken.id}/content`).expect(401);
    await snapshot('00000000-0000-4000-8000-000000000000').expect(404);
    await desk.http.get('/api/v1/snapshots/00000000-0000-4000-8000-000000000000/content').set(...bearer(reviewer)).expect(404);
  });

  it('stores nothing when the fetch fails', async () => {
    const sourceId = await registered('/hops/6');
    expect((await snapshot(sourceId).expect(422)).body.code).toBe('fetch_failed');
    expect((await desk.http.get(`/api/v1/sources/${sourceId}/snapshots`).set(...bearer(reviewer)).expect(200)).body.items).toEqual([]);
  });

  it('lists the snapshot date and hash beside each source in reports and the workspace; a published report keeps the snapshot it had', async () => {
    const editor = await desk.user('editor');
    const sourceId = await registered('/article');
    const first = (await snapshot(sourceId).expect(201)).body;
    const articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Wages rose by a third.' }).expect(201)).body.id;
    const claimId = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'Wages rose' } }).expect(201)).body.id;
    await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer)).send({ sourceId, stance: 'supports' }).expect(201);
    const report = async (format: string) => (await desk.http.get(`/api/v1/articles/${articleId}/report`).query({ format }).set(...bearer(reviewer)).expect(200)).text;
    const line = (shot: { fetchedAt: string; sha256: string }) => `Archived on ${shot.fetchedAt.slice(0, 10)}, sha256 ${shot.sha256}`;

    const json = JSON.parse(await report('json'));
    expect(json.articles[0].claims[0].sources[0].snapshot).toEqual({ id: first.id, fetchedAt: first.fetchedAt, sha256: first.sha256 });
    expect(await report('markdown')).toContain(line(first));
    expect(await report('html')).toContain(line(first));
    const workspace = (await desk.http.get(`/api/v1/articles/${articleId}/workspace`).set(...bearer(reviewer)).expect(200)).body;
    expect(workspace.snapshots[sourceId]).toEqual(expect.arrayContaining([expect.objectContaining({ id: first.id, sha256: first.sha256 })]));

    const verdictId = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', rationale: 'It did.' }).expect(201)).body.id;
    await desk.http.post(`/api/v1/verdicts/${verdictId}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdictId}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdictId}/publish`).set(...bearer(editor)).expect(200);
    const published = await report('markdown');
    pages.page('/article', ARTICLE_HTML.replace('favorite', 'favourite'));
    try {
      // Archival: allowed under a published verdict, and the published report stays as it was.
      const later = (await snapshot(sourceId).expect(201)).body;
      expect(later.sha256).not.toBe(first.sha256);
      expect(await report('markdown')).toBe(published);
      expect(JSON.parse(await report('json')).articles[0].claims[0].sources[0].snapshot.id).toBe(first.id);
    } finally {
      pages.page('/article', ARTICLE_HTML);
    }
  });

  describe('with CLAIMDESK_SNAPSHOTS=auto and a web archive', () => {
    let auto: TestDesk;
    let archive: PageServer;
    let autoReviewer: SignedInUser;

    beforeAll(async () => {
      archive = await PageServer.start();
      // A fake Wayback: /save/<url> redirects to /web/<time>/<url>, which answers 200.
      archive.onPrefix('/save/', (_request, response, url) => {
        response.writeHead(302, { Location: `/web/20261207000000/${url.pathname.slice('/save/'.length)}` });
        response.end();
      });
      archive.onPrefix('/web/', (_request, response) => {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end('<p>archived</p>');
      });
      auto = await TestDesk.start({ CLAIMDESK_FETCH_ALLOW: '127.0.0.2', CLAIMDESK_SNAPSHOTS: 'auto', CLAIMDESK_ARCHIVE_URL: `${archive.origin}/save` });
      autoReviewer = await auto.user('reviewer');
    });
    afterAll(async () => {
      await auto.close();
      await archive.close();
    });

    it('takes a snapshot in the background when a source is attached, and submits the page to the archive', async () => {
      const path = `/auto-${++counter}`;
      pages.page(path, '<title>Auto</title><p>Attached evidence.</p>');
      const articleId = (await auto.http.post('/api/v1/articles').set(...bearer(autoReviewer)).send({ format: 'text', content: 'The port handled twice as many ships.' }).expect(201)).body.id;
      const claimId = (await auto.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(autoReviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'twice as many ships' } }).expect(201)).body.id;
      const link = (await auto.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(autoReviewer)).send({ source: { url: pages.url(path) }, stance: 'refutes' }).expect(201)).body;

      let items: { title: string; archiveUrl: string | null }[] = [];
      for (let attempt = 0; attempt < 100 && items.length === 0; attempt += 1) {
        items = (await auto.http.get(`/api/v1/sources/${link.sourceId}/snapshots`).set(...bearer(autoReviewer)).expect(200)).body.items;
        if (items.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(items).toEqual([expect.objectContaining({ title: 'Auto', archiveUrl: archive.url(`/web/20261207000000/${pages.url(path)}`) })]);
      expect(archive.requests.map((r) => r.path)).toEqual(expect.arrayContaining([`/save/${pages.url(path)}`]));
    });
  });
});
