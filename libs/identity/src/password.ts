import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';

/**
 * scrypt with N=2^17, r=8, p=1: OWASP's current minimum for scrypt (Password Storage Cheat Sheet),
 * 128 MiB and a noticeable fraction of a second per hash. crypto.scrypt runs on libuv's thread pool,
 * so hashing never blocks the event loop.
 */
export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}
export const OWASP_SCRYPT_COST: ScryptCost = { n: 2 ** 17, r: 8, p: 1 };
let cost = OWASP_SCRYPT_COST;

/**
 * For test processes only (jest's setup file): a hash at full cost takes about a second of CPU on a
 * 2-core machine, and the API suites create thousands of accounts. The algorithm and every code path
 * stay the same; `passwords.e2e-spec.ts` and the built app (browser and fault suites) keep the full cost.
 */
export function usePasswordCost(next: ScryptCost): void {
  if (process.env.NODE_ENV === 'production') throw new Error('the password cost is fixed in production');
  cost = next;
}
const KEY_LENGTH = 32;
/** Stored hashes with a larger N are not ours: refuse them rather than allocate without bound. */
const MAX_N = 2 ** 20;

function scrypt(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses anything over maxmem (32 MiB by default).
  const maxmem = 2 * 128 * n * r;
  return new Promise((resolve, reject) =>
    scryptCallback(password, salt, KEY_LENGTH, { N: n, r, p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url: the parameters travel with the hash. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost.n, cost.r, cost.p);
  return ['scrypt', cost.n, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

interface StoredHash {
  n: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function parse(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return null;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (![N, R, P].every(Number.isSafeInteger) || N < 2 || N > MAX_N || R < 1 || R > 32 || P < 1 || P > 16) return null;
  return { n: N, r: R, p: P, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** Checks a password against a stored hash made with any parameters (older, cheaper ones included). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  const actual = await scrypt(password, hash.salt, hash.n, hash.r, hash.p);
  return actual.length === hash.key.length && timingSafeEqual(actual, hash.key);
}

/** True when the stored hash was made with less than today's cost: rehash it at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const hash = parse(stored);
  return !hash || hash.n < cost.n || hash.r < cost.r || hash.p < cost.p;
}

/** A hash to verify against when the account does not exist, so timing does not reveal accounts. */
let decoy: Promise<string> | null = null;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword(randomBytes(16).toString('hex')));
