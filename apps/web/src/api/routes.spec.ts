import { articles, claims, verdicts } from './desk';
import { apiUrl } from './http';
import { routePath } from './routes';

describe('routePath', () => {
  it('fills the path parameters, encoded, and drops the /api/v1 prefix', () => {
    expect(routePath('/api/v1/claims/{id}/sources/{sourceId}', { id: 'c 1', sourceId: 's/2' })).toBe('/claims/c%201/sources/s%2F2');
    expect(routePath('/api/v1/articles')).toBe('/articles');
  });

  it('refuses a missing path parameter', () => {
    expect(() => routePath('/api/v1/articles/{id}')).toThrow('missing path parameter id');
  });
});

describe('apiUrl', () => {
  it('leaves out empty values and sends arrays comma-separated', () => {
    expect(apiUrl('/claim-counts', { articleIds: ['a', 'b'], cursor: null, q: undefined, limit: 5 })).toBe('/api/v1/claim-counts?articleIds=a%2Cb&limit=5');
  });
});

describe('desk calls', () => {
  const calls: Array<{ url: string; method: string; body: unknown; ifMatch: string | undefined }> = [];
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    calls.length = 0;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, method: String(init.method), body: init.body === undefined ? undefined : JSON.parse(String(init.body)), ifMatch: headers['If-Match'] });
      return new Response(JSON.stringify({ items: [], nextCursor: null }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
  });
  afterAll(() => {
    globalThis.fetch = realFetch;
  });

  it('sends the workflow step to its route, with the note only where the route takes one', async () => {
    await verdicts.transition('v1', { action: 'submit' }, 3);
    await verdicts.transition('v1', { action: 'reject', note: 'Needs a source' }, 4);
    expect(calls).toEqual([
      { url: '/api/v1/verdicts/v1/submit', method: 'POST', body: {}, ifMatch: '"3"' },
      { url: '/api/v1/verdicts/v1/reject', method: 'POST', body: { note: 'Needs a source' }, ifMatch: '"4"' },
    ]);
  });

  it('asks for claim counts with comma-separated ids and pages with a cursor', async () => {
    await articles.claimCounts(['a1', 'a2']);
    await claims.history('c1', 'next');
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/claim-counts?articleIds=a1%2Ca2', '/api/v1/claims/c1/history?cursor=next&limit=100']);
  });

  it('sends a corrected text with If-Match, and asks for revisions by number and page', async () => {
    await articles.revise('a1', { format: 'markdown', content: '# Title\n\nText.' }, 7);
    await articles.revisions('a1', 'next');
    await articles.revision('a1', 2);
    expect(calls).toEqual([
      { url: '/api/v1/articles/a1/text', method: 'PUT', body: { format: 'markdown', content: '# Title\n\nText.' }, ifMatch: '"7"' },
      { url: '/api/v1/articles/a1/revisions?cursor=next&limit=200', method: 'GET', body: undefined, ifMatch: undefined },
      { url: '/api/v1/articles/a1/revisions/2', method: 'GET', body: undefined, ifMatch: undefined },
    ]);
  });
});
