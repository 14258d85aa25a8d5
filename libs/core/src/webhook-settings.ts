import { integer, type Env } from './settings';

/** How the desk sends webhooks (API.md, "Work": Webhooks; operations.md, "Webhooks"); where it may send them is Settings.fetchAllow. */
export interface WebhookSettings {
  /** The wait before the first retry; each further retry waits twice as long. 30 s; lower only in tests. */
  retryBaseMs: number;
  /** How long one delivery may take before it counts as failed. 10 s; lower only in tests. */
  timeoutMs: number;
}

export function readWebhookSettings(env: Env): WebhookSettings {
  return {
    retryBaseMs: integer(env, 'CLAIMDESK_WEBHOOK_RETRY_BASE_MS', 30_000, 10, 3_600_000),
    timeoutMs: integer(env, 'CLAIMDESK_WEBHOOK_TIMEOUT_MS', 10_000, 50, 60_000),
  };
}
