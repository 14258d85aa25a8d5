import { integer, read, SettingsError, httpUrl, type Env } from '../settings';
import { FETCH_LIMITS, FetchLimits } from './fetch-page';
import { FetchAllowList, parseFetchAllow } from './address-policy';

/** The settings of the desk's own requests to the web (docs/operations.md). */
export interface FetchSettings {
  /** CLAIMDESK_FETCH_ALLOW: hosts and networks exempt from the address checks. */
  fetchAllow: FetchAllowList;
  /** API.md's limits; the time and size can be lowered (tests) through CLAIMDESK_FETCH_TIMEOUT_MS and CLAIMDESK_FETCH_MAX_BYTES. */
  fetchLimits: FetchLimits;
  /** CLAIMDESK_SNAPSHOTS=auto: attaching a source takes a snapshot in the background. */
  snapshots: 'auto' | 'on-demand';
  /** CLAIMDESK_ARCHIVE_URL: a public web archive's "save" endpoint that each snapshot's URL is also sent to; null: off. */
  archiveUrl: string | null;
}

export function readFetchSettings(env: Env): FetchSettings {
  const fetchAllow = parseFetchAllow(read(env, 'CLAIMDESK_FETCH_ALLOW'));
  if (typeof fetchAllow === 'string') throw new SettingsError('CLAIMDESK_FETCH_ALLOW', `expected a comma-separated list of hosts, addresses and CIDR networks: ${fetchAllow}`);
  const snapshots = read(env, 'CLAIMDESK_SNAPSHOTS') ?? 'on-demand';
  if (snapshots !== 'auto' && snapshots !== 'on-demand') throw new SettingsError('CLAIMDESK_SNAPSHOTS', `expected auto or on-demand, got "${snapshots}"`);
  return {
    fetchAllow,
    fetchLimits: {
      timeoutMs: integer(env, 'CLAIMDESK_FETCH_TIMEOUT_MS', FETCH_LIMITS.timeoutMs, 100, FETCH_LIMITS.timeoutMs),
      maxBytes: integer(env, 'CLAIMDESK_FETCH_MAX_BYTES', FETCH_LIMITS.maxBytes, 1024, FETCH_LIMITS.maxBytes),
      maxRedirects: FETCH_LIMITS.maxRedirects,
    },
    snapshots,
    archiveUrl: httpUrl(env, 'CLAIMDESK_ARCHIVE_URL') ?? null,
  };
}
