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
    [{ CLAIMDESK_MATCH_SHOW: '1.5' }, /^CLAIMDESK_MATCH_SHOW:/],
    [{ CLAIMDESK_MATCH_LIKELY: 'high' }, /^CLAIMDESK_MATCH_LIKELY:/],
    [{ CLAIMDESK_MATCH_SHOW: '0.9', CLAIMDESK_MATCH_LIKELY: '0.5' }, /^CLAIMDESK_MATCH_SHOW:/],
  ])('names the variable of a bad value %p', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });

  it('reads the claim match thresholds, 0.02 and 0.5 by default', () => {
    expect(readSettings({})).toMatchObject({ matchShow: 0.02, matchLikely: 0.5 });
    expect(readSettings({ CLAIMDESK_MATCH_SHOW: '0', CLAIMDESK_MATCH_LIKELY: '1' })).toMatchObject({ matchShow: 0, matchLikely: 1 });
    expect(readSettings({ CLAIMDESK_MATCH_SHOW: '.25', CLAIMDESK_MATCH_LIKELY: '0.9' })).toMatchObject({ matchShow: 0.25, matchLikely: 0.9 });
  });

  it('reads TRUST_PROXY as a hop count or a list of proxy addresses and networks', () => {
    expect(readSettings({}).trustProxy).toBe(false);
    expect(readSettings({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(readSettings({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(readSettings({ TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1' }).trustProxy).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
  });
});
