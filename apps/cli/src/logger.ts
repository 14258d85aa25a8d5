import type { LoggerService, LogLevel } from '@nestjs/common';
import { inspect } from 'node:util';
import type { Settings } from '@claimdesk/core';
import type { Output } from './cli-io';

/** LOG_LEVEL (pino's names, as the API reads it) → the Nest levels it lets through. */
const ENABLED: Record<Settings['logLevel'], readonly LogLevel[]> = {
  silent: [],
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/**
 * The desk's log lines, one per line on stderr, so that stdout carries only what a command prints.
 * Plain text rather than the API's JSON: a person reads these at a terminal.
 */
export class CliLogger implements LoggerService {
  private readonly enabled: ReadonlySet<LogLevel>;

  constructor(private readonly out: Output, level: Settings['logLevel'], private readonly withStacks = false) {
    this.enabled = new Set(ENABLED[level]);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.print('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.print('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.print('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.print('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.print('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.print('fatal', message, rest);
  }

  private print(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.enabled.has(level)) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const context = rest.length > 0 && typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const text = typeof message === 'string' ? message : typeof (message as Error)?.message === 'string' ? (message as Error).message : inspect(message, { depth: 4 });
    let line = `claimdesk [${level === 'log' ? 'info' : level}]${context ? ` ${context}:` : ''} ${text}\n`;
    if (this.withStacks && stack) line += `${stack}\n`;
    this.out.write(line);
  }
}
