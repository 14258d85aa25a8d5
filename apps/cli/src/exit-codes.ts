import { DomainError, SettingsError } from '@claimdesk/core';

/** What scripts can rely on; documented in `claimdesk --help` and docs/cli.md. */
export const ExitCode = {
  ok: 0,
  failure: 1,
  usage: 2,
  notFound: 3,
  refused: 4,
  config: 78, // EX_CONFIG from sysexits.h, as the API's main.ts uses
} as const;

export const EXIT_CODES_HELP = [
  'Exit codes:',
  '  0   success',
  '  1   failure (any error not listed below; the message starts with its code)',
  '  2   usage error: unknown command or option, missing or invalid argument',
  '  3   not found: the article, user or input file named does not exist',
  '  4   refused: an existing file or database would be replaced (use --force), a database in use, backup or restore of PostgreSQL',
  '  78  configuration error: a bad environment variable (the message names it)',
].join('\n');

/** The command line was not understood; the message says what to fix. */
export class UsageError extends Error {
  readonly code = 'usage';
  constructor(message: string, readonly command?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The command could run but will not, to protect something (a file, a database engine it cannot copy). */
export class RefusedError extends Error {
  readonly code = 'refused';
  constructor(message: string) {
    super(message);
    this.name = 'RefusedError';
  }
}

/** The environment is not usable; like SettingsError, the message names the variable. */
export class ConfigError extends Error {
  readonly code = 'config';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return ExitCode.usage;
  if (error instanceof RefusedError) return ExitCode.refused;
  if (error instanceof ConfigError || error instanceof SettingsError) return ExitCode.config;
  if (error instanceof DomainError) return error.code === 'not_found' ? ExitCode.notFound : ExitCode.failure;
  return ExitCode.failure;
}

/** An error's message; errors from Node's internals may come from another realm (jest), so no instanceof. */
export function messageOf(error: unknown): string {
  const message = (error as Error | undefined)?.message;
  return typeof message === 'string' && message !== '' ? message : String(error);
}

/** `code: message`, then one line per field detail, then the stack when asked for. */
export function describeError(error: unknown, verbose: boolean): string {
  const lines: string[] = [];
  if (error instanceof DomainError) {
    lines.push(`${error.code}: ${error.message}`);
    for (const detail of error.details) {
      if (detail.message !== error.message) lines.push(`  ${detail.path || '(input)'}: ${detail.message}`);
    }
  } else if (error instanceof UsageError || error instanceof RefusedError || error instanceof ConfigError) {
    lines.push(`${error.code}: ${error.message}`);
  } else if (error instanceof SettingsError) {
    lines.push(`config: ${error.message}`);
  } else {
    lines.push(messageOf(error));
  }
  const stack = (error as Error | undefined)?.stack;
  if (verbose && typeof stack === 'string') lines.push(stack);
  return lines.join('\n');
}
