import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@claimdesk/core';
import { IMPORT_BODY_LIMIT, isStreamedRoute } from '@claimdesk/fact-checks';

export const ARTICLE_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** API.md: 5 MiB for article content (create, new revision), 256 KiB elsewhere. */
const ARTICLE_CONTENT = /^\/api\/v1\/articles(\/[^/?]+\/text)?\/?(\?|$)/;

export function bodyLimitFor(method: string, url: string): number {
  if (isStreamedRoute(method, url)) return IMPORT_BODY_LIMIT;
  return (method === 'POST' || method === 'PUT') && ARTICLE_CONTENT.test(url) ? ARTICLE_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

/** API.md, "Bad input": no field of ours nests anywhere near this; deeper bodies only exhaust stacks. */
export const MAX_JSON_DEPTH = 64;

// Fatal: a body that is not UTF-8 is refused, not stored with U+FFFD in place of its bad bytes.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

const tooLarge = (limit: number): DomainError =>
  new DomainError('payload_too_large', `the body is larger than ${limit / 1024} KiB, the limit of this route`);

/**
 * One JSON parser for application/json and application/ld+json that enforces the per-route limit,
 * early from Content-Length when it is sent, and on the bytes read when it is not.
 */
export function installJsonBodies(fastify: FastifyInstance): void {
  // A callback hook, not an async one: it runs on every request, and a promise per hook adds up.
  fastify.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    if (/%00/.test(request.url)) return done(new DomainError('validation_failed', 'the URL may not contain NUL characters'));
    const declared = Number(request.headers['content-length'] ?? 0);
    const limit = bodyLimitFor(request.method, request.url);
    done(declared > limit ? tooLarge(limit) : undefined);
  });
  fastify.removeContentTypeParser(['application/json', 'text/plain']);
  fastify.addContentTypeParser(
    ['application/json', 'application/ld+json'],
    { parseAs: 'buffer', bodyLimit: ARTICLE_BODY_LIMIT },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
      const limit = bodyLimitFor(request.method, request.url);
      if (body.length > limit) return done(tooLarge(limit));
      if (body.length === 0) return done(null, undefined);
      let text: string;
      try {
        text = UTF8.decode(body);
      } catch {
        return done(new DomainError('malformed_json', 'the request body is not UTF-8'));
      }
      if (nestingDepthExceeds(text, MAX_JSON_DEPTH)) {
        return done(new DomainError('validation_failed', `the body nests deeper than ${MAX_JSON_DEPTH} levels`, [{ path: '', message: `nested deeper than ${MAX_JSON_DEPTH} levels` }]));
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return done(new DomainError('malformed_json', 'the request body is not valid JSON'));
      }
      const bad = findUnstorableText(value);
      if (bad !== null) return done(new DomainError('validation_failed', 'text may not contain NUL characters or unpaired surrogates', [{ path: bad, message: 'not storable text' }]));
      done(null, value);
    },
  );
}

/**
 * The path of the first string that no database can store faithfully (NUL, or a lone UTF-16
 * surrogate, which PostgreSQL refuses), or null. Checked once at the edge for every JSON body.
 */
export function findUnstorableText(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || !value.isWellFormed() ? path || '(body)' : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], path ? `${path}.${i}` : String(i));
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(key, path) ?? findUnstorableText(item, path ? `${path}.${key}` : key);
      if (found !== null) return found;
    }
  }
  return null;
}

/**
 * Whether JSON text opens more than `max` objects and arrays inside one another, found in one pass
 * without parsing (so before any recursive code sees the value); brackets inside strings do not count.
 */
export function nestingDepthExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character, a quote included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}
