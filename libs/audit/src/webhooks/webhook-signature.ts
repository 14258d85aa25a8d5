import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-ClaimDesk-Signature';

/** `sha256=<hex HMAC-SHA256 of the raw body with the secret>`: what a receiver recomputes to trust a delivery. */
export function signBody(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** What GET shows of a secret: enough to tell two apart, never enough to sign. */
export const secretHint = (secret: string): string => `…${secret.slice(-4)}`;
