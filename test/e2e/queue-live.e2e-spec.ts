import { SseClient } from '../support/sse-client';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/**
 * `queue.changed` on /me/events (API.md, "Work", the live queue count): told to the people whose queue a
 * change may touch, without an `id:` (not replayed, Last-Event-ID untouched), and to nobody else.
 */
describe('queue.changed on /me/events (e2e)', () => {
  let desk: TestDesk;
  let ana: SignedInUser; // reviewer
  let bo: SignedInUser; // reviewer
  let ed: SignedInUser; // editor
  let eve: SignedInUser; // editor
  let articleId: string;
  let claimId: string;
  const clients: SseClient[] = [];
  let listeningAt: string | undefined;

  beforeAll(async () => {
    desk = await TestDesk.start();
    [ana, bo] = [await desk.user('reviewer', 'Ana López'), await desk.user('reviewer', 'Bo Ek')];
    [ed, eve] = [await desk.user('editor', 'Ed Itor'), await desk.user('editor', 'Eve Dit')];
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(ed)).send({ title: 'Budget speech', format: 'text', content: 'The deficit halved in one year.' }).expect(201)).body.id;
    claimId = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(ed)).send({ selector: { type: 'TextQuoteSelector', exact: 'The deficit halved' } }).expect(201)).body.id;
  });

  afterAll(async () => {
    clients.forEach((c) => c.close());
    await desk.close();
  });

  const open = async (user: SignedInUser): Promise<SseClient> => {
    const client = await SseClient.open((listeningAt ??= await desk.listen()), '/api/v1/me/events', user.token);
    clients.push(client);
    return client;
  };
  const assign = (assigneeId: string | null) => desk.http.put(`/api/v1/claims/${claimId}/assignment`).set(...bearer(ed)).send({ assigneeId }).expect(200);

  it('tells the old and the new assignee, each stream once, with no id; nobody else', async () => {
    const [forAna, forBo, forEve] = [await open(ana), await open(bo), await open(eve)];
    await assign(ana.id);
    const anaEvents = await forAna.waitFor(2); // the notification `assigned`, then the hint
    expect(anaEvents.map((e) => e.type)).toEqual(['notification.created', 'queue.changed']);
    expect(anaEvents[1]).toMatchObject({ data: { type: 'queue.changed', articleId } });
    expect(Number.isNaN(anaEvents[1].id)).toBe(true);
    await assign(bo.id);
    expect((await forAna.waitFor(3))[2].type).toBe('queue.changed');
    expect((await forBo.waitFor(2)).map((e) => e.type)).toEqual(['notification.created', 'queue.changed']);
    expect(forEve.events).toEqual([]);
  });

  it('tells every editor when a verdict waits for review, and the reader after marking notifications read', async () => {
    await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(bo)).send({ source: { url: 'https://stats.example.gov/deficit' }, stance: 'refutes' }).expect(201);
    const forEve = await open(eve);
    const verdict = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(bo)).send({ rating: 'false', rationale: 'It fell by a tenth.' }).expect(201)).body as { id: string };
    // The draft's own hint comes first; waited for, so that it cannot arrive among the submission's
    // (a stream opened after the draft's commit could still be sent it: hints go out after commit).
    expect((await forEve.waitFor(1)).map((e) => e.type)).toEqual(['queue.changed']);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(bo)).expect(200);
    const events = (await forEve.waitFor(3)).slice(1);
    expect(events.map((e) => e.type)).toEqual(['notification.created', 'queue.changed']);
    const seen = forEve.events.length;
    await desk.http.post('/api/v1/me/notifications/read').set(...bearer(eve)).send({ all: true }).expect(204);
    expect((await forEve.waitFor(seen + 1))[seen].type).toBe('queue.changed');
  });
});
