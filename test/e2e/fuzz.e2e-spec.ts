import type { FastifyInstance } from 'fastify';
import { fuzzedOperations, FuzzOperation, FuzzRequest, IdPools, OpenApiDocument, Prng, RequestFactory } from '../fuzz/openapi-fuzz';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/**
 * API.md, "Conventions": no request, however malformed, yields a 5xx, and every error is problem+json
 * `{ type, title, status, code, detail }`. Seeded random requests to every write route and every GET
 * route with query parameters, generated from the OpenAPI document the desk serves; the e2e project runs
 * this file on SQLite (`npm test`) and again on PostgreSQL (`npm run test:pg`).
 * FC_SEED=<n> explores other seeds, FUZZ_REQUESTS=<n> sends more (or fewer) requests.
 */
const SEED = Number(process.env.FC_SEED ?? 20261207);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 6000);

// Routes that make the desk fetch from the network (pages, snapshots) are left out: a fuzzer must not
// depend on the outside world, and their rules are tested against a local server elsewhere.
const leftOut = (path: string): boolean => /\/from-url$|\/snapshots$/.test(path);

const TEXT = 'Russian Loses Bid to Lead Interpol. The vote went to Kim Jong-yang of South Korea. He was the favorite.';

/** A selector that marks a span of TEXT (or of whatever text an article has now: it may miss). */
const selectorOnText = (rng: Prng): object => {
  if (rng.chance(0.5)) {
    const start = rng.int(0, TEXT.length - 2);
    return { type: 'TextPositionSelector', start, end: rng.int(start + 1, Math.min(TEXT.length, start + 40)) };
  }
  const words = TEXT.split(' ');
  const from = rng.int(0, words.length - 1);
  return { type: 'TextQuoteSelector', exact: words.slice(from, from + rng.int(1, 4)).join(' ') };
};

interface Violation { route: string; status: number; problem: string; request: string }

describe('fuzzing every write route from the OpenAPI document (e2e)', () => {
  let desk: TestDesk;
  let fastify: FastifyInstance;
  let doc: OpenApiDocument;
  const ids = new IdPools();
  const users: Record<'admin' | 'editor' | 'reviewer', SignedInUser> = {} as never;
  // A URL the router cannot decode (`%ZZ`) or a path parameter over its length limit is answered by
  // Fastify's router before any handler, in Fastify's own JSON. Turning those into problem+json is the
  // HTTP edge's work (create-app.ts, on its own branch): until the desk does, only those two are let pass.
  let routerAnswersOwnJson = false;
  const ROUTER_ERRORS = /^\{"error":"[^"]*","code":"FST_ERR_(BAD_URL|MAX_PARAM_LENGTH)"/;

  beforeAll(async () => {
    desk = await TestDesk.start();
    fastify = desk.app.getHttpAdapter().getInstance();
    users.admin = desk.admin;
    users.editor = await desk.user('editor');
    users.reviewer = await desk.user('reviewer');
    doc = JSON.parse((await fastify.inject({ method: 'GET', url: '/api/docs-json' })).body) as OpenApiDocument;
    routerAnswersOwnJson = !/problem\+json/.test(String((await fastify.inject({ method: 'GET', url: '/api/v1/articles/%ZZ' })).headers['content-type']));
    await seed();
  });
  afterAll(() => desk.close());

  /** Real entities for path parameters and id fields: articles, claims, notes, sources, verdicts, users. */
  async function seed(): Promise<void> {
    const as = (user: SignedInUser) => ({ authorization: bearer(user)[1] });
    const post = async (user: SignedInUser, url: string, payload: object) =>
      JSON.parse((await fastify.inject({ method: 'POST', url, headers: as(user), payload })).body) as { id: string };
    // A user of its own for PATCH /users/:id: the fuzzer never changes the users it signs in as.
    ids.add('users', (await post(users.admin, '/api/v1/users', { email: 'target@desk.test', displayName: 'Target', role: 'reviewer', password: 'target-password-123' })).id);
    for (const scale of ['claimdesk-6', 'truth-o-meter']) ids.add('rating-scales', scale);
    for (const n of ['1', '2']) ids.add('revisions', n);
    for (let a = 0; a < 2; a++) {
      const article = await post(users.reviewer, '/api/v1/articles', { format: 'text', content: TEXT, url: `https://news.example/${a}` });
      ids.add('articles', article.id);
      for (const exact of ['Russian Loses', 'Kim Jong-yang', 'the favorite']) {
        const claim = await post(users.reviewer, `/api/v1/articles/${article.id}/claims`, { selector: { type: 'TextQuoteSelector', exact } });
        ids.add('claims', claim.id);
        ids.add('annotations', (await post(users.reviewer, `/api/v1/claims/${claim.id}/annotations`, { body: 'A note' })).id);
        const source = await post(users.reviewer, '/api/v1/sources', { url: `https://www.interpol.int/${exact.replace(/ /g, '-')}` });
        ids.add('sources', source.id);
        await post(users.reviewer, `/api/v1/claims/${claim.id}/sources`, { sourceId: source.id, stance: 'supports' });
        const verdict = await post(users.reviewer, `/api/v1/claims/${claim.id}/verdicts`, { rating: 'mostly-true', rationale: 'Interpol says so.' });
        ids.add('verdicts', verdict.id);
        if (exact !== 'the favorite') await fastify.inject({ method: 'POST', url: `/api/v1/verdicts/${verdict.id}/submit`, headers: as(users.reviewer) });
      }
    }
  }

  /** Who sends a request: mostly a signed-in user of each role; sometimes nobody. Logout never ends a fuzzing session. */
  function callerFor(rng: Prng, path: string): { authorization?: string } {
    if (path.endsWith('/logout')) return rng.chance(0.5) ? {} : { authorization: 'Bearer not-a-session' };
    if (rng.chance(0.04)) return {};
    return { authorization: bearer(users[rng.pick(['admin', 'editor', 'reviewer'] as const)])[1] };
  }

  /** What the contract says of an answer; an empty list when it keeps it. */
  function contractBreaches(status: number, contentType: string | undefined, body: string): string[] {
    if (status >= 500) return [`${status}: ${body.slice(0, 200)}`];
    if (status < 400) return [];
    if (routerAnswersOwnJson && ROUTER_ERRORS.test(body)) return [];
    if (!/^application\/problem\+json/.test(contentType ?? '')) return [`${status} as ${contentType ?? 'no content type'}: ${body.slice(0, 120)}`];
    let problem: Record<string, unknown>;
    try {
      problem = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return [`${status}: a problem that is not JSON`];
    }
    const wrong = ['type', 'title', 'code', 'detail'].filter((key) => typeof problem[key] !== 'string');
    if (problem.status !== status) wrong.push('status');
    const errors = problem.errors;
    if (errors !== undefined && !(Array.isArray(errors) && errors.every((e: { path?: unknown; message?: unknown }) => typeof e?.path === 'string' && typeof e?.message === 'string'))) wrong.push('errors');
    return wrong.length ? [`${status} ${String(problem.code)}: problem without a proper ${wrong.join(', ')}`] : [];
  }

  /** Ids the desk answers with join the pools, so that later requests reach what earlier ones made. */
  function learn({ path }: FuzzOperation, body: string): void {
    let value: { id?: unknown; sourceId?: unknown; article?: { id?: unknown } };
    try {
      value = JSON.parse(body) as typeof value;
    } catch {
      return;
    }
    const collection = path.split('/').filter((segment) => segment && !segment.startsWith('{')).pop() ?? '';
    ids.add(collection, value?.id);
    ids.add('sources', value?.sourceId);
    ids.add('articles', value?.article?.id);
  }

  const describeRequest = (request: FuzzRequest): string => {
    const body = request.body === undefined ? '' : ` ${(Buffer.isBuffer(request.body) ? `<bytes ${request.body.toString('hex').slice(0, 120)}>` : request.body).slice(0, 300)}`;
    return `${request.method} ${request.url.slice(0, 300)} ${JSON.stringify({ ...request.headers, authorization: undefined })}${body}`;
  };

  it(`answers ${REQUESTS} seeded random requests (seed ${SEED}) without a 5xx, every error as problem+json`, async () => {
    const rng = new Prng(SEED);
    const factory = new RequestFactory(doc, ids, { SelectorDto: selectorOnText, '.content': () => TEXT });
    const operations = fuzzedOperations(doc, leftOut);
    expect(operations.length).toBeGreaterThan(30);
    const violations = new Map<string, Violation>();
    const answered = new Map<string, number>();
    const statuses = new Map<string, number>();
    let succeeded = 0;

    for (let i = 0; i < REQUESTS; i++) {
      const operation = rng.pick(operations);
      const request = factory.request(rng, operation, callerFor(rng, operation.path));
      const response = await fastify.inject({ method: request.method as 'GET', url: request.url, headers: request.headers, payload: request.body });
      const route = `${request.method} ${operation.path}`;
      answered.set(route, (answered.get(route) ?? 0) + 1);
      const outcome = `${route} ${response.statusCode} ${response.statusCode >= 400 ? (JSON.parse(response.body) as { code?: string }).code : ''}`;
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      if (response.statusCode < 300) {
        succeeded++;
        learn(operation, response.body);
      }
      for (const problem of contractBreaches(response.statusCode, response.headers['content-type'] as string | undefined, response.body)) {
        const key = `${route} ${problem.slice(0, 60)}`;
        if (!violations.has(key)) violations.set(key, { route, status: response.statusCode, problem, request: `#${i}: ${describeRequest(request)}` });
      }
    }

    if (process.env.FUZZ_VERBOSE) console.log([...statuses].sort().map(([key, n]) => `${key}: ${n}`).join('\n'));
    expect([...violations.values()]).toEqual([]);
    // Every fuzzed route was reached, and enough requests were valid to create, change and delete things.
    expect(operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).filter((route) => !answered.has(route))).toEqual([]);
    expect(succeeded).toBeGreaterThan(REQUESTS * 0.03);
  }, 900_000);
});
