import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Where a webhook may be sent (API.md, Webhooks): an admin adds the URL, but a webhook must not be a
 * way into the server's own network. Every address the host resolves to must be public unicast, unless
 * CLAIMDESK_FETCH_ALLOW lists the host name, the address or a network holding it. (The fetcher of
 * `from-url` and snapshots applies the same rule; the two may share one module once both exist.)
 */
export class ForbiddenAddress extends Error {}

function allowedByList(host: string, address: ipaddr.IPv4 | ipaddr.IPv6, allow: readonly string[]): boolean {
  return allow.some((entry) => {
    if (entry === host) return true;
    if (!ipaddr.isValid(entry.split('/')[0])) return false;
    const [network, prefix] = entry.includes('/') ? ipaddr.parseCIDR(entry) : [ipaddr.parse(entry), entry.includes(':') ? 128 : 32];
    const candidate = address.kind() === network.kind() ? address : address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()
      ? (address as ipaddr.IPv6).toIPv4Address() : null;
    return candidate !== null && candidate.kind() === network.kind() && candidate.match([network, prefix] as [ipaddr.IPv4 | ipaddr.IPv6, number]);
  });
}

/** True when the address is one of the public internet's: not loopback, private, link-local, multicast, reserved… */
export function isPublicAddress(text: string): boolean {
  let address = ipaddr.parse(text);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) address = (address as ipaddr.IPv6).toIPv4Address();
  return address.range() === 'unicast';
}

/** Checks one address of `host`; throws ForbiddenAddress when it may not be reached. */
export function checkAddress(host: string, text: string, allow: readonly string[]): void {
  if (isPublicAddress(text) || allowedByList(host.toLowerCase(), ipaddr.parse(text), allow)) return;
  throw new ForbiddenAddress(`${host} resolves to ${text}, a loopback, private or reserved address; list it in CLAIMDESK_FETCH_ALLOW to allow it`);
}

/**
 * Resolves the URL's host and checks every address; returns the first, which the sender connects to
 * (so a name cannot resolve to a public address here and an internal one a moment later).
 */
export async function resolveAllowed(url: URL, allow: readonly string[]): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(':') ? 6 : 4 }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new Error(`${host} does not resolve`);
  for (const { address } of addresses) checkAddress(host, address, allow);
  return { address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}
