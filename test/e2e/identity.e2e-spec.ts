import { ADMIN, bearer, TestDesk } from '../support/test-app';

describe('identity (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  it('creates the first admin from the environment', async () => {
    const me = await desk.http.get('/api/v1/me').set(...bearer(desk.admin)).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: 'admin' });
    expect(me.body).not.toHaveProperty('passwordHash');
    expect(me.headers.etag).toBe(`"${me.body.version}"`);
  });

  it('refuses a wrong password with problem+json', async () => {
    const res = await desk.http.post('/api/v1/auth/login').send({ email: ADMIN.email, password: 'not-the-password' }).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('needs authentication everywhere but health, docs and login', async () => {
    await desk.http.get('/api/v1/me').expect(401);
    await desk.http.get('/api/v1/articles').expect(401);
    await desk.http.get('/api/v1/me').set('Authorization', 'Bearer not-a-token').expect(401);
    await desk.http.get('/health').expect(200);
    const docs = await desk.http.get('/api/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/articles/{id}/claims', '/api/v1/articles/{id}/text']));
  });

  it('signs in with an HttpOnly SameSite=Lax cookie that authenticates', async () => {
    const login = await desk.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? [])[0];
    expect(cookie).toMatch(/claimdesk_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0];
    await desk.http.get('/api/v1/me').set('Cookie', session).expect(200);
    // The desk's own page: browsers send Origin with every POST.
    await desk.http.post('/api/v1/auth/logout').set('Cookie', session).set('Origin', 'https://desk.example').expect(204);
    await desk.http.get('/api/v1/me').set('Cookie', session).expect(401);
  });

  it('revokes a bearer token on logout', async () => {
    const login = await desk.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
    const token = login.body.token as string;
    await desk.http.post('/api/v1/auth/logout').set('Authorization', `Bearer ${token}`).expect(204);
    await desk.http.get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
  });

  it('lets only admins create users, and only editors and admins list them', async () => {
    const reviewer = await desk.user('reviewer');
    const editor = await desk.user('editor');
    await desk.http.post('/api/v1/users').set(...bearer(reviewer))
      .send({ email: 'x@desk.test', displayName: 'X', role: 'reviewer', password: 'long-enough-password' }).expect(403);
    await desk.http.get('/api/v1/users').set(...bearer(reviewer)).expect(403);
    const list = await desk.http.get('/api/v1/users').set(...bearer(editor)).expect(200);
    expect(list.body.items.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining([ADMIN.email, reviewer.email]));
    expect(list.body).toHaveProperty('nextCursor');
  });

  it('rejects a duplicate e-mail, a short password and an unknown role', async () => {
    const base = { displayName: 'Dup', role: 'reviewer', password: 'long-enough-password' };
    await desk.http.post('/api/v1/users').set(...bearer(desk.admin)).send({ ...base, email: 'dup@desk.test' }).expect(201);
    const dup = await desk.http.post('/api/v1/users').set(...bearer(desk.admin)).send({ ...base, email: 'DUP@desk.test' }).expect(409);
    expect(dup.body.code).toBe('already_exists');
    const short = await desk.http.post('/api/v1/users').set(...bearer(desk.admin)).send({ ...base, email: 'short@desk.test', password: 'short' }).expect(422);
    expect(short.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'password' })]));
    await desk.http.post('/api/v1/users').set(...bearer(desk.admin)).send({ ...base, email: 'r@desk.test', role: 'owner' }).expect(422);
  });

  it('updates a user with If-Match, and a disabled user can no longer act', async () => {
    const reviewer = await desk.user('reviewer');
    const stale = await desk.http.patch(`/api/v1/users/${reviewer.id}`).set(...bearer(desk.admin)).set('If-Match', '"7"').send({ displayName: 'New' }).expect(412);
    expect(stale.body.code).toBe('version_conflict');
    const renamed = await desk.http.patch(`/api/v1/users/${reviewer.id}`).set(...bearer(desk.admin)).set('If-Match', '"1"').send({ displayName: 'Renamed' }).expect(200);
    expect(renamed.body).toMatchObject({ displayName: 'Renamed', version: 2 });
    await desk.http.patch(`/api/v1/users/${reviewer.id}`).set(...bearer(desk.admin)).send({ disabled: true }).expect(200);
    await desk.http.get('/api/v1/me').set(...bearer(reviewer)).expect(401);
    await desk.http.post('/api/v1/auth/login').send({ email: reviewer.email, password: 'password-of-reviewer-1' }).expect(401);
  });
});

// Its own desk: the limit also counts per client address, and every test here comes from 127.0.0.1.
describe('login rate limiting (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  it('rate-limits an account after 10 failed logins, with Retry-After', async () => {
    const target = await desk.user('reviewer');
    for (let i = 0; i < 10; i++) {
      await desk.http.post('/api/v1/auth/login').send({ email: target.email, password: `wrong-${i}` }).expect(401);
    }
    const limited = await desk.http.post('/api/v1/auth/login').send({ email: target.email, password: 'wrong-again' }).expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  }, 180_000); // eleven sign-ins, slow on a busy machine
});
