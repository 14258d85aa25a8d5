import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTERPOL_MD } from '../support/fixtures';
import { openStream, parseRawAnswer, rawExchange, rawGet, waitForText } from '../support/raw-http';
import { bearer, TestDesk } from '../support/test-app';

/** The directives of a Content-Security-Policy header, by name. */
function policy(header: string | string[] | undefined): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name, values);
  }
  return directives;
}

function expectUiPolicy(header: string | string[] | undefined): void {
  const csp = policy(header);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts.join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
}

function expectCommonHeaders(headers: Record<string, unknown>): void {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

const HASHED_JS = 'assets/index-AbCd1234.js';
const HASHED_CSS = 'assets/index-Ef5678gh.css';
const PICTURE = 'assets/desk-Ij9012kl.png';
const SCRIPT = `/* the reviewer UI */\n${'export const words = ["claim", "source", "verdict"];\n'.repeat(80)}`;

describe('the HTTP edge (e2e)', () => {
  let desk: TestDesk;
  let base: string;
  let webRoot: string;
  let articleId: string;
  let auth: [string, string];

  beforeAll(async () => {
    // A built UI of our own, as `npm run build:web` lays it out, source map included.
    webRoot = mkdtempSync(join(tmpdir(), 'claimdesk-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), `<!doctype html><html><head><script type="module" src="/${HASHED_JS}"></script></head><body><div id="root"></div></body></html>`);
    writeFileSync(join(webRoot, HASHED_JS), SCRIPT);
    writeFileSync(join(webRoot, `${HASHED_JS}.map`), JSON.stringify({ version: 3, sources: ['../src/secret.tsx'], sourcesContent: ['const secret = 1;'] }));
    writeFileSync(join(webRoot, HASHED_CSS), 'body { margin: 0 }');
    writeFileSync(join(webRoot, PICTURE), randomBytes(4096));
    process.env.CLAIMDESK_WEB_ROOT = webRoot;
    desk = await TestDesk.start();
    base = await desk.listen();
    auth = bearer(desk.admin);
    articleId = (await desk.http.post('/api/v1/articles').set(...auth).send({ format: 'markdown', content: INTERPOL_MD, publisher: 'RT' }).expect(201)).body.id;
  });

  afterAll(async () => {
    await desk.close();
    delete process.env.CLAIMDESK_WEB_ROOT;
    rmSync(webRoot, { recursive: true, force: true });
  });

  describe('headers', () => {
    it('sends nosniff, same-origin referrers and no framing on every answer (failed on main: no such headers at all)', async () => {
      const answers = [
        await desk.http.get('/health'),
        await desk.http.get('/api/v1/articles').set(...auth).expect(200),
        await desk.http.get('/api/v1/articles').expect(401),
        await desk.http.get('/api/v1/nothing-here').set(...auth).expect(404),
        await desk.http.get('/').expect(200),
        await desk.http.get(`/${HASHED_JS}`).expect(200),
        await desk.http.get('/api/docs-json').expect(200),
      ];
      for (const answer of answers) expectCommonHeaders(answer.headers);
    });

    it('gives the UI a Content-Security-Policy without inline scripts, never framed, images only from the desk and data: (failed on main: none)', async () => {
      for (const path of ['/', '/articles/some-deep-link']) {
        const page = await desk.http.get(path).expect(200);
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expectUiPolicy(page.headers['content-security-policy']);
      }
    });

    it('gives the HTML reports a policy whose style hash is their inline style sheet, and no scripts (failed on main: none)', async () => {
      const reports = [
        await desk.http.get(`/api/v1/articles/${articleId}/report?format=html`).set(...auth).expect(200),
        await desk.http.get('/api/v1/reports?from=2000-01-01&to=2100-01-01&format=html').set(...auth).expect(200),
      ];
      for (const report of reports) {
        expectCommonHeaders(report.headers);
        const csp = policy(report.headers['content-security-policy']);
        expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
        expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
        expect(csp.get('script-src') ?? csp.get('default-src')).toEqual(["'none'"]);
        const style = /<style>([\s\S]*?)<\/style>/.exec(report.text)?.[1] ?? '';
        expect(style.length).toBeGreaterThan(100);
        const hash = `'sha256-${createHash('sha256').update(style, 'utf8').digest('base64')}'`;
        expect(csp.get('style-src')).toEqual([hash]);
      }
    });

    it('keeps the Swagger UI working: every script it loads is a file the desk serves, allowed by its policy', async () => {
      const page = await desk.http.get('/api/docs').expect(200);
      expectCommonHeaders(page.headers);
      expectUiPolicy(page.headers['content-security-policy']);
      expect(page.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
      const sources = [...page.text.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => new URL(m[1], `${base}/api/docs`).pathname);
      expect(sources).toContain('/api/docs/swagger-ui-init.js');
      for (const source of sources) await desk.http.get(source).expect(200);
    });
  });

  describe('compression', () => {
    it('compresses JSON with br or gzip when the client accepts it, keeping the ETag (failed on main: never compressed)', async () => {
      const plain = await rawGet(base, `/api/v1/articles/${articleId}`, { Authorization: auth[1] });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(1024);
      for (const encoding of ['br', 'gzip']) {
        const packed = await rawGet(base, `/api/v1/articles/${articleId}`, { Authorization: auth[1], 'Accept-Encoding': encoding });
        expect(packed.status).toBe(200);
        expect(packed.headers['content-encoding']).toBe(encoding);
        expect(packed.headers.vary).toMatch(/accept-encoding/i);
        expect(packed.headers.etag).toBe(plain.headers.etag);
        expect(packed.body.length).toBeLessThan(plain.body.length);
        expect(JSON.parse(packed.text)).toEqual(JSON.parse(plain.text));
      }
    });

    it('compresses the HTML report and the UI\'s scripts (failed on main: never compressed)', async () => {
      const report = await rawGet(base, `/api/v1/articles/${articleId}/report?format=html`, { Authorization: auth[1], 'Accept-Encoding': 'gzip, br' });
      expect(report.headers['content-encoding']).toMatch(/^(br|gzip)$/);
      expect(report.text).toContain('<style>');
      const script = await rawGet(base, `/${HASHED_JS}`, { 'Accept-Encoding': 'gzip' });
      expect(script.headers['content-encoding']).toBe('gzip');
      expect(script.text).toBe(SCRIPT);
    });

    it('leaves media that is compressed already alone: images, PDF reports', async () => {
      const picture = await rawGet(base, `/${PICTURE}`, { 'Accept-Encoding': 'br, gzip' });
      expect(picture.status).toBe(200);
      expect(picture.headers['content-encoding']).toBeUndefined();
      const pdf = await rawGet(base, `/api/v1/articles/${articleId}/report?format=pdf`, { Authorization: auth[1], 'Accept-Encoding': 'br, gzip' });
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-encoding']).toBeUndefined();
      expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('leaves tiny answers alone', async () => {
      const health = await rawGet(base, '/health', { 'Accept-Encoding': 'br, gzip' });
      expect(health.body.length).toBeLessThan(1024);
      expect(health.headers['content-encoding']).toBeUndefined();
    });

    it('leaves event streams uncompressed and unbuffered, with the common headers', async () => {
      const response = await openStream(base, `/api/v1/articles/${articleId}/events`, { Authorization: auth[1], 'Accept-Encoding': 'br, gzip' });
      try {
        expect(response.headers['content-type']).toMatch(/^text\/event-stream/);
        expect(response.headers['content-encoding']).toBeUndefined();
        expectCommonHeaders(response.headers);
        response.setEncoding('utf8');
        let received = '';
        response.on('data', (chunk: string) => (received += chunk));
        await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...auth).send({ selector: { type: 'TextQuoteSelector', exact: 'Interpol' , prefix: 'Loses ' } });
        expect(await waitForText(() => received, 'event: claim.created')).toContain('event: claim.created');
      } finally {
        response.destroy();
      }
    });
  });

  describe('the built UI', () => {
    it('caches hashed assets immutably and index.html never without asking (failed on main: max-age=0 for all)', async () => {
      for (const asset of [HASHED_JS, HASHED_CSS]) {
        const res = await desk.http.get(`/${asset}`).expect(200);
        expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      }
      for (const page of ['/', '/index.html', '/claims/a-deep-link']) {
        const res = await desk.http.get(page).expect(200);
        expect(res.headers['cache-control']).toBe('no-cache');
      }
    });

    it('serves no source maps (failed on main: the map and its sources were public)', async () => {
      const map = await desk.http.get(`/${HASHED_JS}.map`).expect(404);
      expect(map.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(map.text).not.toContain('secret');
    });

    it('answers a missing asset 404, not with the UI page', async () => {
      const missing = await desk.http.get('/assets/index-Zz999999.js').expect(404);
      expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    });
  });

  describe('framework errors are problem+json with a stable code', () => {
    const expectProblem = (status: number, code: string, res: { status: number; headers: Record<string, string | string[] | undefined>; body: unknown }): void => {
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: `https://claimdesk.dev/problems/${code}`, status, code, title: expect.any(String), detail: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toMatch(/FST_ERR/);
      expectCommonHeaders(res.headers);
    };

    it('answers a path segment over 100 characters 414 uri_too_long (failed on main: FST_ERR_MAX_PARAM_LENGTH)', async () => {
      expectProblem(414, 'uri_too_long', await desk.http.get(`/api/v1/articles/${'a'.repeat(200)}`).set(...auth));
    });

    it('answers an undecodable URL 400 malformed_request (failed on main: FST_ERR_BAD_URL)', async () => {
      expectProblem(400, 'malformed_request', await desk.http.get('/api/v1/articles/%E0%A4%A').set(...auth));
    });

    it('answers headers over 16 KiB 431 headers_too_large (failed on main: a bare 431 in application/json)', async () => {
      const { answer } = await rawExchange(base, `GET /health HTTP/1.1\r\nHost: desk\r\nX-Padding: ${'a'.repeat(20_000)}\r\n\r\n`);
      expectProblem(431, 'headers_too_large', parseRawAnswer(answer));
    });

    it('answers a URL longer than the server reads 414 uri_too_long (failed on main: 431)', async () => {
      const { answer } = await rawExchange(base, `GET /api/v1/articles?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: desk\r\n\r\n`);
      expectProblem(414, 'uri_too_long', parseRawAnswer(answer));
    });

    it('answers what is not HTTP 400 malformed_request (failed on main: "Client Error" in application/json)', async () => {
      for (const garbage of ['GARBAGE\r\n\r\n', 'GET / HTTP/9.9\r\nHost: desk\r\n\r\n', 'BREW /api/v1/articles HTTP/1.1\r\nHost: desk\r\n\r\n']) {
        const { answer } = await rawExchange(base, garbage);
        expectProblem(400, 'malformed_request', parseRawAnswer(answer));
      }
    });

    it('answers an HTTP/1.1 request without Host 400 malformed_request (failed on main: a bare 400 without a body)', async () => {
      const { answer } = await rawExchange(base, 'GET /health HTTP/1.1\r\nConnection: close\r\n\r\n');
      expectProblem(400, 'malformed_request', parseRawAnswer(answer));
    });

    it('ignores an Expect it does not know, as HTTP allows (failed on main: a bare 417)', async () => {
      const { answer } = await rawExchange(base, 'GET /health HTTP/1.1\r\nHost: desk\r\nExpect: a-miracle\r\nConnection: close\r\n\r\n');
      const health = parseRawAnswer(answer);
      expect(health.status).toBe(200);
      expectCommonHeaders(health.headers);
    });

    it('keeps the codes it had for bodies: wrong media type and bad JSON are 400 malformed_json', async () => {
      const wrongType = await desk.http.post('/api/v1/articles').set(...auth).set('Content-Type', 'application/xml').send('<a/>');
      expectProblem(400, 'malformed_json', wrongType);
      const badJson = await desk.http.post('/api/v1/articles').set(...auth).set('Content-Type', 'application/json').send('{"format":');
      expectProblem(400, 'malformed_json', badJson);
      expectProblem(404, 'not_found', await desk.http.patch('/api/v1/articles').set(...auth).send({}));
    });
  });
});
