import { randomUUID } from 'node:crypto';
import { AuditService, LiveEvents } from '@claimdesk/audit';
import { Transactions } from '@claimdesk/database';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { SseClient } from '../support/sse-client';

jest.setTimeout(120_000); // 2,500 events, on a shared machine

/** API.md, "Faults": a client reconnecting with Last-Event-ID receives everything it missed, however much. */
describe('event replay (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let client: SseClient | undefined;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
  });
  afterAll(async () => {
    client?.close();
    await desk.close();
  });

  /** Every audit sequence number of the article, oldest first, read page by page from the audit log. */
  const auditSeqs = async (articleId: string): Promise<number[]> => {
    const seqs: number[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page: { body: { items: { seq: number }[]; nextCursor: string | null } } = await desk.http.get('/api/v1/audit')
        .query({ articleId, limit: 200, ...(cursor ? { cursor } : {}) }).set(...bearer(editor)).expect(200);
      seqs.push(...page.body.items.map((entry) => entry.seq));
      cursor = page.body.nextCursor;
    }
    return seqs.reverse();
  };

  it('replays all 2,500 events a reconnecting client missed, in order and without gaps (failed on main: only the first 1,000 were sent)', async () => {
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'Words that many notes point at.' }).expect(201)).body as { id: string };
    const [lastSeen] = await auditSeqs(article.id);
    let lastLive = 0;
    const stopWatching = desk.app.get(LiveEvents).subscribe(article.id, (event) => (lastLive = event.id));
    // 2,500 changes while the client is away, written to the log as the services write them (in one
    // transaction, which keeps the suite quick: the replay reads the log, however it was written).
    await desk.app.get(Transactions).run(async (tx) => {
      for (let i = 0; i < 2500; i++) {
        const note = { id: randomUUID(), body: `note ${i}` };
        await desk.app.get(AuditService).record(tx, { actorId: reviewer.id, action: 'annotation.created', entityType: 'annotation', entityId: note.id, articleId: article.id, after: note });
      }
    });
    const missed = (await auditSeqs(article.id)).filter((seq) => seq > lastSeen);
    expect(missed).toHaveLength(2500);
    // The client comes back once the live events have all gone out: it must get them from the log.
    for (const deadline = Date.now() + 60_000; lastLive < missed[missed.length - 1] && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 100));
    stopWatching();

    client = await SseClient.open(await desk.listen(), `/api/v1/articles/${article.id}/events`, reviewer.token, lastSeen);
    const events = await client.waitFor(2500, 60_000);
    expect(events.map((event) => event.id)).toEqual(missed);
    expect(events.map((event) => (event.data.entity as { body: string }).body)).toEqual(Array.from({ length: 2500 }, (_, i) => `note ${i}`));
  });
});
