import { ROUTES } from '@claimdesk/api/create-app';
import { TestDesk } from '../support/test-app';

describe('OpenAPI (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  it('describes every API route the application serves, with its error responses', async () => {
    const docs = (await desk.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const served = ROUTES.filter((r) => r.url.startsWith('/api/v1') || r.url === '/health')
      .map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const described = Object.entries(docs.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`));
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !described.includes(route))).toEqual([]);
    const undocumentedErrors = Object.entries(docs.paths)
      .filter(([path]) => path.startsWith('/api/v1') && !path.includes('contexts') && path !== '/api/v1/auth/login')
      .flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => !op.responses['401']).map(([method]) => `${method} ${path}`));
    expect(undocumentedErrors).toEqual([]);
  });

  it('serves the interactive documentation without signing in', async () => {
    const page = await desk.http.get('/api/docs').redirects(2).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('swagger');
  });
});
