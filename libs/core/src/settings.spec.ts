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
  ])('names the variable of a bad value %p', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});
