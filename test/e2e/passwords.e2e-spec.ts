import { scryptSync } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OWASP_SCRYPT_COST, usePasswordCost } from '@claimdesk/identity/password';
import { ADMIN, bearer, SignedInUser, TestDesk } from '../support/test-app';

// This suite is about the real cost: undo the API suites' test cost.
usePasswordCost(OWASP_SCRYPT_COST);

describe('passwords (e2e)', () => {
  let desk: TestDesk;
  beforeAll(async () => {
    desk = await TestDesk.start();
  });
  afterAll(() => desk.close());

  const create = (password: string) =>
    desk.http.post('/api/v1/users').set(...bearer(desk.admin)).send({ email: `u.${Math.random()}@desk.test`, displayName: 'New', role: 'reviewer', password });

  it('refuses common passwords, white space and one repeated character with 422 weak_password (failed on main: password1234 and twelve spaces were accepted)', async () => {
    for (const password of ['password1234', ' '.repeat(12), 'QWERTY123456', 'xxxxxxxxxxxxxxx', '1qaz2wsx3edc']) {
      const answer = await create(password);
      expect([password, answer.status, answer.body.code]).toEqual([password, 422, 'weak_password']);
    }
  });

  it('keeps validation_failed for fewer than 12 characters', async () => {
    expect((await create('short pass').expect(422)).body.code).toBe('validation_failed');
  });

  it('refuses a weak password set by an admin (PATCH /users/:id) (failed on main: accepted)', async () => {
    const user = await desk.user('reviewer');
    const answer = await desk.http.patch(`/api/v1/users/${user.id}`).set(...bearer(desk.admin)).send({ password: 'password1234' }).expect(422);
    expect(answer.body.code).toBe('weak_password');
  });

  describe('POST /api/v1/me/password', () => {
    let user: SignedInUser;
    let password: string;
    beforeAll(async () => {
      user = await desk.user('reviewer');
      password = `password-of-reviewer-${user.displayName.split(' ')[1]}`;
    });

    it('refuses a wrong current password with 403 and a weak new one with 422 weak_password', async () => {
      const wrong = await desk.http.post('/api/v1/me/password').set(...bearer(user)).send({ currentPassword: 'not my password', newPassword: 'a brand new passphrase' }).expect(403);
      expect(wrong.body.code).toBe('forbidden');
      const weak = await desk.http.post('/api/v1/me/password').set(...bearer(user)).send({ currentPassword: password, newPassword: 'password1234' }).expect(422);
      expect(weak.body).toMatchObject({ code: 'weak_password', errors: [{ path: 'newPassword' }] });
    }, 60_000);

    it('changes the password and ends every other session of the user, not this one (failed on main: no such route)', async () => {
      const other = (await desk.http.post('/api/v1/auth/login').send({ email: user.email, password }).expect(200)).body.token as string;
      await desk.http.post('/api/v1/me/password').set(...bearer(user)).send({ currentPassword: password, newPassword: 'a brand new passphrase' }).expect(204);
      await desk.http.get('/api/v1/me').set('Authorization', `Bearer ${other}`).expect(401);
      await desk.http.get('/api/v1/me').set(...bearer(user)).expect(200);
      await desk.http.post('/api/v1/auth/login').send({ email: user.email, password }).expect(401);
      await desk.http.post('/api/v1/auth/login').send({ email: user.email, password: 'a brand new passphrase' }).expect(200);
    }, 60_000);
  });

  it('hashes at N=2^17 and upgrades a cheaper earlier hash at the next sign-in (failed on main: N=2^15 stayed)', async () => {
    const db = desk.app.get(DataSource);
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync(ADMIN.password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await db.getRepository('User').update({ email: ADMIN.email }, { passwordHash: old });
    await desk.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
    const [row] = await db.createQueryBuilder().select('password_hash', 'hash').from('users', 'u').where('email = :email', { email: ADMIN.email }).getRawMany<{ hash: string }>();
    expect(row.hash.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 17), '8', '1']);
    await desk.http.post('/api/v1/auth/login').send(ADMIN).expect(200);
  }, 60_000);
});

describe('the first admin from the environment (e2e)', () => {
  it('refuses to start with a common CLAIMDESK_ADMIN_PASSWORD, naming the variable (failed on main: started)', async () => {
    await expect(TestDesk.start({ CLAIMDESK_ADMIN_PASSWORD: 'password1234' })).rejects.toThrow(/CLAIMDESK_ADMIN_PASSWORD/);
  });
});
