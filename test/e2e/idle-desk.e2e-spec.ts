import { DataSource } from 'typeorm';
import { countStatements } from '../support/query-counter';
import { bearer, freshDatabaseUrl, SignedInUser, TestDesk } from '../support/test-app';
import { WebhookReceiver } from '../support/webhook-receiver';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A desk nobody uses costs its database nothing: every instance of a newsroom network shares one
 * PostgreSQL. The webhook deliveries' rounds run when an event is written (on any instance) or when
 * a retry falls due, not on a clock.
 */
describe('an idle desk (e2e)', () => {
  let desk: TestDesk;
  let cleanup: () => void;
  let reviewer: SignedInUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    const db = await freshDatabaseUrl();
    cleanup = db.cleanup;
    desk = await TestDesk.start({ CLAIMDESK_FETCH_ALLOW: '127.0.0.1' }, db.url);
    reviewer = await desk.user('reviewer');
    receiver = await WebhookReceiver.start();
  });
  afterAll(async () => {
    await desk.close();
    await receiver.close();
    cleanup();
  });

  it('sends no statement to the database while nothing happens, webhooks registered or not (failed on main: 4 reads every 2 s)', async () => {
    const statements = countStatements(desk.app.get(DataSource));
    try {
      await sleep(1_000); // the first round, at start-up, is over
      statements.reset();
      await sleep(2_500);
      expect(statements.count).toBe(0);

      await desk.http.post('/api/v1/webhooks').set(...bearer(desk.admin)).send({ url: receiver.url, events: ['*'], secret: 'a-newsroom-secret-of-some-length' }).expect(201);
      const article = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'The mayor said the budget doubled.' }).expect(201)).body;
      await receiver.until((received) => received.length >= 1);
      await sleep(1_000);
      statements.reset();
      await sleep(2_500);
      expect(statements.count).toBe(0);

      // Still awake to the next event after the quiet.
      await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'the budget doubled' } }).expect(201);
      await receiver.until((received) => received.length >= 2);
      expect(receiver.received.map((delivery) => delivery.headers['x-claimdesk-event'])).toEqual(['article.created', 'claim.created']);
    } finally {
      statements.stop();
    }
  });
});
