import type { LoggerService, LogLevel } from '@nestjs/common';

/** One of Nest's log calls, its trailing arguments read. */
export interface LogCall {
  readonly level: LogLevel;
  readonly message: unknown;
  /** The class or module that logged, when given. */
  readonly context?: string;
  /** An error's stack, when given. */
  readonly stack?: string;
}

/**
 * A Nest logger that hands every call to `write` as one record. Nest passes (message, context) or,
 * for errors, (message, stack, context); the API writes pino JSON and the CLI plain lines.
 */
export abstract class LogSink implements LoggerService {
  log(message: unknown, ...rest: unknown[]): void {
    this.write(readCall('log', message, rest));
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write(readCall('error', message, rest));
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write(readCall('warn', message, rest));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write(readCall('debug', message, rest));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write(readCall('verbose', message, rest));
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write(readCall('fatal', message, rest));
  }

  protected abstract write(call: LogCall): void;
}

function readCall(level: LogLevel, message: unknown, rest: unknown[]): LogCall {
  const last = rest[rest.length - 1];
  const context = rest.length > 0 && typeof last === 'string' ? last : undefined;
  const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
  return { level, message, context, stack };
}
