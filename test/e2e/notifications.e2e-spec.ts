import { DataSource } from 'typeorm';
import { AuditEntry } from '@claimdesk/audit';
import { Transactions } from '@claimdesk/database';
import { NotificationsService, NotificationWriter } from '@claimdesk/notifications';
import { SseClient } from '../support/sse-client';
import { endsWithinFiveSeconds, openStream } from '../support/stream-end';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

interface Notice { id: string; type: string; articleId: string; claimId: string | null; entityId: string; actorId: string | null; at: string; readAt: string | null }

describe('notifications (e2e)', () => {
  let desk: TestDesk;
  let ana: SignedInUser; // reviewer, writes notes and verdicts
  let bo: SignedInUser; // reviewer
  let ed: SignedInUser; // editor
  let eve: SignedInUser; // editor
  let cy: SignedInUser; // reviewer, for the queue
  let articleId: string;
  let claimId: string;
  const clients: SseClient[] = [];
  let listeningAt: string | undefined;
  const listening = async (): Promise<string> => (listeningAt ??= await desk.listen());

  beforeAll(async () => {
    desk = await TestDesk.start();
    ana = await desk.user('reviewer', 'Ana López');
    bo = await desk.user('reviewer', 'Bo Ek');
    ed = await desk.user('editor', 'Ed Itor');
    eve = await desk.user('editor', 'Eve Dit');
    cy = await desk.user('reviewer', 'Cy Dee');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(ana)).send({ title: 'Budget speech', format: 'text', content: 'The deficit halved in one year. Crime fell to a record low. Taxes never rose.' }).expect(201)).body.id;
    claimId = await newClaim('The deficit halved');
  }, 300_000); // several accounts and sign-ins, slow on a busy machine
  afterAll(async () => {
    clients.forEach((c) => c.close());
    await desk.close();
  });

  async function newClaim(exact: string): Promise<string> {
    return (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(ana)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id;
  }
  const note = async (user: SignedInUser, body: string, parentId?: string, claim = claimId): Promise<string> =>
    (await desk.http.post(`/api/v1/claims/${claim}/annotations`).set(...bearer(user)).send({ body, parentId }).expect(201)).body.id;
  const notices = async (user: SignedInUser, query = ''): Promise<Notice[]> =>
    (await desk.http.get(`/api/v1/me/notifications${query}`).set(...bearer(user)).expect(200)).body.items;
  const unread = async (user: SignedInUser): Promise<number> =>
    (await desk.http.get('/api/v1/me/notifications/count').set(...bearer(user)).expect(200)).body.unread;
  const about = async (user: SignedInUser, entityId: string): Promise<Notice[]> => (await notices(user)).filter((n) => n.entityId === entityId);
  const act = (user: SignedInUser, verdictId: string, action: string, body: object = {}) =>
    desk.http.post(`/api/v1/verdicts/${verdictId}/${action}`).set(...bearer(user)).send(body).expect(200);

  it('tells people a note mentions, by e-mail (any case) or [display name], never its author, and ignores unknown names', async () => {
    const id = await note(ana, `Ask @${bo.email.toUpperCase()}, and @[ed itor]. Not @[Nobody Known] or \`@[Eve Dit]\`; @${ana.email} is me.`);
    const [forBo] = await about(bo, id);
    expect(forBo).toMatchObject({ type: 'mentioned', articleId, claimId, entityId: id, actorId: ana.id, readAt: null });
    expect(await about(ed, id)).toHaveLength(1);
    expect(await about(eve, id)).toEqual([]);
    expect(await about(ana, id)).toEqual([]);
  });

  it('tells the author of the note replied to, once even when the reply also mentions them', async () => {
    const parent = await note(bo, 'What is the source?');
    const reply = await note(ana, 'The treasury report.', parent);
    expect((await about(bo, reply)).map((n) => n.type)).toEqual(['reply']);
    const both = await note(ana, `@[Bo Ek] see page 3.`, parent);
    expect((await about(bo, both)).map((n) => n.type)).toEqual(['mentioned']);
    const own = await note(bo, 'Thanks.', parent);
    expect(await about(bo, own)).toEqual([]);
  });

  it('tells a person mentioned by an edit once, and not again for an edit that keeps the mention', async () => {
    const id = await note(ana, 'Draft.');
    await desk.http.patch(`/api/v1/annotations/${id}`).set(...bearer(ana)).send({ body: `Draft, @[Eve Dit] please look.` }).expect(200);
    await desk.http.patch(`/api/v1/annotations/${id}`).set(...bearer(ana)).send({ body: `Draft 2, @[Eve Dit] please look.` }).expect(200);
    expect(await about(eve, id)).toHaveLength(1);
  });

  it('follows the verdict: submitted to every editor and admin, approved, rejected, published and corrected to its authors', async () => {
    const claim = await newClaim('Crime fell to a record low');
    await desk.http.post(`/api/v1/claims/${claim}/sources`).set(...bearer(ana)).send({ source: { url: 'https://example.org/crime' }, stance: 'supports' }).expect(201);
    const draft = async (user: SignedInUser, body: object): Promise<string> =>
      (await desk.http.post(`/api/v1/claims/${claim}/verdicts`).set(...bearer(user)).send({ rating: 'true', rationale: 'Police data.', ...body }).expect(201)).body.id;
    const first = await draft(ana, {});
    await act(ana, first, 'submit');
    for (const editor of [ed, eve, { ...desk.admin, displayName: 'admin' }]) expect((await about(editor as SignedInUser, first)).map((n) => n.type)).toEqual(['submitted']);
    expect(await about(ana, first)).toEqual([]);
    await act(ed, first, 'reject', { note: 'Which year?' });
    await act(ana, first, 'submit');
    await act(ed, first, 'approve');
    await act(eve, first, 'publish');
    expect((await about(ana, first)).map((n) => n.type).reverse()).toEqual(['rejected', 'approved', 'published']);
    // Eve published, so she is not told; Ed is told of the second submission only (and not of his own approval).
    expect((await about(eve, first)).map((n) => n.type)).toEqual(['submitted', 'submitted']);

    const correction = await draft(bo, { rating: 'mixed', supersedes: first, correctionNote: 'Fraud was missing.' });
    await act(bo, correction, 'submit');
    await act(ed, correction, 'approve');
    await act(eve, correction, 'publish');
    expect((await about(bo, correction)).map((n) => n.type)).toEqual(['corrected', 'approved']);
    expect((await about(ana, correction)).map((n) => n.type)).toEqual(['corrected']);
  });

  it('writes exactly one notification per recipient and change, however often and concurrently it is derived', async () => {
    const id = await note(ana, `@[Bo Ek] once.`);
    const dataSource = desk.app.get(DataSource);
    const entry = await dataSource.getRepository(AuditEntry).findOneByOrFail({ entityId: id, action: 'annotation.created' });
    const writer = desk.app.get(NotificationWriter);
    const transactions = desk.app.get(Transactions);
    await Promise.all([1, 2, 3].map(() => transactions.run((tx) => writer.derive(tx, entry))));
    expect(await about(bo, id)).toHaveLength(1);
    const rows = await dataSource.query(`SELECT COUNT(*) AS n FROM notifications WHERE entity_id = '${id}'`);
    expect(Number(rows[0].n)).toBe(1);
  });

  it('tells nothing of a change that rolled back', async () => {
    const before = (await notices(bo)).length;
    await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(ana)).send({ body: '@[Bo Ek]', parentId: '00000000-0000-4000-8000-000000000000' }).expect(422);
    expect(await notices(bo)).toHaveLength(before);
  });

  it('never tells about what the recipient cannot read: a deleted note or claim, and disabled people get none', async () => {
    const id = await note(ana, `@[Bo Ek] secret source.`);
    expect(await about(bo, id)).toHaveLength(1);
    const count = await unread(bo);
    await desk.http.delete(`/api/v1/annotations/${id}`).set(...bearer(ana)).expect(204);
    expect(await about(bo, id)).toEqual([]);
    expect(await unread(bo)).toBe(count - 1);

    const claim = await newClaim('Taxes never rose');
    const onClaim = await note(ana, `@[Bo Ek] look.`, undefined, claim);
    expect(await about(bo, onClaim)).toHaveLength(1);
    await desk.http.delete(`/api/v1/claims/${claim}`).set(...bearer(ed)).expect(204);
    expect(await about(bo, onClaim)).toEqual([]);

    const gone = await desk.user('reviewer', 'Gone Person');
    await desk.http.patch(`/api/v1/users/${gone.id}`).set(...bearer(desk.admin)).send({ disabled: true }).expect(200);
    const toGone = await note(ana, `@[Gone Person] and @${gone.email}`);
    const rows = await desk.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM notifications WHERE entity_id = '${toGone}'`);
    expect(Number(rows[0].n)).toBe(0);
  });

  it('marks notifications read by id and all at once, only the reader\'s own', async () => {
    await note(ana, '@[Eve Dit] one');
    await note(ana, '@[Eve Dit] two');
    const [newest, second] = await notices(eve, '?unread=true');
    await desk.http.post('/api/v1/me/notifications/read').set(...bearer(bo)).send({ ids: [newest.id] }).expect(204);
    expect((await notices(eve, '?unread=true'))[0].id).toBe(newest.id);
    await desk.http.post('/api/v1/me/notifications/read').set(...bearer(eve)).send({ ids: [newest.id] }).expect(204);
    const after = await notices(eve);
    expect(after.find((n) => n.id === newest.id)?.readAt).not.toBeNull();
    expect((await notices(eve, '?unread=true'))[0].id).toBe(second.id);
    await desk.http.post('/api/v1/me/notifications/read').set(...bearer(eve)).send({}).expect(422);
    await desk.http.post('/api/v1/me/notifications/read').set(...bearer(eve)).send({ all: true }).expect(204);
    expect(await notices(eve, '?unread=true')).toEqual([]);
    expect(await unread(eve)).toBe(0);
  });

  it('pages notifications newest first', async () => {
    const page = await desk.http.get('/api/v1/me/notifications?limit=1').set(...bearer(bo)).expect(200);
    expect(page.body.items).toHaveLength(1);
    const next = await desk.http.get(`/api/v1/me/notifications?limit=1&cursor=${page.body.nextCursor}`).set(...bearer(bo)).expect(200);
    expect(next.body.items[0].at <= page.body.items[0].at).toBe(true);
    expect(next.body.items[0].id).not.toBe(page.body.items[0].id);
  });

  it('pushes notifications on /me/events, and replays what a reconnecting client missed', async () => {
    const baseUrl = await listening();
    const stream = await SseClient.open(baseUrl, '/api/v1/me/events', bo.token);
    clients.push(stream);
    expect(stream.status).toBe(200);
    const others = await SseClient.open(baseUrl, '/api/v1/me/events', eve.token);
    clients.push(others);
    const first = await note(ana, '@[Bo Ek] live one');
    const [event] = await stream.waitFor(1);
    expect(event).toMatchObject({ type: 'notification.created', data: { type: 'notification.created', articleId, actorId: ana.id, entity: { type: 'mentioned', entityId: first } } });
    stream.close();
    const missed = await note(ana, '@[Bo Ek] while away');
    await note(bo, `@[Ana López] my own note tells me nothing`);
    const again = await SseClient.open(baseUrl, '/api/v1/me/events', bo.token, event.id);
    clients.push(again);
    const replayed = await again.waitFor(1);
    expect(replayed.map((e) => (e.data.entity as Notice).entityId)).toEqual([missed]);
    expect(replayed[0].id).toBeGreaterThan(event.id);
    expect(others.events).toEqual([]);
  });

  it('ends /me/events when the session ends', async () => {
    const baseUrl = await listening();
    const leaving = await desk.user('reviewer', 'Leaving Person');
    const { ended, close } = await openStream(`${baseUrl}/api/v1/me/events`, leaving.token);
    await desk.http.post('/api/v1/auth/logout').set(...bearer(leaving)).expect(204);
    expect(await endsWithinFiveSeconds(ended)).toBe(true);
    close();
  });

  it('puts unread mentions and replies in the queue, with the claim\'s status, until they are read', async () => {
    const parent = await note(cy, 'Source?');
    await note(ana, `@[Cy Dee] here`);
    await note(ana, 'A reply.', parent);
    const queue = async () => (await desk.http.get('/api/v1/me/queue').set(...bearer(cy)).expect(200)).body.items
      .filter((i: { reason: string }) => i.reason === 'reply' || i.reason === 'mentioned');
    const items = await queue();
    expect(items.map((i: { reason: string }) => i.reason).sort()).toEqual(['mentioned', 'reply']);
    expect(items.find((i: { reason: string }) => i.reason === 'reply')).toEqual({ reason: 'reply', articleId, articleTitle: 'Budget speech', claimId, quote: 'The deficit halved', status: 'open', dueAt: null, since: expect.any(String) });
    await desk.http.post('/api/v1/me/notifications/read').set(...bearer(cy)).send({ all: true }).expect(204);
    expect(await queue()).toEqual([]);
  });

  it('lists people for mentions to any signed-in user, and keeps e-mail settings per person (default none)', async () => {
    const people = await desk.http.get('/api/v1/people?q=ló').set(...bearer(bo)).expect(200);
    expect(people.body.items).toEqual([{ id: ana.id, displayName: 'Ana López', email: ana.email }]);
    expect((await desk.http.get('/api/v1/people?q=gone').set(...bearer(bo)).expect(200)).body.items).toEqual([]);
    expect((await desk.http.get('/api/v1/me/settings').set(...bearer(bo)).expect(200)).body).toEqual({ emailNotifications: 'none' });
    await desk.http.put('/api/v1/me/settings').set(...bearer(bo)).send({ emailNotifications: 'weekly' }).expect(422);
    expect((await desk.http.put('/api/v1/me/settings').set(...bearer(bo)).send({ emailNotifications: 'daily' }).expect(200)).body).toEqual({ emailNotifications: 'daily' });
    expect((await desk.http.get('/api/v1/me/settings').set(...bearer(bo)).expect(200)).body).toEqual({ emailNotifications: 'daily' });
    expect((await desk.http.get('/api/v1/me/settings').set(...bearer(ana)).expect(200)).body).toEqual({ emailNotifications: 'none' });
  });
});
