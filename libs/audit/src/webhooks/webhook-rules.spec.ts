import { createHmac } from 'node:crypto';
import { subscribesTo } from './event-filter';
import { MAX_RETRIES, retryDelayMs } from './retry-schedule';
import { settledUpTo } from './webhook-deliveries';
import { secretHint, signBody } from './webhook-signature';

describe('webhook signature', () => {
  it('is sha256= and the hex HMAC-SHA256 of the exact bytes with the secret', () => {
    const body = '{"type":"claim.created","entity":{"quote":"café"}}';
    expect(signBody(body, 'secret-of-sixteen')).toBe(`sha256=${createHmac('sha256', 'secret-of-sixteen').update(Buffer.from(body, 'utf8')).digest('hex')}`);
    // A known value, computed independently (printf '%s' '{}' | openssl dgst -sha256 -hmac key).
    expect(signBody('{}', 'key')).toBe('sha256=a777724d943eb48dc69bca8a4a6d57a04db3f9ec7e1de4e581e860265bdf3032');
    expect(signBody(`${body} `, 'secret-of-sixteen')).not.toBe(signBody(body, 'secret-of-sixteen'));
  });

  it('shows only the last four characters of a secret', () => {
    expect(secretHint('a-newsroom-secret-k3y9')).toBe('…k3y9');
  });
});

describe(retryDelayMs.name, () => {
  const middle = (): number => 0.5;

  it('doubles from 30 s: 30 s, 1, 2, 4, 8, 16, 32, 64 min, then gives up', () => {
    const waits = Array.from({ length: MAX_RETRIES }, (_, i) => retryDelayMs(i + 1, 30_000, middle));
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000]);
    expect(retryDelayMs(MAX_RETRIES + 1, 30_000, middle)).toBeNull();
  });

  it('makes at least 5 retries over at least 10 minutes even at the low end of the spread', () => {
    const lowest = (): number => 0;
    const firstFive = [1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 30_000, lowest) as number);
    expect(MAX_RETRIES).toBeGreaterThanOrEqual(5);
    expect(firstFive.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10 * 60_000);
  });

  it('spreads each wait by at most ±20 %', () => {
    expect(retryDelayMs(1, 30_000, () => 0)).toBe(24_000);
    expect(retryDelayMs(1, 30_000, () => 0.999999)).toBe(36_000);
  });
});

describe(subscribesTo.name, () => {
  it('matches the listed types, or every type for "*"', () => {
    expect(subscribesTo(['claim.created', 'verdict.published'], 'verdict.published')).toBe(true);
    expect(subscribesTo(['claim.created'], 'claim.updated')).toBe(false);
    expect(subscribesTo(['*'], 'anything.new')).toBe(true);
  });
});
