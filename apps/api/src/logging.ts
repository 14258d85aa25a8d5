import { LogController } from 'fastify';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { DestinationStream } from 'pino';
import pinoPretty from 'pino-pretty';
import { LogCall, LogSink, Settings } from '@claimdesk/core';

/** Readable lines for a person at a terminal, JSON lines for a collector; LOG_FORMAT decides when set. */
export function chooseLogFormat(setting: Settings['logFormat'], isTTY: boolean): 'json' | 'pretty' {
  return setting ?? (isTTY ? 'pretty' : 'json');
}

/** Where the console logs go: standard output, unless a test hands its own. */
export interface LogConsole {
  out: NodeJS.WritableStream;
  isTTY: boolean;
}

/** One line per request in the pretty format: `GET /api/v1/articles → 200 in 4.2 ms`. */
const PRETTY_LINE = '{if context}[{context}] {end}{msg}{if req.method}: {req.method} {req.url} → {res.statusCode} in {responseTime} ms{end}';
const PRETTY_HIDDEN = 'pid,hostname,context,req,res,reqId,responseTime';

const STDOUT: LogConsole = { get out() { return process.stdout; }, get isTTY() { return process.stdout.isTTY === true; } };

/**
 * Logs are Fastify's own pino logger: JSON lines, one per finished request (id, method, URL,
 * status, time) and Nest's messages through the same logger. Fastify's request logger is bound
 * per request without async-context tracking, which a middleware-based logger needs on every
 * promise of every request. Headers are never logged, so tokens and cookies cannot leak.
 */
export function loggerOptions(settings: Settings, stream?: DestinationStream, console: LogConsole = STDOUT): Pick<FastifyServerOptions, 'logger' | 'logController'> {
  const destination =
    stream ??
    (chooseLogFormat(settings.logFormat, console.isTTY) === 'pretty'
      ? pinoPretty({ destination: console.out, colorize: console.isTTY, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: PRETTY_HIDDEN, messageFormat: PRETTY_LINE })
      : undefined);
  return { logger: { level: settings.logLevel, ...(destination ? { stream: destination } : {}) }, logController: new OneLinePerRequest() };
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

/** Nest's start-up chatter (every module loaded, every route mapped): for debugging, not the console. */
const INITIALISATION = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory']);

/** Nest's messages as pino records, at pino's matching level; its initialisation lines at debug. */
export class NestPinoLogger extends LogSink {
  constructor(private readonly pino: FastifyBaseLogger) {
    super();
  }

  protected write({ level, message, context, stack }: LogCall): void {
    const pinoLevel = level === 'log' && context !== undefined && INITIALISATION.has(context) ? 'debug' : PINO_LEVEL[level];
    const log = this.pino[pinoLevel].bind(this.pino);
    const fields = { context, ...(stack ? { stack } : {}) };
    if (message instanceof Error) log({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') log(fields, message);
    else log({ ...fields, detail: message }, 'log');
  }
}

const PINO_LEVEL = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' } as const;
