type Headers = Record<string, string | string[] | undefined>;

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

function originOf(url: string): string | null {
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * API.md, "Hardening": a state-changing request authenticated by the session cookie must come from the
 * desk's own origin. Its `Origin` (or, without one, `Sec-Fetch-Site: same-origin`) must match the
 * public URL's origin or the request's own (scheme, Host and port). Browsers send `Origin` on every
 * POST, PUT, PATCH and DELETE, same-origin fetches included, so the desk's own pages always pass.
 */
export function isCrossSiteRisk(method: string, headers: Headers, ownScheme: string, publicUrl: string): boolean {
  if (!STATE_CHANGING.has(method.toUpperCase())) return false;
  const origin = first(headers.origin);
  if (origin === undefined) return first(headers['sec-fetch-site']) !== 'same-origin';
  const claimed = originOf(origin);
  if (claimed === null) return true;
  const host = first(headers.host);
  const own = host ? originOf(`${ownScheme}://${host}`) : null;
  return claimed !== originOf(publicUrl) && claimed !== own;
}
