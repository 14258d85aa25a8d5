import { PageServer } from '../support/page-server';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/**
 * API.md, "Fetching rules (both routes)": every SSRF case refused, on import by URL and on source
 * snapshots. Pages are served on 127.0.0.2, which CLAIMDESK_FETCH_ALLOW lets through; a second server
 * on 127.0.0.1 stands for the internal service an attacker aims at, and must never be reached.
 */
describe('fetching is SSRF-safe (e2e)', () => {
  let desk: TestDesk;
  let pages: PageServer;
  let internal: PageServer;
  let reviewer: SignedInUser;

  beforeAll(async () => {
    pages = await PageServer.start();
    internal = await PageServer.start('127.0.0.1');
    desk = await TestDesk.start({ CLAIMDESK_FETCH_ALLOW: '127.0.0.2', CLAIMDESK_FETCH_TIMEOUT_MS: '2000' });
    reviewer = await desk.user('reviewer');
  });
  afterAll(async () => {
    await desk.close();
    await Promise.all([pages.close(), internal.close()]);
  });

  /** Each route that fetches: how it is asked to fetch `url`. */
  const routes: [string, (url: string) => Promise<{ status: number; body: { code: string; detail: string } }>][] = [
    ['POST /articles/from-url', (url) => desk.http.post('/api/v1/articles/from-url').set(...bearer(reviewer)).send({ url })],
    ['POST /sources/:id/snapshots', async (url) => {
      const source = await desk.http.post('/api/v1/sources').set(...bearer(reviewer)).send({ url });
      // A URL the source registry does not take (e.g. a decimal host) never becomes a source to fetch.
      if (source.status >= 300) return { status: source.status, body: { code: `registration ${source.body.code}`, detail: source.body.detail } };
      return desk.http.post(`/api/v1/sources/${source.body.id}/snapshots`).set(...bearer(reviewer));
    }],
  ];

  const internalPort = (): string => new URL(internal.origin).port;
  const refusedTargets = (): string[] => [
    `http://127.0.0.1:${internalPort()}/article`,
    `http://localhost:${internalPort()}/article`,
    `http://[::1]:${internalPort()}/article`,
    `http://0.0.0.0:${internalPort()}/article`,
    'http://10.0.0.1/',
    'http://169.254.169.254/latest/meta-data/',
    `http://[::ffff:127.0.0.1]:${internalPort()}/article`,
    `http://2130706433:${internalPort()}/article`,
    `http://0x7f.1:${internalPort()}/article`,
    'http://[fd00::1]/',
    'http://100.64.0.1/',
  ];

  describe.each(routes)('%s', (name, fetchVia) => {
    it('refuses every loopback, private, link-local and unspecified address, however written, before connecting (403 fetch_forbidden)', async () => {
      for (const target of refusedTargets()) {
        const answer = await fetchVia(target);
        // Sources take only URLs with a host name or a dotted address: numeric forms are refused before any fetch.
        const refusal = name.includes('snapshots') && /\/\/(2130706433|0x7f\.1)/.test(target) ? [422, 'registration validation_failed'] : [403, 'fetch_forbidden'];
        expect([target, answer.status, answer.body.code]).toEqual([target, ...refusal]);
      }
      expect(internal.requests).toEqual([]);
    });

    it('refuses a redirect to a private address (each hop is checked)', async () => {
      pages.redirect('/to-internal', `http://127.0.0.1:${internalPort()}/article`);
      pages.redirect('/to-localhost', `http://localhost:${internalPort()}/article`, 307);
      for (const path of ['/to-internal', '/to-localhost']) {
        const answer = await fetchVia(pages.url(path));
        expect([path, answer.status, answer.body.code]).toEqual([path, 403, 'fetch_forbidden']);
      }
      expect(internal.requests).toEqual([]);
    });

    it('follows 5 redirects and no more', async () => {
      expect((await fetchVia(pages.url('/hops/5'))).status).toBeLessThan(300);
      const six = await fetchVia(pages.url('/hops/6'));
      expect(six).toMatchObject({ status: 422, body: { code: 'fetch_failed', detail: 'more than 5 redirects' } });
    });

    it('gives up on a body that never ends in time', async () => {
      const slow = await fetchVia(pages.url('/slow'));
      expect(slow).toMatchObject({ status: 422, body: { code: 'fetch_failed', detail: 'the page did not arrive within 2 s' } });
    });

    it('stops an endless body and a gzip bomb at 10 MiB', async () => {
      const endless = await fetchVia(pages.url('/endless'));
      expect(endless).toMatchObject({ status: 422, body: { code: 'fetch_failed', detail: expect.stringContaining('larger than 10485760 bytes') } });
      const bomb = await fetchVia(pages.url('/gzip-bomb'));
      expect(bomb).toMatchObject({ status: 422, body: { code: 'fetch_failed', detail: 'the page is larger than 10485760 bytes (after decompression)' } });
    });

    it('refuses a redirect to another scheme', async () => {
      pages.redirect('/to-file', 'file:///etc/passwd');
      expect(await fetchVia(pages.url('/to-file'))).toMatchObject({ status: 422, body: { code: 'fetch_failed', detail: 'the page redirects to a file: URL' } });
    });
  });

  it('accepts only http and https URLs on import by URL (422 validation_failed)', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://files.example/a.txt', 'data:text/html,<p>hi</p>', 'gopher://127.0.0.1:6379/_INFO', 'javascript:alert(1)']) {
      const answer = await desk.http.post('/api/v1/articles/from-url').set(...bearer(reviewer)).send({ url });
      expect([url, answer.status, answer.body.code]).toEqual([url, 422, 'validation_failed']);
    }
  });

  it('reads a windows-1252 page in its charset', async () => {
    const article = await desk.http.post('/api/v1/articles/from-url').set(...bearer(reviewer)).send({ url: pages.url('/windows-1252') }).expect(201);
    expect(article.body.text).toBe('“Café crème” – 80€');
  });
});
