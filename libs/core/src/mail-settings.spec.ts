import { readMailSettings, redactedSmtpUrl } from './mail-settings';
import { readSettings, SettingsError } from './settings';

describe('mail settings', () => {
  const fail = (variable: string, problem: string): Error => new SettingsError(variable, problem);

  it('are off without CLAIMDESK_SMTP_URL, and default the sender to the public host', () => {
    expect(readSettings({}).mail).toBeNull();
    expect(readMailSettings({ CLAIMDESK_SMTP_URL: 'smtp://127.0.0.1:2525' }, 'https://desk.example', fail))
      .toEqual({ url: 'smtp://127.0.0.1:2525', from: 'ClaimDesk <claimdesk@desk.example>', digestHour: 7 });
  });

  it('refuse another scheme or a bad digest hour, naming the variable', () => {
    expect(() => readSettings({ CLAIMDESK_SMTP_URL: 'http://mail.example' })).toThrow('CLAIMDESK_SMTP_URL');
    expect(() => readSettings({ CLAIMDESK_SMTP_URL: 'smtp://mail.example', CLAIMDESK_DIGEST_HOUR: '24' })).toThrow('CLAIMDESK_DIGEST_HOUR');
  });

  it('never show the password in what logs print', () => {
    const shown = redactedSmtpUrl('smtp://desk:s3cret-pass@mail.example:587');
    expect(shown).not.toContain('s3cret-pass');
    expect(shown).toBe('smtp://desk:***@mail.example:587');
  });
});
