/**
 * E-mail notifications (API.md, "Work"; operations.md, "E-mail"): on only when CLAIMDESK_SMTP_URL is
 * set. `url` keeps its password, so it is never logged as it is: `redactedSmtpUrl` is what logs show.
 */
export interface MailSettings {
  /** smtp:// or smtps://, e.g. smtp://user:pass@127.0.0.1:2525. */
  url: string;
  /** The From address (CLAIMDESK_SMTP_FROM), default `ClaimDesk <claimdesk@HOST of CLAIMDESK_PUBLIC_URL>`. */
  from: string;
  /** The UTC hour (0..23) from which each day's digest goes out (CLAIMDESK_DIGEST_HOUR, default 7). */
  digestHour: number;
}

type Env = Record<string, string | undefined>;
type Fail = (variable: string, problem: string) => Error;

/** Reads the mail settings, or null when the desk sends no mail. */
export function readMailSettings(env: Env, publicUrl: string, fail: Fail): MailSettings | null {
  const raw = env.CLAIMDESK_SMTP_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail('CLAIMDESK_SMTP_URL', 'expected smtp://[user:pass@]host[:port] or smtps://…');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw fail('CLAIMDESK_SMTP_URL', `expected smtp:// or smtps://, got ${url.protocol}//`);
  const from = env.CLAIMDESK_SMTP_FROM?.trim() || `ClaimDesk <claimdesk@${new URL(publicUrl).hostname}>`;
  if (!/@/.test(from)) throw fail('CLAIMDESK_SMTP_FROM', 'not an e-mail address');
  const hour = env.CLAIMDESK_DIGEST_HOUR?.trim() || '7';
  if (!/^\d{1,2}$/.test(hour) || Number(hour) > 23) throw fail('CLAIMDESK_DIGEST_HOUR', `expected an hour from 0 to 23, got "${hour}"`);
  return { url: raw, from, digestHour: Number(hour) };
}

/** The SMTP URL as logs may show it: without its password. */
export function redactedSmtpUrl(raw: string): string {
  const url = new URL(raw);
  if (url.password) url.password = '***';
  return url.toString();
}
