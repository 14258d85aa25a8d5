import type { FastifyInstance, FastifyRequest, onSendAsyncHookHandler, preParsingAsyncHookHandler } from 'fastify';
import { Readable } from 'node:stream';
import { DomainError } from '@claimdesk/core';

/** API.md: the ClaimReview import takes up to 64 MiB, read as it streams in. */
export const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;
const IMPORT_ROUTE = /^\/api\/v1\/fact-checks\/import\/?(\?|$)/;

const BODY = Symbol('claimdesk:streamedBody');
type WithBody = FastifyRequest & { [BODY]?: AsyncIterable<Buffer> };

export const isStreamedRoute = (method: string, url: string): boolean => method === 'POST' && IMPORT_ROUTE.test(url);

/**
 * The import's body bypasses the buffering JSON parser: the hook keeps the request's stream for the
 * controller and hands the parser an empty one (Content-Length dropped so it expects nothing), and
 * the stream counts bytes against the route's own limit as they arrive. The hooks are the import
 * route's own (added as it is registered), so no other request runs them.
 */
export function installStreamedBodies(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    if (!([] as string[]).concat(route.method).some((method) => isStreamedRoute(method, route.url))) return;
    route.preParsing = [...hooksOf(route.preParsing), keepStreamedBody] as typeof route.preParsing;
    route.onSend = [...hooksOf(route.onSend), closeIfUnread] as typeof route.onSend;
  });
}

const hooksOf = (hooks: unknown): unknown[] => (hooks === undefined ? [] : Array.isArray(hooks) ? hooks : [hooks]);

const keepStreamedBody: preParsingAsyncHookHandler = async (request, _reply, payload) => {
  (request as WithBody)[BODY] = limited(payload, IMPORT_BODY_LIMIT);
  delete request.headers['content-length'];
  return Readable.from([]);
};

// An answer given before the body has all arrived (413, a malformed feed) ends the connection: the
// unread rest would otherwise hold it open, and a client still sending would wait on it for ever.
const closeIfUnread: onSendAsyncHookHandler = async (request, reply, payload) => {
  if (!request.raw.complete) void reply.header('Connection', 'close');
  return payload;
};

export function streamedBodyOf(request: FastifyRequest): AsyncIterable<Buffer> | undefined {
  return (request as WithBody)[BODY];
}

async function* limited(stream: AsyncIterable<Buffer>, limit: number): AsyncIterable<Buffer> {
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += chunk.length;
    if (bytes > limit) throw new DomainError('payload_too_large', `the body is larger than ${limit / 1024} KiB, the limit of this route`);
    yield chunk;
  }
}
