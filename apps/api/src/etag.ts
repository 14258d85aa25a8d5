import type { FastifyInstance } from 'fastify';
import { etagOf } from '@claimdesk/core';

/**
 * Any answer that is one versioned resource carries `ETag: "<version>"`, for If-Match. A Fastify
 * hook on the answer about to be serialised rather than a Nest interceptor: it runs on every
 * request, and an interceptor's observable pipeline costs more there than the check itself.
 */
export function installETags(fastify: FastifyInstance): void {
  fastify.addHook('preSerialization', (_request, reply, payload: unknown, done) => {
    const version = (payload as { version?: unknown } | null)?.version;
    if (typeof version === 'number') reply.header('ETag', etagOf(version));
    done(null, payload);
  });
}
