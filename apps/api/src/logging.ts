import { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import { LogCall, LogSink, Settings } from '@claimdesk/core';

/**
 * Logs are Fastify's own pino logger: JSON lines, one per finished request (id, method, URL,
 * status, time) and Nest's messages through the same logger. Fastify's request logger is bound
 * per request without async-context tracking, which a middleware-based logger needs on every
 * promise of every request. Headers are never logged, so tokens and cookies cannot leak.
 */
export function loggerOptions(settings: Settings, stream?: DestinationStream): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return { logger: { level: settings.logLevel, ...(stream ? { stream } : {}) }, logController: new OneLinePerRequest() };
}

/** One line per answered request (Fastify's default is two, on arrival and on answer); health probes stay quiet. */
class OneLinePerRequest extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => request.url === '/health' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: Math.round(reply.elapsedTime * 10) / 10 };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/** Nest's messages as pino records, at pino's matching level. */
export class NestPinoLogger extends LogSink {
  constructor(private readonly pino: FastifyBaseLogger) {
    super();
  }

  protected write({ level, message, context, stack }: LogCall): void {
    const log = this.pino[PINO_LEVEL[level]].bind(this.pino);
    const fields = { context, ...(stack ? { stack } : {}) };
    if (message instanceof Error) log({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') log(fields, message);
    else log({ ...fields, detail: message }, 'log');
  }
}

const PINO_LEVEL = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const;
