import { createHmac } from 'node:crypto';
import { bearer, freshDatabaseUrl, SignedInUser, TestDesk } from '../support/test-app';
import { ReceivedDelivery, WebhookReceiver } from '../support/webhook-receiver';

/** Issue 12, point 5 (API.md, "Work": Webhooks): signed, filtered, retried with back-off, kept across restarts. */
const ENV = { CLAIMDESK_FETCH_ALLOW: '127.0.0.1', CLAIMDESK_WEBHOOK_RETRY_BASE_MS: '100', CLAIMDESK_WEBHOOK_TIMEOUT_MS: '1000' };
const SECRET = 'a-newsroom-secret-of-some-length';

interface Delivery { id: string; event: string; eventId: number | null; state: string; status: number | null; attempts: number; lastError: string | null; deliveredAt: string | null }

const verifies = (delivery: ReceivedDelivery, secret = SECRET): boolean =>
  delivery.headers['x-claimdesk-signature'] === `sha256=${createHmac('sha256', secret).update(delivery.raw).digest('hex')}`;
const eventOf = (delivery: ReceivedDelivery): string => String(delivery.headers['x-claimdesk-event']);
const idOf = (delivery: ReceivedDelivery): string => String(delivery.headers['x-claimdesk-delivery']);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('webhooks (e2e)', () => {
  let desk: TestDesk;
  let dbUrl: string;
  let cleanup: () => void;
  let reviewer: SignedInUser;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    const db = await freshDatabaseUrl();
    dbUrl = db.url;
    cleanup = db.cleanup;
    desk = await TestDesk.start(ENV, dbUrl);
    reviewer = await desk.user('reviewer');
  });
  afterAll(async () => {
    await desk.close();
    await Promise.all(receivers.map((r) => r.close()));
    cleanup();
  });

  const receiver = async (...args: Parameters<typeof WebhookReceiver.start>): Promise<WebhookReceiver> => {
    const started = await WebhookReceiver.start(...args);
    receivers.push(started);
    return started;
  };
  const addHook = async (url: string, events: string[] = ['*'], secret = SECRET): Promise<{ id: string; secretHint: string }> =>
    (await desk.http.post('/api/v1/webhooks').set(...bearer(desk.admin)).send({ url, events, secret }).expect(201)).body;
  const deliveries = async (hookId: string): Promise<Delivery[]> =>
    (await desk.http.get(`/api/v1/webhooks/${hookId}/deliveries`).set(...bearer(desk.admin)).expect(200)).body.items;
  const untilDeliveries = async (hookId: string, check: (items: Delivery[]) => boolean, ms = 30_000): Promise<Delivery[]> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const items = await deliveries(hookId);
      if (check(items)) return items;
      if (Date.now() > deadline) throw new Error(`deliveries not as expected: ${JSON.stringify(items)}`);
      await sleep(150);
    }
  };
  const article = async (content = 'The mayor said the budget doubled. Taxes fell last year.'): Promise<string> =>
    (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content }).expect(201)).body.id;
  const claim = async (articleId: string, exact: string): Promise<string> =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id;

  it('is for admins only: editors and reviewers get 403', async () => {
    const editor = await desk.user('editor');
    for (const user of [editor, reviewer]) {
      await desk.http.get('/api/v1/webhooks').set(...bearer(user)).expect(403);
      await desk.http.post('/api/v1/webhooks').set(...bearer(user)).send({ url: 'http://127.0.0.1:9/hook', events: ['*'], secret: SECRET }).expect(403);
    }
  });

  it.each([
    [{ url: 'ftp://127.0.0.1/hook', events: ['*'], secret: SECRET }, 'url'],
    [{ url: 'http://127.0.0.1:9/hook', events: ['claim.exploded'], secret: SECRET }, 'events'],
    [{ url: 'http://127.0.0.1:9/hook', events: [], secret: SECRET }, 'events'],
    [{ url: 'http://127.0.0.1:9/hook', events: ['*'], secret: 'too-short' }, 'secret'],
    [{ url: 'http://10.1.2.3/hook', events: ['*'], secret: SECRET }, 'url'],
    [{ url: 'http://169.254.169.254/latest/meta-data', events: ['*'], secret: SECRET }, 'url'],
  ])('refuses %p with 422 on %s', async (body, path) => {
    const res = await desk.http.post('/api/v1/webhooks').set(...bearer(desk.admin)).send(body).expect(422);
    expect(res.body.code).toBe('validation_failed');
    expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
  });

  it('signs the raw body, sends the live event as JSON, filters by type and never shows the secret', async () => {
    const all = await receiver();
    const onlyClaims = await receiver();
    const everything = await addHook(all.url);
    const claimsOnly = await addHook(onlyClaims.url, ['claim.created']);
    const listed = (await desk.http.get('/api/v1/webhooks').set(...bearer(desk.admin)).expect(200)).body.items as Record<string, unknown>[];
    expect(JSON.stringify(listed)).not.toContain(SECRET);
    expect(listed.find((hook) => hook.id === everything.id)).toMatchObject({ url: all.url, events: ['*'], secretHint: `…${SECRET.slice(-4)}` });

    const articleId = await article();
    const claimId = await claim(articleId, 'the budget doubled');
    await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(reviewer)).send({ body: 'check the council minutes' }).expect(201);

    const received = await all.until((r) => r.some((d) => eventOf(d) === 'annotation.created'));
    await onlyClaims.until((r) => r.length >= 1);
    await sleep(1500); // a round or two more: nothing else may come to the claims-only hook
    // Sent in parallel, so in any order; the event id orders them.
    const byId = [...received].sort((a, b) => (a.body.id as number) - (b.body.id as number));
    expect(byId.map(eventOf)).toEqual(['article.created', 'claim.created', 'annotation.created']);
    expect(onlyClaims.received.map(eventOf)).toEqual(['claim.created']);
    for (const delivery of [...received, ...onlyClaims.received]) {
      expect(verifies(delivery)).toBe(true);
      expect(verifies(delivery, `${SECRET}x`)).toBe(false);
      expect(delivery.headers['content-type']).toBe('application/json');
      expect(delivery.headers['user-agent']).toMatch(/^ClaimDesk\/\d+\.\d+\.\d+/);
      expect(idOf(delivery)).toMatch(/^[0-9a-f-]{36}$/);
    }
    const claimEvent = onlyClaims.received[0].body;
    expect(claimEvent).toMatchObject({ type: 'claim.created', articleId, entityId: claimId, actorId: reviewer.id });
    expect(typeof claimEvent.id).toBe('number');
    expect(claimEvent.entity).toMatchObject({ id: claimId, quote: 'the budget doubled' });
    const log = await deliveries(claimsOnly.id);
    expect(log).toEqual([expect.objectContaining({ id: idOf(onlyClaims.received[0]), event: 'claim.created', eventId: claimEvent.id, state: 'delivered', status: 200, attempts: 1, lastError: null })]);
  });

  it('retries a failing receiver with back-off until it answers 2xx, counting the attempts', async () => {
    const flaky = await receiver((n) => (n <= 3 ? 503 : 204));
    const hook = await addHook(flaky.url, ['article.created']);
    await article('Retries reach a receiver that was down.');
    const [delivered] = await untilDeliveries(hook.id, (items) => items[0]?.state === 'delivered');
    expect(delivered).toMatchObject({ event: 'article.created', status: 204, attempts: 4, lastError: null });
    expect(flaky.received.map((d) => d.answered)).toEqual([503, 503, 503, 204]);
    expect(new Set(flaky.received.map(idOf))).toEqual(new Set([delivered.id]));
    expect(flaky.received.every((d) => verifies(d))).toBe(true);
  });

  it('counts a receiver that does not answer within the timeout as a failure, and retries', async () => {
    const slow = await receiver((n) => (n === 1 ? 'hang' : 200));
    const hook = await addHook(slow.url, ['article.created']);
    await article('A receiver that hangs once.');
    const failed = await untilDeliveries(hook.id, (items) => items[0]?.attempts >= 1);
    expect(failed[0].lastError ?? '').toMatch(/no answer within 1000 ms|^$/);
    const [delivered] = await untilDeliveries(hook.id, (items) => items[0]?.state === 'delivered');
    expect(delivered).toMatchObject({ attempts: 2, status: 200 });
    expect(slow.received).toHaveLength(2);
  });

  it('sends a test ping on demand and answers with its outcome', async () => {
    const target = await receiver();
    const hook = await addHook(target.url, ['verdict.published']);
    const ping = (await desk.http.post(`/api/v1/webhooks/${hook.id}/test`).set(...bearer(desk.admin)).expect(201)).body as Delivery;
    expect(ping).toMatchObject({ event: 'ping', eventId: null, state: 'delivered', status: 200, attempts: 1 });
    expect(target.received).toHaveLength(1);
    expect(target.received[0].body).toMatchObject({ type: 'ping', webhookId: hook.id });
    expect(verifies(target.received[0])).toBe(true);
    await desk.http.post('/api/v1/webhooks/00000000-0000-4000-8000-000000000000/test').set(...bearer(desk.admin)).expect(404);
  });

  it('does not send the body of a deleted note', async () => {
    const target = await receiver();
    await addHook(target.url, ['annotation.deleted']);
    const articleId = await article('Notes may name a confidential source.');
    const claimId = await claim(articleId, 'confidential source');
    const noteId = (await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(reviewer)).send({ body: 'J. Doe at the ministry told us' }).expect(201)).body.id;
    await desk.http.delete(`/api/v1/annotations/${noteId}`).set(...bearer(reviewer)).expect(204);
    const [deleted] = await target.until((r) => r.length >= 1);
    expect(deleted.raw.toString()).not.toContain('J. Doe');
    expect(deleted.body).toMatchObject({ type: 'annotation.deleted', entityId: noteId, entity: { body: null, redacted: true } });
  });

  it('stops sending, retries included, once the webhook is removed', async () => {
    const down = await receiver(() => 500);
    const hook = await addHook(down.url, ['article.created']);
    await article('Removed hooks are not retried.');
    await down.until((r) => r.length >= 1);
    await desk.http.delete(`/api/v1/webhooks/${hook.id}`).set(...bearer(desk.admin)).expect(204);
    const seen = down.received.length;
    await sleep(2000); // past several retry waits at this test's 100 ms base
    expect(down.received.length).toBeLessThanOrEqual(seen + 1); // at most an attempt already under way
    await desk.http.get(`/api/v1/webhooks/${hook.id}/deliveries`).set(...bearer(desk.admin)).expect(404);
    await desk.http.delete(`/api/v1/webhooks/${hook.id}`).set(...bearer(desk.admin)).expect(404);
  });

  it('keeps retrying after a restart on the same database, and delivers exactly once', async () => {
    let up = false;
    const target = await receiver(() => (up ? 200 : 503));
    const hook = await addHook(target.url, ['claim.created']);
    const articleId = await article('A restart does not lose a delivery.');
    await claim(articleId, 'restart');
    await untilDeliveries(hook.id, (items) => items[0]?.attempts >= 1);
    await desk.close();
    const before = target.received.length;
    up = true;
    desk = await TestDesk.start(ENV, dbUrl);
    const [delivered] = await untilDeliveries(hook.id, (items) => items[0]?.state === 'delivered');
    expect(delivered.attempts).toBeGreaterThan(1);
    expect(target.received.length).toBeGreaterThan(before);
    const successes = target.received.filter((d) => d.answered === 200);
    expect(successes).toHaveLength(1);
    expect(new Set(target.received.map(idOf))).toEqual(new Set([delivered.id]));
    await sleep(1000);
    expect(target.received.filter((d) => d.answered === 200)).toHaveLength(1);
  });
});
