import { AuditRecord, AuditService } from '@claimdesk/audit';
import { Transactions } from '@claimdesk/database';
import { bearer, freshDatabaseUrl, SignedInUser, TestDesk } from '../support/test-app';
import { SseClient } from '../support/sse-client';

/** A promise with its resolver, to hold a transaction open at a chosen point. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const change = (actor: SignedInUser, articleId: string, action: string): AuditRecord => ({
  actorId: actor.id, action, entityType: 'article', entityId: articleId, articleId, after: { id: articleId },
});

/** A change to an article, numbered in a transaction that stays open until `commit()`. */
async function changeHeldOpen(desk: TestDesk, actor: SignedInUser, articleId: string, action: string): Promise<{ commit: () => Promise<void> }> {
  const numbered = gate();
  const release = gate();
  const committed = desk.app.get(Transactions).run(async (tx) => {
    await desk.app.get(AuditService).record(tx, change(actor, articleId, action));
    numbered.open();
    await release.opened;
  });
  await numbered.opened;
  return { commit: () => (release.open(), committed) };
}

/**
 * Two instances writing to one article: its events are numbered in the order they commit, so a
 * client never misses one that committed late (PostgreSQL hands out sequence numbers at insert).
 */
describe('event order across instances (PostgreSQL)', () => {
  let first: TestDesk;
  let second: TestDesk;
  let reviewer: SignedInUser;
  const clients: SseClient[] = [];

  const article = async (content: string): Promise<string> =>
    (await first.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content }).expect(201)).body.id as string;
  const seqOf = async (desk: TestDesk, action: string): Promise<number[]> =>
    (await desk.app.get(AuditService).list({ limit: 100 })).items.filter((e) => e.action === action).map((e) => e.seq);

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL database for this suite');
    const db = await freshDatabaseUrl();
    first = await TestDesk.start({}, db.url);
    second = await TestDesk.start({}, db.url);
    reviewer = await first.user('reviewer');
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await second.close();
    await first.close();
  });

  it("sends a connected client an article's change that commits after a newer change to another article", async () => {
    const slowArticle = await article('A change that takes its time.');
    const otherArticle = await article('A quick change elsewhere.');
    const slow = await changeHeldOpen(first, reviewer, slowArticle, 'test.slow-change');
    // Another article's change commits meanwhile, with a higher number.
    await second.app.get(Transactions).run((tx) => second.app.get(AuditService).record(tx, change(reviewer, otherArticle, 'test.quick-change')));
    const client = await SseClient.open(await second.listen(), `/api/v1/articles/${slowArticle}/events`, reviewer.token);
    clients.push(client);
    await slow.commit();
    const events = await client.waitFor(1);
    expect(events.map((e) => e.type)).toEqual(['test.slow-change']);
    expect(events[0].id).toBeLessThan((await seqOf(first, 'test.quick-change'))[0]);
  });

  it("numbers one article's changes in the order they commit, whichever instance makes them", async () => {
    const articleId = await article('Two desks edit one article.');
    const earlier = await changeHeldOpen(first, reviewer, articleId, 'test.earlier');
    let laterCommitted = false;
    const later = second.app.get(Transactions)
      .run((tx) => second.app.get(AuditService).record(tx, change(reviewer, articleId, 'test.later')))
      .then(() => (laterCommitted = true));
    // Changes to other articles are not held up…
    const elsewhere = await article('Meanwhile, another article.');
    await second.app.get(Transactions).run((tx) => second.app.get(AuditService).record(tx, change(reviewer, elsewhere, 'test.elsewhere')));
    // …but the same article's next change waits for the open one to commit.
    expect(laterCommitted).toBe(false);
    await Promise.all([earlier.commit(), later]);
    const [earlierSeq] = await seqOf(first, 'test.earlier');
    const [laterSeq] = await seqOf(first, 'test.later');
    expect(laterSeq).toBeGreaterThan(earlierSeq);
  });

  it('runs a transaction again when PostgreSQL aborts it to break a deadlock', async () => {
    const a = await article('First of two articles.');
    const b = await article('Second of two articles.');
    const bothHoldOne = [gate(), gate()];
    // Each instance takes one article's lock, then wants the other's: PostgreSQL aborts one of them.
    const crossWise = (desk: TestDesk, mine: string, theirs: string, me: number) =>
      desk.app.get(Transactions).run(async (tx) => {
        const audit = desk.app.get(AuditService);
        await audit.record(tx, change(reviewer, mine, 'test.crosswise'));
        bothHoldOne[me].open();
        await bothHoldOne[1 - me].opened;
        await audit.record(tx, change(reviewer, theirs, 'test.crosswise'));
      });
    await Promise.all([crossWise(first, a, b, 0), crossWise(second, b, a, 1)]);
    expect(await seqOf(first, 'test.crosswise')).toHaveLength(4);
  });
});
