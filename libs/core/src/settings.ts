import { isIP } from 'node:net';
import { MailSettings, readMailSettings } from './mail-settings';
import { weakPasswordReason } from './password-policy';
import { readWebhookSettings, WebhookSettings } from './webhook-settings';
import { FetchSettings, readFetchSettings } from './outbound/fetch-settings';

/**
 * The environment, read and checked once at start (API.md, "Operations" and "Reports").
 * A bad value stops the start with a message that names the variable.
 */
export interface Settings extends FetchSettings {
  port: number;
  host: string;
  databaseUrl: string;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pretty` for people at a terminal, `json` for collectors; null: pretty exactly when stdout is a terminal. */
  logFormat: 'json' | 'pretty' | null;
  /** Milliseconds a client may take to send its headers, or stay silent while sending a body. */
  clientTimeoutMs: number;
  /** Import the example article on start when the desk has none (CLAIMDESK_DEMO=1). */
  demo: boolean;
  orgName: string;
  orgUrl: string | null;
  publicUrl: string;
  reviewUrlTemplate: string;
  /** Hours a session token stays valid. */
  sessionHours: number;
  /**
   * Which proxies in front of the desk to believe about the client address (TRUST_PROXY): false for
   * none (the socket address), a hop count, or the proxies' addresses and networks.
   */
  trustProxy: false | number | string[];
  /** An OpenAI-compatible embeddings API (CLAIMDESK_EMBEDDINGS_URL, its `/embeddings` route) that re-ranks claim matches; null: lexical only. */
  embeddingsUrl: string | null;
  embeddingsModel: string;
  /** E-mail notifications; null when CLAIMDESK_SMTP_URL is not set. */
  mail: MailSettings | null;
  webhooks: WebhookSettings;
  /** Claim matches scoring below this are not shown (CLAIMDESK_MATCH_SHOW, 0..1). */
  matchShow: number;
  /** Claim matches scoring at least this are flagged "very likely the same claim" (CLAIMDESK_MATCH_LIKELY, 0..1, above matchShow). */
  matchLikely: number;
}

export class SettingsError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'SettingsError';
  }
}

export type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly Settings['logLevel'][] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new SettingsError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function fraction(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(raw)) throw new SettingsError(name, `expected a number from 0 to 1, got "${raw}"`);
  return Number(raw);
}

export function httpUrl(env: Env, name: string): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SettingsError(name, `expected an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SettingsError(name, `expected an http(s) URL, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** One address or CIDR network, e.g. `10.0.0.0/8` or `::1`. */
export function isAddressOrNetwork(entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: a hop count (the client is that many hops back in X-Forwarded-For) or a comma-separated
 * list of proxy addresses/networks (the client is the nearest address not among them). Never "true":
 * trusting every hop would believe the first entry, which the client writes itself.
 */
function trustProxy(env: Env): Settings['trustProxy'] {
  const raw = read(env, 'TRUST_PROXY');
  if (raw === undefined) return false;
  if (/^\d+$/.test(raw)) {
    if (Number(raw) > 32) throw new SettingsError('TRUST_PROXY', `expected a hop count from 0 to 32, got "${raw}"`);
    return Number(raw) === 0 ? false : Number(raw);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  const bad = entries.find((entry) => !isAddressOrNetwork(entry));
  if (bad !== undefined) {
    throw new SettingsError('TRUST_PROXY', `expected a hop count (e.g. 1) or a comma-separated list of proxy addresses or networks (e.g. 10.0.0.1,192.168.0.0/16), got "${bad}"`);
  }
  return entries;
}

export function readSettings(env: Env = process.env): Settings {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = read(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = read(env, 'DATABASE_URL') ?? 'sqlite:data/claimdesk.sqlite';
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    throw new SettingsError('DATABASE_URL', `expected sqlite:<path> or postgres://user:pass@host:5432/db, got "${databaseUrl.slice(0, 60)}"`);
  }
  const logLevel = (read(env, 'LOG_LEVEL') ?? 'info') as Settings['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new SettingsError('LOG_LEVEL', `expected one of ${LOG_LEVELS.join(', ')}`);
  const logFormat = (read(env, 'LOG_FORMAT') ?? null) as Settings['logFormat'];
  if (logFormat !== null && logFormat !== 'json' && logFormat !== 'pretty') throw new SettingsError('LOG_FORMAT', 'expected json or pretty');
  const demo = read(env, 'CLAIMDESK_DEMO') ?? '0';
  if (demo !== '0' && demo !== '1') throw new SettingsError('CLAIMDESK_DEMO', `expected 0 or 1, got "${demo}"`);
  const adminEmail = read(env, 'CLAIMDESK_ADMIN_EMAIL') ?? null;
  if (adminEmail !== null && !/^[^@\s]+@[^@\s]+$/.test(adminEmail)) throw new SettingsError('CLAIMDESK_ADMIN_EMAIL', 'not an e-mail address');
  const adminPassword = env.CLAIMDESK_ADMIN_PASSWORD || null;
  if (adminPassword !== null && adminPassword.length < 12) throw new SettingsError('CLAIMDESK_ADMIN_PASSWORD', 'must have at least 12 characters');
  const weak = adminPassword === null ? null : weakPasswordReason(adminPassword);
  if (weak) throw new SettingsError('CLAIMDESK_ADMIN_PASSWORD', `the password ${weak}; choose a longer, less predictable one`);
  const publicUrl = httpUrl(env, 'CLAIMDESK_PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const reviewUrlTemplate = read(env, 'CLAIMDESK_REVIEW_URL') ?? `${publicUrl}/claims/{claimId}`;
  if (!reviewUrlTemplate.includes('{claimId}')) throw new SettingsError('CLAIMDESK_REVIEW_URL', 'must contain {claimId}');
  // Two thresholds as in Meedan Check: hide weak matches, flag near-certain ones (chosen on CheckThat! dev, API.md).
  const matchShow = fraction(env, 'CLAIMDESK_MATCH_SHOW', 0.02);
  const matchLikely = fraction(env, 'CLAIMDESK_MATCH_LIKELY', 0.5);
  if (matchShow >= matchLikely) throw new SettingsError('CLAIMDESK_MATCH_SHOW', `must be below CLAIMDESK_MATCH_LIKELY (${matchLikely}), got ${matchShow}`);
  return {
    port,
    host,
    databaseUrl,
    adminEmail,
    adminPassword,
    logLevel,
    logFormat,
    clientTimeoutMs: integer(env, 'CLAIMDESK_CLIENT_TIMEOUT_MS', 30_000, 100, 600_000),
    demo: demo === '1',
    orgName: read(env, 'CLAIMDESK_ORG_NAME') ?? 'ClaimDesk',
    orgUrl: httpUrl(env, 'CLAIMDESK_ORG_URL') ?? null,
    publicUrl,
    reviewUrlTemplate,
    sessionHours: integer(env, 'CLAIMDESK_SESSION_HOURS', 24 * 7, 1, 24 * 365),
    trustProxy: trustProxy(env),
    embeddingsUrl: httpUrl(env, 'CLAIMDESK_EMBEDDINGS_URL') ?? null,
    embeddingsModel: read(env, 'CLAIMDESK_EMBEDDINGS_MODEL') ?? 'text-embedding-3-small',
    mail: readMailSettings(env, publicUrl, (variable, problem) => new SettingsError(variable, problem)),
    webhooks: readWebhookSettings(env),
    ...readFetchSettings(env),
    matchShow,
    matchLikely,
  };
}

/** Injection token for the validated settings. */
export const SETTINGS = Symbol('claimdesk.settings');
