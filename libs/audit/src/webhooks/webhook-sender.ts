import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { version } from '../../../../package.json';
import { FetchAllowList, resolveAllowed } from '@claimdesk/core';
import { SIGNATURE_HEADER, signBody } from './webhook-signature';

export interface Outgoing {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  body: string;
}

/** What one attempt came to: the answer's status (null when there was none) and, unless 2xx, why it failed. */
export interface Attempt {
  status: number | null;
  error: string | null;
}

const USER_AGENT = `ClaimDesk/${version}`;

/**
 * POSTs one delivery, signed over the exact bytes sent. Redirects are not followed (a 3xx is a
 * failure like any non-2xx answer), and the whole exchange must end within `timeoutMs`.
 */
/**
 * The same address policy as the desk's page fetches (libs/core outbound): every address the host
 * resolves to is checked, and the connection goes to a checked one.
 */
export async function sendDelivery(outgoing: Outgoing, allow: FetchAllowList, timeoutMs: number): Promise<Attempt> {
  const url = new URL(outgoing.url);
  let target: { address: string; family: 4 | 6 };
  try {
    const [first] = await resolveAllowed(url.hostname, allow);
    target = { address: first.address, family: first.family === 6 ? 6 : 4 };
  } catch (error) {
    return { status: null, error: (error as Error).message };
  }
  // Connect to the address that was checked, not to whatever the name resolves to next.
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const body = Buffer.from(outgoing.body, 'utf8');
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const finish = (attempt: Attempt): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    const req = send(url, {
      method: 'POST',
      lookup: pinned,
      headers: {
        'Content-Type': 'application/json',
        'Content-Length': body.length,
        'User-Agent': USER_AGENT,
        'X-ClaimDesk-Event': outgoing.event,
        'X-ClaimDesk-Delivery': outgoing.deliveryId,
        [SIGNATURE_HEADER]: signBody(body, outgoing.secret),
      },
    }, (res) => {
      const status = res.statusCode ?? null;
      res.resume(); // the receiver's answer is not kept
      res.on('end', () => finish({ status, error: status !== null && status >= 200 && status < 300 ? null : `the receiver answered ${status}` }));
      res.on('error', (error) => finish({ status, error: error.message }));
    });
    const timer = setTimeout(() => {
      finish({ status: null, error: `no answer within ${timeoutMs} ms` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error) => finish({ status: null, error: error.message }));
    req.end(body);
  });
}
