import { expiredSessionCookie, readCookie, sessionCookie } from './session-cookie';

describe('session cookie', () => {
  it('reads the named cookie among others', () => {
    expect(readCookie('a=1; claimdesk_session=abc%2Fdef; b=2', 'claimdesk_session')).toBe('abc/def');
    expect(readCookie('a=1', 'claimdesk_session')).toBeUndefined();
    expect(readCookie(undefined, 'claimdesk_session')).toBeUndefined();
  });

  it('is HttpOnly and SameSite=Lax, Secure only when asked', () => {
    const cookie = sessionCookie('tok', new Date('2030-01-01T00:00:00Z'), false);
    expect(cookie).toContain('claimdesk_session=tok');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(sessionCookie('tok', new Date(), true)).toContain('Secure');
  });

  it('expires the cookie on sign-out', () => {
    expect(expiredSessionCookie()).toContain('Expires=Thu, 01 Jan 1970');
  });
});
