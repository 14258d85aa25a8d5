import type { LogLevel } from '@nestjs/common';
import { inspect } from 'node:util';
import { LogCall, LogSink, Settings } from '@claimdesk/core';
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
export class CliLogger extends LogSink {
  private readonly enabled: ReadonlySet<LogLevel>;

  constructor(private readonly out: Output, level: Settings['logLevel'], private readonly withStacks = false) {
    super();
    this.enabled = new Set(ENABLED[level]);
  }

  protected write({ level, message, context, stack }: LogCall): void {
    if (!this.enabled.has(level)) return;
    const text = typeof message === 'string' ? message : typeof (message as Error)?.message === 'string' ? (message as Error).message : inspect(message, { depth: 4 });
    let line = `claimdesk [${level === 'log' ? 'info' : level}]${context ? ` ${context}:` : ''} ${text}\n`;
    if (this.withStacks && stack) line += `${stack}\n`;
    this.out.write(line);
  }
}
