import { scryptSync } from 'node:crypto';
import { hashPassword, needsRehash, verifyPassword } from './password';

describe('password hashing', () => {
  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse battery staple', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horse battery stapler', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password here')).not.toBe(await hashPassword('same password here'));
  });

  it('rejects a stored value it does not recognise', async () => {
    await expect(verifyPassword('x', 'md5$abc')).resolves.toBe(false);
  });

  it('hashes at OWASP\'s minimum for scrypt, N=2^17 r=8 p=1 (failed on main: N=2^15)', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored.split('$').slice(1, 4)).toEqual([String(2 ** 17), '8', '1']);
    expect(needsRehash(stored)).toBe(false);
  });

  it('still verifies a hash made at the earlier cost, and marks it for rehashing', async () => {
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('an older password', salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
    await expect(verifyPassword('an older password', old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
  });
});
