import { CliWorld } from './cli-harness';

describe('claimdesk notifications send-digest (cli)', () => {
  const world = new CliWorld();
  afterAll(() => world.cleanup());

  it('is listed in the help', async () => {
    const { code, stdout } = await world.run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}notifications send-digest /m);
  });

  it('refuses without CLAIMDESK_SMTP_URL, as a configuration error naming it', async () => {
    const result = await world.run(['notifications', 'send-digest']);
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('CLAIMDESK_SMTP_URL');
  });

  it('sends nothing when nobody waits for a digest', async () => {
    const result = await world.run(['notifications', 'send-digest'], { env: world.env({ CLAIMDESK_SMTP_URL: 'smtp://127.0.0.1:9' }) });
    expect(result).toMatchObject({ code: 0, stdout: '0 digests sent\n' });
  });
});
