/**
 * The environment, read and checked once at start (API.md, "Operations" and "Reports").
 * A bad value stops the start with a message that names the variable.
 */
export interface Settings {
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
}

export class SettingsError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'SettingsError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: readonly Settings['logLevel'][] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new SettingsError(name, `expected a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function httpUrl(env: Env, name: string): string | undefined {
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
  const publicUrl = httpUrl(env, 'CLAIMDESK_PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const reviewUrlTemplate = read(env, 'CLAIMDESK_REVIEW_URL') ?? `${publicUrl}/claims/{claimId}`;
  if (!reviewUrlTemplate.includes('{claimId}')) throw new SettingsError('CLAIMDESK_REVIEW_URL', 'must contain {claimId}');
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
  };
}

/** Injection token for the validated settings. */
export const SETTINGS = Symbol('claimdesk.settings');
