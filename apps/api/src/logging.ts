import type { LoggerService } from '@nestjs/common';
import { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { Settings } from '@claimdesk/core';

/**
 * Logs are Fastify's own pino logger: JSON lines, one per finished request (id, method, URL,
 * status, time) and Nest's messages through the same logger. Fastify's request logger is bound
 * per request without async-context tracking, which a middleware-based logger needs on every
 * promise of every request. Headers are never logged, so tokens and cookies cannot leak.
 */
export function loggerOptions(settings: Settings): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  return { logger: { level: settings.logLevel }, logController: new OneLinePerRequest() };
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

/** Nest's log calls — (message, context) or, for errors, (message, stack, context) — as pino records. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace', message: unknown, rest: unknown[]): void {
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields = { context, ...(stack ? { stack } : {}) };
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') this.pino[level](fields, message);
    else this.pino[level]({ ...fields, detail: message }, 'log');
  }
}
