import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from '@claimdesk/core';

/** Which part of the database is away: it cannot be reached at all, or it cannot store writes. */
export type FaultKind = 'unreachable' | 'not_writable';

export interface DatabaseFault {
  kind: FaultKind;
  /** The driver's code (SQLITE_FULL, 57P01, ECONNREFUSED) and message, for /health and the log. */
  reason: string;
}

/** SQLite's answers that mean the file cannot take writes now (disk full, I/O error, read-only, locked, broken). */
const SQLITE_NOT_WRITABLE = /^SQLITE_(FULL|IOERR|READONLY|BUSY|LOCKED|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOMEM)/;
/** PostgreSQL classes 08 (connection), 53 (insufficient resources: disk full, too many connections), 57P (shut down), 58 (I/O). */
const POSTGRES_UNREACHABLE = /^(08|57P0[1-3])/;
const POSTGRES_NOT_WRITABLE = /^(53|58|25006)/;
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** node-postgres reports a lost or unobtainable connection in words only. */
const POSTGRES_CONNECTION_LOST = /Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|not queryable|The database connection is not open/i;

const codeOf = (error: unknown): string => {
  const candidate = error as { driverError?: { code?: unknown }; code?: unknown } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : '';
};

/** Whether `error` says the database is away (rather than that the request was wrong), and which part. */
export function databaseFaultOf(error: unknown): DatabaseFault | null {
  if (error instanceof WriteNotCommitted) return { kind: 'not_writable', reason: error.message };
  if (!(error instanceof Error)) return null;
  // TypeORM releases a PostgreSQL query runner whose connection broke; the transaction's next query meets this.
  if (error instanceof QueryRunnerProviderAlreadyReleasedError || error instanceof QueryRunnerAlreadyReleasedError) {
    return { kind: 'unreachable', reason: `connection lost mid-transaction (${error.message})` };
  }
  const code = codeOf(error);
  const reason = `${code ? `${code}: ` : ''}${error.message}`;
  if (SQLITE_NOT_WRITABLE.test(code) || POSTGRES_NOT_WRITABLE.test(code)) return { kind: 'not_writable', reason };
  if (POSTGRES_UNREACHABLE.test(code) || SOCKET_CODES.has(code) || POSTGRES_CONNECTION_LOST.test(error.message)) return { kind: 'unreachable', reason };
  return null;
}

/** How long a client should wait before trying again (Retry-After). */
const RETRY_AFTER_SECONDS = 5;

/** The answer to a request the database could not serve: 503 `database_unavailable`, never a 2xx. */
export function databaseUnavailable(error: unknown): DomainError | null {
  const fault = databaseFaultOf(error);
  if (!fault) return null;
  return new DomainError(
    'database_unavailable',
    fault.kind === 'unreachable'
      ? 'the database cannot be reached; nothing was changed, try again shortly'
      : 'the database cannot store changes right now (e.g. its disk is full); nothing was changed, try again shortly',
    [],
    RETRY_AFTER_SECONDS,
  );
}

/** A COMMIT that failed or did not end the transaction: the change is rolled back and must not be acknowledged. */
export class WriteNotCommitted extends Error {
  constructor(override readonly cause: unknown) {
    super(`the commit did not complete (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'WriteNotCommitted';
  }
}
