import type { ServerOptions } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * Node's own limits for a request's headers (API.md, "Faults": no complete header within the
 * timeout → 408 and closed). Node looks for late headers every `connectionsCheckingInterval`, by
 * default 30 s, which would double the wait: it looks ten times per timeout instead.
 */
export function headerTimeouts(timeoutMs: number): ServerOptions {
  return { headersTimeout: timeoutMs, connectionsCheckingInterval: Math.max(25, Math.round(timeoutMs / 10)) };
}

/** Does the request announce a body (API.md: a stalled body is closed)? */
export const announcesBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

/**
 * A body that stops arriving for `timeoutMs` closes the connection. The limit is on silence, not on
 * the whole upload, so a large article over a slow line still arrives; it ends with the body, so a
 * long answer (an event stream above all) is never cut.
 */
export function installBodyTimeout(fastify: FastifyInstance, timeoutMs: number): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const incoming = request.raw;
    if (!announcesBody(incoming.headers) || incoming.readableEnded) return done();
    const socket = incoming.socket;
    // A request injected in-process (light-my-request) has no real socket to time out.
    if (typeof socket?.setTimeout !== 'function') return done();
    const stalled = (): void => void socket.destroy();
    socket.setTimeout(timeoutMs, stalled);
    incoming.once('end', () => {
      socket.setTimeout(0);
      socket.off('timeout', stalled);
    });
    done();
  });
}
