import { ROUTES } from '@claimdesk/api/create-app';
import { TestDesk } from '../support/test-app';

interface Parameter { name: string; in: string; required?: boolean }
interface Operation { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: { oneOf?: { type: string }[] } }> }; responses: Record<string, { content?: Record<string, unknown> }> }
interface Schema { properties?: Record<string, unknown>; required?: string[] }
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Record<string, string>> };
}

describe('OpenAPI (e2e)', () => {
  let desk: TestDesk;
  let docs: OpenApiDocument;
  beforeAll(async () => {
    desk = await TestDesk.start();
    docs = (await desk.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });
  afterAll(() => desk.close());

  it('describes every API route the application serves, with its error responses', () => {
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

  const mediaTypesOf = (path: string): string[] => Object.keys(docs.paths[path].get.responses['200'].content ?? {}).sort();
  const headersOf = (path: string, method: string): Parameter[] => (docs.paths[path][method].parameters ?? []).filter((p) => p.in === 'header');

  it('lists the optional If-Match header on every route that can answer 412, and only there', () => {
    const operations = Object.entries(docs.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ route: `${method} ${path}`, op })));
    const withIfMatch = operations.filter(({ op }) => (op.parameters ?? []).some((p) => p.in === 'header' && p.name === 'If-Match')).map(({ route }) => route);
    const answering412 = operations.filter(({ op }) => op.responses['412']).map(({ route }) => route);

    expect(headersOf('/api/v1/claims/{id}', 'patch')).toEqual([expect.objectContaining({ name: 'If-Match', required: false })]);
    expect(headersOf('/api/v1/verdicts/{id}/publish', 'post')).toEqual([expect.objectContaining({ name: 'If-Match', required: false })]);
    expect(withIfMatch).toEqual(expect.arrayContaining(['put /api/v1/articles/{id}/text', 'delete /api/v1/articles/{id}']));
    expect(withIfMatch).toEqual(answering412);
  });

  it('gives the media types the report, export and event routes answer with', () => {
    const reportTypes = ['application/json', 'application/ld+json', 'application/pdf', 'text/csv', 'text/html', 'text/markdown'];
    expect(mediaTypesOf('/api/v1/articles/{id}/report')).toEqual(reportTypes);
    expect(mediaTypesOf('/api/v1/reports')).toEqual(reportTypes);
    expect(mediaTypesOf('/api/v1/articles/{id}/annotations')).toEqual(['application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"']);
    expect(mediaTypesOf('/api/v1/articles/{id}/events')).toEqual(['text/event-stream']);
  });

  it('describes the JSON report, each claim with its span in code points and in UTF-16 units', () => {
    const report = docs.paths['/api/v1/articles/{id}/report'].get.responses['200'].content?.['application/json'];
    expect(report).toEqual({ schema: { $ref: '#/components/schemas/VerdictReportView' } });
    const withSpans = Object.entries(docs.components.schemas).filter(([name, schema]) => !name.endsWith('Dto') && schema.properties?.start && schema.properties?.end);
    expect(withSpans.map(([name]) => name)).toEqual(expect.arrayContaining(['ClaimView', 'ReportClaimView']));
    for (const [name, schema] of withSpans) expect([name, schema.required]).toEqual([name, expect.arrayContaining(['start', 'end', 'startUtf16', 'endUtf16'])]);
  });

  it('describes the body an annotation import takes: W3C or Hypothesis JSON, an object or an array', () => {
    const body = docs.paths['/api/v1/imports/annotations'].post.requestBody;
    expect(Object.keys(body?.content ?? {}).sort()).toEqual(['application/json', 'application/ld+json']);
    expect(body?.content['application/json'].schema.oneOf?.map((s) => s.type)).toEqual(['object', 'array']);
  });

  it('calls bearer tokens what they are: opaque, not JWTs', () => {
    expect(docs.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(docs.components.securitySchemes.bearer).not.toHaveProperty('bearerFormat');
  });

  it('serves the interactive documentation without signing in', async () => {
    const page = await desk.http.get('/api/docs').redirects(2).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('swagger');
  });
});
