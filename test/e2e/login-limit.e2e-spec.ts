import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ADMIN, TestDesk } from '../support/test-app';

/** Writes `count` failed attempts of the last minute, as if they had been made. */
async function recordFailures(desk: TestDesk, count: number, who: { email?: string; client?: string }): Promise<void> {
  const at = new Date(Date.now() - 60_000).toISOString();
  const rows = Array.from({ length: count }, () => ({ id: randomUUID(), email: who.email ?? `nobody.${randomUUID()}@desk.test`, client: who.client ?? '192.0.2.250', at }));
  await desk.app.get(DataSource).createQueryBuilder().insert().into('login_failures').values(rows).execute();
}

const statuses = (answers: { status: number }[]): Record<number, number> =>
  answers.reduce<Record<number, number>>((counts, a) => ({ ...counts, [a.status]: (counts[a.status] ?? 0) + 1 }), {});

describe('login limit (e2e)', () => {
  // One proxy in front: each test signs in from its own client address in X-Forwarded-For.
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start({ TRUST_PROXY: '1' });
  });
  afterAll(() => desk.close());

  const login = (email: string, password: string, client: string) =>
    desk.http.post('/api/v1/auth/login').set('X-Forwarded-For', client).send({ email, password });

  it('reserves each attempt before checking the password: of 30 parallel guesses at one account only 10 are evaluated (failed on main: all 30 were)', async () => {
    const user = await desk.user('reviewer');
    const guesses = Array.from({ length: 30 }, (_, i) => login(user.email, `wrong guess number ${i}`, '198.51.100.1'));
    const answers = await Promise.all(guesses);
    expect(statuses(answers)).toEqual({ 401: 10, 429: 20 });
    for (const refused of answers.filter((a) => a.status === 429)) {
      expect(refused.body).toMatchObject({ code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    }
    // Now even the right password waits, from any address.
    await login(user.email, `password-of-reviewer-${user.displayName.split(' ')[1]}`, '198.51.100.2').expect(429);
  }, 180_000);

  it('allows 100 failed attempts per client address, counted atomically: with 90 recorded, 30 parallel guesses at other accounts are 10 evaluated (failed on main: the limit was 10 per address)', async () => {
    await recordFailures(desk, 90, { client: '198.51.100.3' });
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => login(`someone.${i}@desk.test`, 'not a password at all', '198.51.100.3')));
    expect(statuses(answers)).toEqual({ 401: 10, 429: 20 });
    // Another address of the same newsroom is not locked out.
    await login(ADMIN.email, ADMIN.password, '198.51.100.4').expect(200);
  }, 180_000);

  it('does not count successful sign-ins', async () => {
    await recordFailures(desk, 9, { email: ADMIN.email });
    await login(ADMIN.email, ADMIN.password, '198.51.100.5').expect(200);
    await login(ADMIN.email, ADMIN.password, '198.51.100.5').expect(200);
    await login(ADMIN.email, 'the tenth wrong one', '198.51.100.5').expect(401);
    await login(ADMIN.email, ADMIN.password, '198.51.100.5').expect(429);
  }, 120_000);
});

describe('login limit behind one proxy (e2e)', () => {
  let desk: TestDesk;
  const before = process.env.TRUST_PROXY;
  beforeAll(async () => {
    // Main read TRUST_PROXY from the process environment; the desk now reads it from its settings.
    process.env.TRUST_PROXY = '1';
    desk = await TestDesk.start({ TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    if (before === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = before;
    await desk.close();
  });

  it('with TRUST_PROXY=1 takes the address the proxy appended, not the client-written first X-Forwarded-For entry (failed on main: every sprayed guess passed)', async () => {
    await recordFailures(desk, 100, { client: '203.0.113.9' });
    const answers = await Promise.all(
      Array.from({ length: 5 }, (_, i) => desk.http.post('/api/v1/auth/login').set('X-Forwarded-For', `10.9.${i}.1, 203.0.113.9`).send({ email: `spray.${i}@desk.test`, password: 'spray guess' })),
    );
    expect(statuses(answers)).toEqual({ 429: 5 });
  });
});

describe('login limit behind listed proxies (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start({ TRUST_PROXY: '127.0.0.1,::1,10.0.0.0/8' });
  });
  afterAll(() => desk.close());

  it('with TRUST_PROXY listing the proxies takes the nearest address not among them, whatever the client wrote before it', async () => {
    await recordFailures(desk, 100, { client: '198.51.100.7' });
    for (const chain of ['198.51.100.7, 10.1.2.3', '192.0.2.1, 198.51.100.7, 10.1.2.3', '198.51.100.7']) {
      const answer = await desk.http.post('/api/v1/auth/login').set('X-Forwarded-For', chain).send({ email: 'x@desk.test', password: 'spray guess' });
      expect([chain, answer.status]).toEqual([chain, 429]);
    }
  });
});
