import { ADMIN, TestDesk } from '../support/test-app';
import { CliWorld, UUID } from './cli-harness';

describe('claimdesk users (cli)', () => {
  const world = new CliWorld();
  afterAll(() => world.cleanup());

  it('users list on a new desk shows its first admin', async () => {
    const result = await world.run(['users', 'list']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const [header, admin, ...rest] = result.stdout.trimEnd().split('\n');
    expect(header.split(/\s+/)).toEqual(['ID', 'EMAIL', 'ROLE', 'STATUS', 'NAME']);
    expect(admin.split(/\s{2,}/)).toEqual([expect.stringMatching(UUID), ADMIN.email, 'admin', 'active', 'Administrator']);
    expect(rest).toEqual([]);
  });

  it('users add with a password creates the user; users list --json shows them, never a hash', async () => {
    const added = await world.run(['users', 'add', '--email', 'Ana@Newsroom.Example', '--name', 'Ana Reviewer', '--role', 'reviewer', '--password', 'correct horse battery']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Created reviewer ana@newsroom\.example \([0-9a-f-]{36}\)\n$/);
    const listed = await world.run(['users', 'list', '--json']);
    const users = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(users.map((u) => [u.email, u.role, u.displayName])).toEqual([[ADMIN.email, 'admin', 'Administrator'], ['ana@newsroom.example', 'reviewer', 'Ana Reviewer']]);
    expect(Object.keys(users[1]).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'email', 'id', 'role', 'updatedAt', 'version']);
  });

  it('users add without --password generates one, printed once, that signs in', async () => {
    const added = await world.run(['users', 'add', '--email', 'ed@newsroom.example', '--name', 'Ed Editor', '--role', 'editor', '--json']);
    expect(added.code).toBe(0);
    const user = JSON.parse(added.stdout) as { id: string; role: string; password: string };
    expect(user).toMatchObject({ role: 'editor', password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
    const desk = await TestDesk.start({}, world.databaseUrl);
    try {
      const login = await desk.http.post('/api/v1/auth/login').send({ email: 'ed@newsroom.example', password: user.password }).expect(200);
      expect(login.body.user.id).toBe(user.id);
    } finally {
      await desk.close();
    }
  });

  it('prints the generated password in plain output too', async () => {
    const added = await world.run(['users', 'add', '--email', 'adm@newsroom.example', '--name', 'Second Admin', '--role', 'admin']);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/^Created admin adm@newsroom\.example \(.+\)\nPassword \(shown only this once\): [A-Za-z0-9_-]{24}\n$/);
  });

  it('a second user with the same e-mail fails (exit code 1) with already_exists', async () => {
    const result = await world.run(['users', 'add', '--email', 'ana@newsroom.example', '--name', 'Other Ana', '--role', 'editor', '--password', 'another long password']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^claimdesk: already_exists: a user with e-mail ana@newsroom\.example already exists\n/);
  });

  it('users add refuses a common password (exit code 1) with weak_password (failed on main: password1234 was accepted)', async () => {
    const result = await world.run(['users', 'add', '--email', 'weak@newsroom.example', '--name', 'Weak', '--role', 'reviewer', '--password', 'password1234']);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(/^claimdesk: weak_password: /);
  });

  it.each([
    [['--role', 'boss'], '--role must be one of reviewer, editor, admin (got "boss")'],
    [['--role', 'reviewer', '--password', 'short'], '--password: password must be longer than or equal to 12 characters'],
    [['--role', 'reviewer', '--email', 'not-an-email'], '--email: email must be an email'],
  ])('users add %j is a usage error (exit code 2)', async (extra, message) => {
    const argv = ['users', 'add', '--email', 'new@newsroom.example', '--name', 'New', ...extra];
    const result = await world.run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`claimdesk: usage: ${message}`);
  });
});
