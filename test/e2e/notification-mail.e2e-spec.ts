import { DataSource } from 'typeorm';
import { MailOutbox } from '@claimdesk/notifications';
import { SmtpSink } from '../support/smtp-sink';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

describe('notification e-mail through SMTP (e2e)', () => {
  const credentials = { user: 'desk', pass: 'relay-secret-123' };
  let sink: SmtpSink;
  let desk: TestDesk;
  let outbox: MailOutbox;
  let ana: SignedInUser;
  let bo: SignedInUser; // instant
  let cy: SignedInUser; // daily
  let dee: SignedInUser; // none (the default)
  let claimId: string;

  beforeAll(async () => {
    sink = await SmtpSink.start(credentials);
    desk = await TestDesk.start({ CLAIMDESK_SMTP_URL: sink.url(credentials), CLAIMDESK_SMTP_FROM: 'Desk <desk@desk.example>' });
    outbox = desk.app.get(MailOutbox);
    // The test drives the digests with a fixed clock; instant mails still go right after each change.
    await outbox.stop();
    ana = await desk.user('reviewer', 'Ana López');
    bo = await desk.user('reviewer', 'Bo Ek');
    cy = await desk.user('reviewer', 'Cy Dee');
    dee = await desk.user('reviewer', 'Dee Ess');
    await desk.http.put('/api/v1/me/settings').set(...bearer(bo)).send({ emailNotifications: 'instant' }).expect(200);
    await desk.http.put('/api/v1/me/settings').set(...bearer(cy)).send({ emailNotifications: 'daily' }).expect(200);
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(ana)).send({ title: 'Budget speech', format: 'text', content: 'The deficit halved in one year.' }).expect(201)).body;
    claimId = (await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(ana)).send({ selector: { type: 'TextQuoteSelector', exact: 'The deficit halved' } }).expect(201)).body.id;
  }, 300_000); // several accounts and sign-ins, slow on a busy machine
  afterAll(async () => {
    await desk.close();
    await sink.close();
  });

  const mention = (body: string) => desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(ana)).send({ body }).expect(201);
  const mailsTo = (user: SignedInUser) => sink.mails.filter((mail) => mail.to.includes(user.email));

  it('mails an instant notification at once, signed in to the relay, with a link to the claim', async () => {
    await mention('@[Bo Ek] @[Cy Dee] @[Dee Ess] please check the treasury figure.');
    await sink.waitFor(1);
    await outbox.settled();
    const [mail] = mailsTo(bo);
    expect(mail).toMatchObject({ to: [bo.email], user: 'desk' });
    expect(mail.from).toContain('desk@desk.example');
    expect(mail.subject).toBe('[ClaimDesk] Ana López mentioned you on “The deficit halved”');
    expect(mail.text).toContain(`https://desk.example/claims/${claimId}`);
    expect(mail.text).toContain('Article: Budget speech');
    expect(mailsTo(cy)).toEqual([]);
    expect(mailsTo(dee)).toEqual([]);
    expect(sink.mails).toHaveLength(1);
  });

  it('retries a mail the relay refused, later, and sends it once', async () => {
    sink.refusing = true;
    const before = mailsTo(bo).length;
    const noteId = (await mention('@[Bo Ek] again')).body.id;
    const rows = async () => desk.app.get(DataSource).query(`SELECT mail_state, mail_attempts FROM notifications WHERE entity_id = '${noteId}'`);
    for (let i = 0; i < 100 && Number((await rows())[0]?.mail_attempts ?? 0) < 1; i++) await new Promise((r) => setTimeout(r, 50));
    await outbox.settled();
    expect(await rows()).toEqual([{ mail_state: 'instant', mail_attempts: 1 }]);
    sink.refusing = false;
    // Not yet due: the next attempt waits (30 s at first).
    expect(await outbox.sendInstant(new Date())).toBe(0);
    const later = new Date(Date.now() + 60_000);
    expect(await Promise.all([outbox.sendInstant(later), outbox.sendInstant(later)])).toEqual(expect.arrayContaining([1, 0]));
    expect(mailsTo(bo)).toHaveLength(before + 1);
    expect(await rows()).toEqual([{ mail_state: 'sent', mail_attempts: 2 }]);
    expect(await outbox.sendInstant(new Date(Date.now() + 3_600_000))).toBe(0);
  });

  it('sends a daily digest once per person and day, with what waited for it', async () => {
    const day1 = new Date('2026-12-08T07:00:00.000Z');
    expect(await outbox.sendDigests(day1)).toBe(1);
    const [digest] = mailsTo(cy);
    expect(digest.subject).toBe('[ClaimDesk] 1 notification for 2026-12-08');
    expect(digest.text).toContain('Ana López mentioned you on “The deficit halved”');
    expect(digest.text).toContain(`https://desk.example/claims/${claimId}`);
    expect(await outbox.sendDigests(new Date('2026-12-08T18:00:00.000Z'))).toBe(0);

    await mention('@[Cy Dee] one');
    await mention('@[Cy Dee] two');
    expect(await Promise.all([outbox.sendDigests(new Date('2026-12-09T08:00:00.000Z')), outbox.sendDigests(new Date('2026-12-09T08:00:00.000Z'))]))
      .toEqual(expect.arrayContaining([1, 0]));
    const digests = mailsTo(cy);
    expect(digests).toHaveLength(2);
    expect(digests[1].subject).toBe('[ClaimDesk] 2 notifications for 2026-12-09');
    expect(mailsTo(dee)).toEqual([]);
  });
});
