/** Query parameters that only track the reader; two links differing only in them are one source. */
const TRACKING = (name: string): boolean => /^utm_/i.test(name) || name === 'fbclid' || name === 'gclid';

export class InvalidSourceUrl extends Error {}

/**
 * The key sources are deduplicated by (API.md, "Sources"): lower-case scheme and host, default port
 * dropped, fragment dropped, utm_*, fbclid and gclid dropped; path (with its case and trailing
 * slash), `www.` and the order of the other parameters kept. Only http(s) URLs are sources.
 */
export function normalizeSourceUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new InvalidSourceUrl(`not a URL: ${raw.slice(0, 100)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidSourceUrl('only http and https URLs can be sources');
  if (!url.hostname) throw new InvalidSourceUrl('the URL has no host');
  // WHATWG URL parsing already lower-cases scheme and host and drops the default port.
  const kept = raw.includes('?') ? rawQueryPairs(url.search).filter((pair) => !TRACKING(decodeName(pair))) : [];
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  const port = url.port ? `:${url.port}` : '';
  return `${url.protocol}//${auth}${url.hostname}${port}${url.pathname}${kept.length ? `?${kept.join('&')}` : ''}`;
}

/** The query's pairs as written (not re-encoded), so normalisation does not change their spelling. */
function rawQueryPairs(search: string): string[] {
  return search.replace(/^\?/, '').split('&').filter((pair) => pair.length > 0);
}

function decodeName(pair: string): string {
  const name = pair.split('=')[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}
