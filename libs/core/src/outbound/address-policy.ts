import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Which addresses the desk may fetch from (API.md, "Articles and sources from the web"). One module,
 * shared by every outgoing request of the desk (page fetches, snapshots, and later webhooks): only
 * global unicast addresses, unless CLAIMDESK_FETCH_ALLOW lists the host or a network holding the address.
 */

/** CLAIMDESK_FETCH_ALLOW, parsed: host names (lower case) and networks that are exempt from the checks. */
export interface FetchAllowList {
  hosts: readonly string[];
  networks: readonly [ipaddr.IPv4 | ipaddr.IPv6, number][];
}

export const ALLOW_NOTHING: FetchAllowList = { hosts: [], networks: [] };

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses a comma-separated list of host names, addresses and CIDR networks
 * (`127.0.0.1,10.0.0.0/8,pages.test`). Returns the problem with the first bad entry as a string.
 */
export function parseFetchAllow(raw: string | undefined): FetchAllowList | string {
  if (raw === undefined || raw.trim() === '') return ALLOW_NOTHING;
  const hosts: string[] = [];
  const networks: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const entry of raw.split(',').map((part) => part.trim().toLowerCase())) {
    if (entry.includes('/')) {
      try {
        networks.push(ipaddr.parseCIDR(entry));
      } catch {
        return `"${entry}" is not a CIDR network (e.g. 10.0.0.0/8)`;
      }
    } else if (isIP(entry) !== 0) {
      const address = ipaddr.parse(entry);
      networks.push([address, address.kind() === 'ipv4' ? 32 : 128]);
    } else if (HOST_NAME.test(entry)) {
      hosts.push(entry);
    } else {
      return `"${entry}" is neither a host name, an address nor a CIDR network`;
    }
  }
  return { hosts, networks };
}

/** The IPv4 address an IPv6 one carries (mapped, NAT64, 6to4), which is where packets really go. */
function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = address.range();
  if (range === 'ipv4Mapped') return address.toIPv4Address();
  const bytes = address.toByteArray();
  if (range === 'rfc6052') return new ipaddr.IPv4(bytes.slice(12, 16));
  if (range === '6to4') return new ipaddr.IPv4(bytes.slice(2, 6));
  return null;
}

function inAllowedNetwork(address: ipaddr.IPv4 | ipaddr.IPv6, allow: FetchAllowList): boolean {
  return allow.networks.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * Why the desk may not connect to `ip`, or null when it may: anything but a global unicast address is
 * refused (loopback, private, link-local, multicast, unspecified, broadcast, unique-local, CGNAT,
 * documentation and other reserved ranges), an IPv6 address carrying an IPv4 one is judged by that one,
 * and a listed network lets an address through.
 */
export function checkAddress(ip: string, allow: FetchAllowList = ALLOW_NOTHING): string | null {
  if (!ipaddr.isValid(ip)) return `${ip} is not an IP address`;
  let address: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(ip);
  if (inAllowedNetwork(address, allow)) return null;
  if (address.kind() === 'ipv6') {
    const v4 = embeddedIpv4(address as ipaddr.IPv6);
    if (v4) {
      address = v4;
      if (inAllowedNetwork(address, allow)) return null;
    }
  }
  const range = address.range();
  return range === 'unicast' ? null : `${ip} is a ${range} address`;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has (dns.lookup, as the system would). */
export type Resolver = (host: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (host) => lookup(host, { all: true, verbatim: true });

/** A host or one of its addresses that the policy refuses (403 `fetch_forbidden`). */
export class AddressRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AddressRefused';
  }
}

/**
 * Every address `host` resolves to, each one checked: a single refused address refuses the host (a
 * name answering both a public and a private address must not be fetched). A literal address is
 * checked as it is. A listed host name is allowed whatever its addresses.
 */
export async function resolveAllowed(host: string, allow: FetchAllowList = ALLOW_NOTHING, resolve: Resolver = systemResolver): Promise<ResolvedAddress[]> {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  const family = isIP(bare);
  const addresses = family !== 0 ? [{ address: bare, family }] : await resolve(bare);
  if (addresses.length === 0) throw new Error(`${bare} has no address`);
  if (family === 0 && allow.hosts.includes(bare)) return addresses;
  for (const { address } of addresses) {
    const refused = checkAddress(address, allow);
    if (refused !== null) throw new AddressRefused(family === 0 ? `${bare} resolves to ${address}, which the desk may not fetch from (${refused})` : `the desk may not fetch from ${refused}`);
  }
  return addresses;
}
