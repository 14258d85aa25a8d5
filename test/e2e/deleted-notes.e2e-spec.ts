import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { ReceivedEvent, SseClient } from '../support/sse-client';

/** Hardening, "Who sees what was deleted": a deleted note's body stays with editors and admins. */
describe('deleted notes stay deleted (e2e)', () => {
  const SECRET = 'Source: J. Doe at the ministry, confidential';
  let desk: TestDesk;
  let author: SignedInUser;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let baseUrl: string;
  let articleId: string;
  const clients: SseClient[] = [];

  beforeAll(async () => {
    desk = await TestDesk.start();
    author = await desk.user('reviewer', 'Nora Note');
    reviewer = await desk.user('reviewer', 'Rey Viewer');
    editor = await desk.user('editor', 'Edie Tor');
    baseUrl = await desk.listen();
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(author)).send({ format: 'text', content: 'The mayor said the budget doubled. Taxes fell last year. The bridge opened in May.' }).expect(201)).body.id;
  });
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await desk.close();
  });

  const newClaim = async (exact: string): Promise<string> =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(author)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id;
  const note = async (claimId: string, body: string, parentId?: string): Promise<string> =>
    (await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(author)).send({ body, parentId }).expect(201)).body.id;
  const history = async (claimId: string, user: SignedInUser) =>
    (await desk.http.get(`/api/v1/claims/${claimId}/history`).set(...bearer(user)).expect(200)).body.items as { action: string; entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
  const latestEventId = async (): Promise<number> =>
    Math.max(0, ...((await desk.http.get('/api/v1/audit').query({ articleId, limit: 1 }).set(...bearer(editor)).expect(200)).body.items as { seq: number }[]).map((e) => e.seq));
  const replay = async (user: SignedInUser, since: number, count: number): Promise<ReceivedEvent[]> => {
    const client = await SseClient.open(baseUrl, `/api/v1/articles/${articleId}/events`, user.token, since);
    clients.push(client);
    const events = await client.waitFor(count);
    client.close();
    return events;
  };
  const mentions = (value: unknown, text: string): boolean => JSON.stringify(value).includes(text);

  it('hides the body of a deleted note from reviewers in the claim history (failed on main: every reviewer read it)', async () => {
    const claimId = await newClaim('budget doubled');
    const noteId = await note(claimId, 'first draft');
    await desk.http.patch(`/api/v1/annotations/${noteId}`).set(...bearer(author)).send({ body: SECRET }).expect(200);
    const kept = await note(claimId, 'A note that stays');
    await desk.http.delete(`/api/v1/annotations/${noteId}`).set(...bearer(author)).expect(204);

    const seen = await history(claimId, reviewer);
    expect(mentions(seen, SECRET)).toBe(false);
    expect(mentions(seen, 'first draft')).toBe(false);
    const ofNote = seen.filter((e) => e.entityId === noteId);
    expect(ofNote.map((e) => e.action)).toEqual(['annotation.deleted', 'annotation.updated', 'annotation.created']);
    for (const entry of ofNote) {
      for (const side of [entry.before, entry.after].filter((s) => s !== null)) expect(side).toMatchObject({ id: noteId, body: null, redacted: true });
    }
    // Notes that still exist, and everything else, read as before.
    expect(seen.find((e) => e.entityId === kept)?.after).toMatchObject({ body: 'A note that stays' });
    expect(mentions(await history(claimId, author), SECRET)).toBe(false); // the author too: deleted is deleted

    for (const user of [editor, desk.admin]) {
      const full = await history(claimId, user);
      expect(full.find((e) => e.action === 'annotation.deleted' && e.entityId === noteId)?.before).toMatchObject({ body: SECRET });
    }
  });

  it('hides a tombstone\'s former body (a deleted note with replies) from reviewers', async () => {
    const claimId = await newClaim('Taxes fell');
    const root = await note(claimId, SECRET);
    await note(claimId, 'a reply keeps the thread', root);
    await desk.http.delete(`/api/v1/annotations/${root}`).set(...bearer(editor)).expect(204);
    expect(mentions(await history(claimId, reviewer), SECRET)).toBe(false);
  });

  it('hides the body of a deleted note from reviewers in replayed events (failed on main: Last-Event-ID replay sent it)', async () => {
    const since = await latestEventId();
    const claimId = await newClaim('bridge opened');
    const noteId = await note(claimId, SECRET);
    await note(claimId, 'Still here');
    await desk.http.delete(`/api/v1/annotations/${noteId}`).set(...bearer(author)).expect(204);

    const events = await replay(reviewer, since, 4);
    expect(events.map((e) => e.type)).toEqual(['claim.created', 'annotation.created', 'annotation.created', 'annotation.deleted']);
    expect(mentions(events, SECRET)).toBe(false);
    expect(events.filter((e) => e.data.entityId === noteId).map((e) => e.data.entity)).toEqual([
      expect.objectContaining({ id: noteId, body: null, redacted: true }),
      expect.objectContaining({ id: noteId, body: null, redacted: true }),
    ]);
    expect(events[2].data.entity).toMatchObject({ body: 'Still here' });

    const editors = await replay(editor, since, 4);
    expect(editors[1].data.entity).toMatchObject({ id: noteId, body: SECRET });
  });

  it('hides the body in the live annotation.deleted event sent after the deletion', async () => {
    const claimId = await newClaim('The mayor said');
    const noteId = await note(claimId, SECRET);
    const live = await SseClient.open(baseUrl, `/api/v1/articles/${articleId}/events`, reviewer.token);
    clients.push(live);
    await desk.http.delete(`/api/v1/annotations/${noteId}`).set(...bearer(author)).expect(204);
    const [deleted] = await live.waitFor(1);
    expect(deleted.type).toBe('annotation.deleted');
    expect(deleted.data.entity).toMatchObject({ id: noteId, body: null, redacted: true });
  });

  it('hides the notes of a deleted claim from reviewers in replayed events', async () => {
    const since = await latestEventId();
    const claimId = await newClaim('last year');
    await note(claimId, SECRET);
    await desk.http.delete(`/api/v1/claims/${claimId}`).set(...bearer(editor)).expect(204);
    const events = await replay(reviewer, since, 3);
    expect(events.map((e) => e.type)).toEqual(['claim.created', 'annotation.created', 'claim.deleted']);
    expect(mentions(events, SECRET)).toBe(false);
  });
});
