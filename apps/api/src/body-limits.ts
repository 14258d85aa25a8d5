import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@claimdesk/core';

export const ARTICLE_BODY_LIMIT = 5 * 1024 * 1024;
export const DEFAULT_BODY_LIMIT = 256 * 1024;

/** API.md: 5 MiB for article content (create, new revision), 256 KiB elsewhere. */
const ARTICLE_CONTENT = /^\/api\/v1\/articles(\/[^/?]+\/text)?\/?(\?|$)/;

export function bodyLimitFor(method: string, url: string): number {
  return (method === 'POST' || method === 'PUT') && ARTICLE_CONTENT.test(url) ? ARTICLE_BODY_LIMIT : DEFAULT_BODY_LIMIT;
}

const tooLarge = (limit: number): DomainError =>
  new DomainError('payload_too_large', `the body is larger than ${limit / 1024} KiB, the limit of this route`);

/**
 * One JSON parser for application/json and application/ld+json that enforces the per-route limit,
 * early from Content-Length when it is sent, and on the bytes read when it is not.
 */
export function installJsonBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request: FastifyRequest) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    const limit = bodyLimitFor(request.method, request.url);
    if (declared > limit) throw tooLarge(limit);
  });
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser(
    ['application/json', 'application/ld+json'],
    { parseAs: 'buffer', bodyLimit: ARTICLE_BODY_LIMIT },
    (request: FastifyRequest, body: Buffer, done: (error: Error | null, value?: unknown) => void) => {
      const limit = bodyLimitFor(request.method, request.url);
      if (body.length > limit) return done(tooLarge(limit));
      if (body.length === 0) return done(null, undefined);
      try {
        done(null, JSON.parse(body.toString('utf8')));
      } catch {
        done(new DomainError('malformed_json', 'the request body is not valid JSON'));
      }
    },
  );
}
