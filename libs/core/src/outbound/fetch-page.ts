import http, { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { DomainError, validationFailed } from '../domain-error';
import { AddressRefused, FetchAllowList, ResolvedAddress, resolveAllowed, Resolver, systemResolver } from './address-policy';

/**
 * Fetching a page the way API.md's "Fetching rules" say: http(s) only, every address of every hop
 * checked, redirects followed by hand (each one checked again), one deadline for the whole fetch and a
 * cap on the bytes after decompression. The address checked is the address connected to: the
 * connection's DNS lookup answers with the addresses already checked, never a second resolution.
 */

export interface FetchLimits {
  /** The whole fetch, redirects, headers and body included (API.md: 15 s). */
  timeoutMs: number;
  /** Bytes of the body after decompression (API.md: 10 MiB). */
  maxBytes: number;
  /** Redirects followed (API.md: 5). */
  maxRedirects: number;
}

export const FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: 10 * 1024 * 1024, maxRedirects: 5 };

export interface FetchOptions {
  allow: FetchAllowList;
  userAgent: string;
  limits: FetchLimits;
  /** How host names are resolved; tests give their own to name a host that resolves to a private address. */
  resolve?: Resolver;
}

export interface FetchedPage {
  url: string;
  /** Where the last redirect led. */
  finalUrl: string;
  httpStatus: number;
  /** The Content-Type header as sent, or null. */
  contentType: string | null;
  /** The body, decompressed. */
  body: Buffer;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const fetchFailed = (reason: string): DomainError => new DomainError('fetch_failed', reason);

/** An http(s) URL, or 422 `validation_failed` naming `path`. */
export function httpUrlOf(raw: string, path: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationFailed(path, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw validationFailed(path, `only http and https URLs can be fetched, not ${url.protocol}`);
  return url;
}

/** Answers the connection's DNS lookup with the addresses already checked. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_host, options, callback) => {
    const usable = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
    if (usable.length === 0) {
      callback(Object.assign(new Error('no checked address of the requested family'), { code: 'ENOTFOUND' }), '', 0);
    } else if (options.all) {
      (callback as unknown as (error: null, all: ResolvedAddress[]) => void)(null, usable);
    } else {
      callback(null, usable[0].address, usable[0].family);
    }
  };
}

function request(url: URL, addresses: ResolvedAddress[], options: FetchOptions, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    // agent: false — a fresh connection, never a proxy-aware or pooled global agent (proxies must not bypass the checks).
    const req = (url.protocol === 'https:' ? https : http).request(url, {
      method: 'GET',
      agent: false,
      lookup: pinnedLookup(addresses),
      signal,
      headers: {
        'User-Agent': options.userAgent,
        Accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,*/*;q=0.5',
        'Accept-Encoding': 'gzip, deflate, br',
      },
    }, resolve);
    req.on('error', reject);
    req.end();
  });
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip()
    : encoding === 'deflate' ? createInflate()
      : encoding === 'br' ? createBrotliDecompress()
        : encoding === 'identity' || encoding === '' ? null
          : undefined;
  if (decoder === undefined) throw fetchFailed(`the page is sent with an unknown Content-Encoding: ${encoding}`);
  if (decoder === null) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

async function readBody(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw fetchFailed(`the page is larger than ${maxBytes} bytes`);
  const body = decompressed(response);
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += (chunk as Buffer).length;
      // Counted after decompression: a small gzip "bomb" stops here, not after filling memory.
      if (total > maxBytes) throw fetchFailed(`the page is larger than ${maxBytes} bytes (after decompression)`);
      chunks.push(chunk as Buffer);
    }
  } finally {
    response.destroy();
    body.destroy();
  }
  return Buffer.concat(chunks);
}

function failureOf(error: unknown, signal: AbortSignal, limits: FetchLimits): unknown {
  if (error instanceof DomainError) return error;
  if (error instanceof AddressRefused) return new DomainError('fetch_forbidden', error.message);
  if (signal.aborted) return fetchFailed(`the page did not arrive within ${limits.timeoutMs / 1000} s`);
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return fetchFailed(`the page could not be fetched: ${code ? `${code} ` : ''}${message}`.trim());
}

/** Waits for `work`, or fails as soon as `signal` aborts (DNS lookups cannot be cancelled). */
function beforeDeadline<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = (): void => reject(new Error('aborted'));
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * Fetches `rawUrl`: 422 `validation_failed` for a scheme other than http(s), 403 `fetch_forbidden` for
 * a refused address (at any hop), 422 `fetch_failed` with the reason for everything else that goes wrong.
 * Any final HTTP status is returned; callers decide what a 404 means to them.
 */
export async function fetchPage(rawUrl: string, options: FetchOptions): Promise<FetchedPage> {
  const { limits } = options;
  let url = httpUrlOf(rawUrl, 'url');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.timeoutMs);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const addresses = await beforeDeadline(resolveAllowed(url.hostname, options.allow, options.resolve ?? systemResolver), controller.signal);
      const response = await request(url, addresses, options, controller.signal);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (redirects === limits.maxRedirects) throw fetchFailed(`more than ${limits.maxRedirects} redirects`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw fetchFailed(`the page redirects to an invalid URL: ${location.slice(0, 200)}`);
        }
        if (next.protocol !== 'http:' && next.protocol !== 'https:') throw fetchFailed(`the page redirects to a ${next.protocol} URL`);
        url = next;
        continue;
      }
      const body = await readBody(response, limits.maxBytes);
      return { url: rawUrl, finalUrl: url.href, httpStatus: response.statusCode ?? 0, contentType: response.headers['content-type'] ?? null, body };
    }
  } catch (error) {
    throw failureOf(error, controller.signal, limits);
  } finally {
    clearTimeout(timer);
  }
}
