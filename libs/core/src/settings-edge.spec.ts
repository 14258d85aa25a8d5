import { readSettings } from './settings';

describe('readSettings: the HTTP edge', () => {
  it('defaults to a 30 s client timeout, the log format chosen by the terminal, no demo', () => {
    expect(readSettings({})).toMatchObject({ clientTimeoutMs: 30_000, logFormat: null, demo: false });
  });

  it('reads LOG_FORMAT, CLAIMDESK_CLIENT_TIMEOUT_MS and CLAIMDESK_DEMO', () => {
    expect(readSettings({ LOG_FORMAT: 'json', CLAIMDESK_CLIENT_TIMEOUT_MS: '1500', CLAIMDESK_DEMO: '1' })).toMatchObject({ logFormat: 'json', clientTimeoutMs: 1500, demo: true });
  });

  it.each([
    [{ LOG_FORMAT: 'fancy' }, /^LOG_FORMAT:/],
    [{ CLAIMDESK_CLIENT_TIMEOUT_MS: '0' }, /^CLAIMDESK_CLIENT_TIMEOUT_MS:/],
    [{ CLAIMDESK_DEMO: 'yes' }, /^CLAIMDESK_DEMO:/],
  ])('names the variable of a bad value %p', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});
