import { integer, isAddressOrNetwork, SettingsError, type Env } from './settings';

/** How the desk sends webhooks (API.md, "Work": Webhooks; operations.md, "Webhooks"). */
export interface WebhookSettings {
  /**
   * CLAIMDESK_FETCH_ALLOW: host names, addresses and networks the desk may send to although they are
   * loopback, private or link-local (e.g. `127.0.0.1,10.0.0.0/8,cms.internal`). Empty: public addresses only.
   */
  allow: string[];
  /** The wait before the first retry; each further retry waits twice as long. 30 s; lower only in tests. */
  retryBaseMs: number;
  /** How long one delivery may take before it counts as failed. 10 s; lower only in tests. */
  timeoutMs: number;
}

const HOST_NAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function allowList(env: Env): string[] {
  const raw = env.CLAIMDESK_FETCH_ALLOW?.trim();
  if (!raw) return [];
  const entries = raw.split(',').map((entry) => entry.trim().toLowerCase()).filter((entry) => entry !== '');
  const bad = entries.find((entry) => !isAddressOrNetwork(entry) && !HOST_NAME.test(entry));
  if (bad !== undefined) {
    throw new SettingsError('CLAIMDESK_FETCH_ALLOW', `expected a comma-separated list of host names, addresses or networks (e.g. 127.0.0.1,10.0.0.0/8), got "${bad}"`);
  }
  return entries;
}

export function readWebhookSettings(env: Env): WebhookSettings {
  return {
    allow: allowList(env),
    retryBaseMs: integer(env, 'CLAIMDESK_WEBHOOK_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    timeoutMs: integer(env, 'CLAIMDESK_WEBHOOK_TIMEOUT_MS', 10_000, 50, 60_000),
  };
}
