import { readSettings, SettingsError } from '../settings';

const base = { CLAIMDESK_ADMIN_PASSWORD: '' };

describe('fetch settings', () => {
  it('default to the contract: nothing allowed, 15 s, 10 MiB, 5 redirects, snapshots on demand, no archive', () => {
    const settings = readSettings(base);
    expect(settings.fetchAllow).toEqual({ hosts: [], networks: [] });
    expect(settings.fetchLimits).toEqual({ timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 });
    expect(settings).toMatchObject({ snapshots: 'on-demand', archiveUrl: null });
  });

  it('read the allow-list, lowered limits, auto snapshots and an archive', () => {
    const settings = readSettings({ ...base, CLAIMDESK_FETCH_ALLOW: '127.0.0.2,intranet.example', CLAIMDESK_FETCH_TIMEOUT_MS: '2000', CLAIMDESK_SNAPSHOTS: 'auto', CLAIMDESK_ARCHIVE_URL: 'https://web.archive.org/save/' });
    expect(settings.fetchAllow.hosts).toEqual(['intranet.example']);
    expect(settings.fetchLimits.timeoutMs).toBe(2000);
    expect(settings).toMatchObject({ snapshots: 'auto', archiveUrl: 'https://web.archive.org/save' });
  });

  it.each([
    ['CLAIMDESK_FETCH_ALLOW', '10.0.0.0/99'], ['CLAIMDESK_FETCH_TIMEOUT_MS', '60000'], ['CLAIMDESK_FETCH_MAX_BYTES', '999999999'],
    ['CLAIMDESK_SNAPSHOTS', 'always'], ['CLAIMDESK_ARCHIVE_URL', 'ftp://archive.example'],
  ])('stop the start naming %s for %p', (name, value) => {
    expect(() => readSettings({ ...base, [name]: value })).toThrow(SettingsError);
    expect(() => readSettings({ ...base, [name]: value })).toThrow(new RegExp(`^${name}:`));
  });
});
