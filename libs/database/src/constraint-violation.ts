import { DomainError } from '@claimdesk/core';

interface DriverError {
  code?: unknown;
  constraint?: unknown;
  message?: unknown;
}

const driverErrorOf = (error: unknown): DriverError | undefined => {
  const driverError = (error as { driverError?: unknown } | null)?.driverError;
  return typeof driverError === 'object' && driverError !== null ? (driverError as DriverError) : undefined;
};

/** The partial unique index behind "a claim has at most one published verdict" (migration 1765000000500). */
export const ONE_PUBLISHED_VERDICT_INDEX = 'ux_verdicts_one_published_per_claim';

/**
 * The answer to a constraint the database enforced because two requests raced: the services check
 * first (duplicates, existence, the verdict workflow), so a violation that still reaches the edge can
 * only come from a concurrent request that committed between the check and the write. A duplicate is
 * 409 `already_exists` (a second published verdict is 409 `invalid_transition`); a row that refers to
 * one deleted meanwhile is 404 `not_found`, as it would have been a moment later. Anything else: null.
 * Both engines: PostgreSQL's SQLSTATEs and better-sqlite3's extended result codes.
 */
export function constraintViolation(error: unknown): DomainError | null {
  const driverError = driverErrorOf(error);
  const code = typeof driverError?.code === 'string' ? driverError.code : '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const where = `${String(driverError?.constraint ?? '')} ${String(driverError?.message ?? '')}`;
    if (where.includes(ONE_PUBLISHED_VERDICT_INDEX) || where.includes('verdicts.claim_id')) {
      return new DomainError('invalid_transition', 'another verdict of this claim was published meanwhile; publish a correction that supersedes it');
    }
    return new DomainError('already_exists', 'it was created meanwhile by another request');
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new DomainError('not_found', 'what this refers to was deleted meanwhile');
  }
  return null;
}
