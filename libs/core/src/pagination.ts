import { DomainError } from './domain-error';

/** Every list route answers this shape (API.md, "Conventions"). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/**
 * Cursors are opaque to clients: base64url of the sort key of the last item returned.
 * Keyset paging keeps pages stable while rows are added, unlike OFFSET.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): (string | number)[] {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) {
      return key as (string | number)[];
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('validation_failed', 'cursor is not valid', [{ path: 'cursor', message: 'not a cursor returned by this list' }]);
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says there is a next page. */
export function toPage<R, T>(rows: R[], limit: number, toItem: (row: R) => T, keyOf: (row: R) => (string | number)[]): Page<T> {
  const hasMore = rows.length > limit;
  const shown = hasMore ? rows.slice(0, limit) : rows;
  return {
    items: shown.map(toItem),
    nextCursor: hasMore ? encodeCursor(keyOf(shown[shown.length - 1])) : null,
  };
}
