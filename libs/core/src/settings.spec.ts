import { readSettings } from './settings';

describe(readSettings.name, () => {
  it('defaults to SQLite on 127.0.0.1:3000', () => {
    const settings = readSettings({});
    expect(settings).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: 'sqlite:data/claimdesk.sqlite' });
    expect(settings.publicUrl).toBe('http://127.0.0.1:3000');
    expect(settings.reviewUrlTemplate).toBe('http://127.0.0.1:3000/claims/{claimId}');
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT:/],
    [{ PORT: '70000' }, /^PORT:/],
    [{ DATABASE_URL: 'mysql://db' }, /^DATABASE_URL:/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL:/],
    [{ CLAIMDESK_PUBLIC_URL: 'ftp://x' }, /^CLAIMDESK_PUBLIC_URL:/],
    [{ CLAIMDESK_REVIEW_URL: 'https://x/claims' }, /^CLAIMDESK_REVIEW_URL:/],
    [{ CLAIMDESK_ADMIN_PASSWORD: 'short' }, /^CLAIMDESK_ADMIN_PASSWORD:/],
    [{ CLAIMDESK_ADMIN_PASSWORD: 'password1234' }, /^CLAIMDESK_ADMIN_PASSWORD:/],
    [{ CLAIMDESK_ADMIN_PASSWORD: '            ' }, /^CLAIMDESK_ADMIN_PASSWORD:/],
    [{ TRUST_PROXY: 'true' }, /^TRUST_PROXY:/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /^TRUST_PROXY:/],
    [{ TRUST_PROXY: '10.0.0.1,proxy.local' }, /^TRUST_PROXY:/],
    [{ TRUST_PROXY: '99' }, /^TRUST_PROXY:/],
  ])('names the variable of a bad value %p', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses and networks', () => {
    expect(readSettings({}).trustProxy).toBe(false);
    expect(readSettings({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readSettings({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readSettings({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });
});
