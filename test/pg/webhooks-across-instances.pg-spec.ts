import { bearer, freshDatabaseUrl, TestDesk } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Two API instances on one PostgreSQL database both follow the audit log and send due deliveries:
 * each event still reaches a hook once, and a retried delivery is attempted by one instance at a time.
 */
describe('webhooks across instances (PostgreSQL)', () => {
  const ENV = { CLAIMDESK_FETCH_ALLOW: '127.0.0.1', CLAIMDESK_WEBHOOK_RETRY_BASE_MS: '100', CLAIMDESK_WEBHOOK_TIMEOUT_MS: '2000' };
  let first: TestDesk;
  let second: TestDesk;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL database for this suite');
    const db = await freshDatabaseUrl();
    first = await TestDesk.start(ENV, db.url);
    second = await TestDesk.start(ENV, db.url);
  }, 180_000); // two desks booting on a busy machine

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await receiver?.close();
  });

  it('delivers each event once although both instances enqueue and send, retries included', async () => {
    // Every third request fails: some deliveries are retried, by whichever instance claims them.
    receiver = await WebhookReceiver.start((n) => (n % 3 === 0 ? 500 : 200));
    const hook = (await first.http.post('/api/v1/webhooks').set(...bearer(first.admin))
      .send({ url: receiver.url, events: ['claim.created'], secret: 'a-shared-secret-for-both' }).expect(201)).body as { id: string };
    const reviewer = await first.user('reviewer');
    const words = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliett', 'kilo', 'lima'];
    const article = (await first.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: words.join(' ') }).expect(201)).body as { id: string };
    const claims: string[] = [];
    for (const [i, exact] of words.entries()) {
      const res = await (i % 2 ? first : second).http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer))
        .send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201);
      claims.push((res.body as { id: string }).id);
    }

    await receiver.until((received) => new Set(received.filter((d) => d.answered === 200).map((d) => (d.body as { entityId: string }).entityId)).size === claims.length, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 2000)); // both instances poll a few more rounds
    const succeeded = receiver.received.filter((d) => d.answered === 200);
    expect(succeeded.map((d) => (d.body as { entityId: string }).entityId).sort()).toEqual([...claims].sort());
    const deliveryIds = receiver.received.map((d) => String(d.headers['x-claimdesk-delivery']));
    expect(new Set(succeeded.map((d) => String(d.headers['x-claimdesk-delivery']))).size).toBe(claims.length);
    expect(new Set(deliveryIds).size).toBe(claims.length);
    const log = (await second.http.get(`/api/v1/webhooks/${hook.id}/deliveries`).set(...bearer(second.admin)).expect(200)).body.items as { state: string; attempts: number }[];
    expect(log).toHaveLength(claims.length);
    expect(log.every((d) => d.state === 'delivered')).toBe(true);
    // Attempts counted in the log are exactly the requests made: no instance sent one the other also sent.
    expect(log.reduce((sum, d) => sum + d.attempts, 0)).toBe(receiver.received.length);
  });
});
