import { IncomingMessage, ServerOptions, ServerResponse, STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { Logger } from '@nestjs/common';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { DomainError } from '@claimdesk/core';
import { toProblem } from './problem';
import { sendProblem } from './problem.filter';
import { applySecurityHeaders, securityHeadersFor } from './security-headers';

/** An error Node's HTTP parser or its connection checks raise before there is a request. */
interface ClientError extends Error {
  code?: string;
  /** The bytes being parsed when it failed (a Buffer, whatever Fastify's types say). */
  rawPacket?: unknown;
}

/** A request line this long that has not ended is a URL too long rather than too many headers. */
const UNENDED_REQUEST_LINE = /^[A-Z]+ [^\r\n]{8192}/;

/**
 * What to answer a connection whose request could not even be read (API.md, "Errors"): null when
 * the client is gone and nothing can be answered.
 */
export function clientErrorProblem(error: ClientError): DomainError | null {
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return null;
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return new DomainError('request_timeout', 'the request headers did not arrive in time');
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    const start = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.subarray(0, 9000).toString('latin1') : '';
    return UNENDED_REQUEST_LINE.test(start)
      ? new DomainError('uri_too_long', 'the URL is longer than the server reads')
      : new DomainError('headers_too_large', 'the request headers exceed 16 KiB');
  }
  return new DomainError('malformed_request', 'the request is not valid HTTP/1.1');
}

/** A whole HTTP response, written straight to the socket: there is no request object to answer through. */
export function rawProblemResponse(error: DomainError): string {
  const problem = toProblem(error);
  const body = JSON.stringify(problem);
  const headers = [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    ...securityHeadersFor('/').map(([name, value]) => `${name}: ${value}`),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body}`;
}

const logger = new Logger('HttpEdge');

/**
 * Fastify's answers that bypass Nest, as problem+json with our codes: a connection whose request
 * could not be parsed (431, 408, 400), and URLs the router refuses (414 for an over-long path
 * segment, 400 for undecodable `%` escapes).
 */
export function frameworkErrorOptions(): Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'> {
  return {
    // Fastify calls it with itself as `this`.
    clientErrorHandler(this: { log: FastifyBaseLogger }, error: ClientError, socket: Socket) {
      const problem = clientErrorProblem(error);
      this.log.debug({ err: error }, 'client error');
      if (problem && socket.writable && !socket.destroyed) socket.write(rawProblemResponse(problem));
      socket.destroy();
    },
    frameworkErrors(error: Error & { code?: string }, request: FastifyRequest, reply: FastifyReply) {
      applySecurityHeaders(reply.raw, '/');
      const problem =
        error.code === 'FST_ERR_MAX_PARAM_LENGTH'
          ? new DomainError('uri_too_long', 'a segment of the path is longer than 100 characters')
          : error.code === 'FST_ERR_BAD_URL'
            ? new DomainError('malformed_request', 'the URL contains an invalid % escape')
            : error;
      sendProblem(reply, problem, logger);
    },
  };
}

/** Node would answer a request without Host itself, with a bare 400: let it through to ours. */
export const LENIENT_PARSING: ServerOptions = { requireHostHeader: false };

/**
 * What Node answers alone, answered by us: an HTTP/1.1 request without Host is 400 malformed_request;
 * an `Expect` other than 100-continue is ignored (HTTP allows it) rather than a bare 417.
 */
export function installRequestChecks(fastify: FastifyInstance): void {
  fastify.server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => fastify.server.emit('request', request, response));
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.raw.httpVersion === '1.1' && !request.headers.host) return done(new DomainError('malformed_request', 'an HTTP/1.1 request must name its Host'));
    done();
  });
}
