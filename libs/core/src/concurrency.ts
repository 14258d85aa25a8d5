import { DomainError } from './domain-error';

/**
 * Optimistic concurrency: a client that sent `If-Match` must have seen the current version.
 * Without `If-Match` the change applies (last writer wins), as API.md allows.
 */
export function assertVersion(expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) {
    throw new DomainError('version_conflict', `the resource is at version ${actual}, not ${expected}`);
  }
}

/** The row changed between our read and our write: another writer won the race. */
export const versionConflict = (): DomainError =>
  new DomainError('version_conflict', 'the resource was changed meanwhile; reload it and try again');
