import { DomainError } from './domain-error';
import { isInt32 } from './int32';

/** Every list route answers this shape (API.md, "Conventions"). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** `?limit=&cursor=` as a list route receives them, validated by ListQueryDto. */
export interface PageQuery {
  limit?: number;
  cursor?: string;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** What one part of a cursor's key must be: `int` for sequence numbers and offsets, `string` for ids and times. */
export type CursorPart = 'int' | 'string';

/** The decoded key of a cursor of the given shape, e.g. `['int', 'string']` → `[number, string]`. */
export type CursorKey<S extends readonly CursorPart[]> = { -readonly [K in keyof S]: S[K] extends 'int' ? number : string };

// A key part goes into SQL as a parameter: numbers must be integers an INTEGER column can hold (JSON
// admits 1e999, which parses to Infinity, and PostgreSQL refuses to compare its 32-bit integers with
// anything larger), strings must be free of control characters (PostgreSQL refuses NUL).
const IS_PART: Record<CursorPart, (value: unknown) => boolean> = {
  int: isInt32,
  string: (value) => typeof value === 'string' && !/[\u0000-\u001f]/.test(value),
};
const isAnyPart = (value: unknown): boolean => IS_PART.int(value) || IS_PART.string(value);

const invalidCursor = (message = 'not a cursor returned by this list'): DomainError =>
  new DomainError('validation_failed', 'cursor is not valid', [{ path: 'cursor', message }]);

/**
 * Cursors are opaque to clients: base64url of the sort key of the last item returned.
 * Keyset paging keeps pages stable while rows are added, unlike OFFSET.
 */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/**
 * The key a cursor carries, each part checked against `shape`; anything else is 422 `validation_failed`
 * on `cursor`, never a value for the query. Given only the number of parts, a part may be either an
 * integer or a string: callers that compare it with an integer column should name the shape.
 */
export function decodeCursor<const S extends readonly CursorPart[]>(cursor: string, shape: S): CursorKey<S>;
export function decodeCursor(cursor: string, arity: number): (string | number)[];
export function decodeCursor(cursor: string, shapeOrArity: readonly CursorPart[] | number): (string | number)[] {
  const checks = typeof shapeOrArity === 'number' ? Array.from({ length: shapeOrArity }, () => isAnyPart) : shapeOrArity.map((part) => IS_PART[part]);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(key) || key.length !== checks.length || !key.every((part, i) => checks[i](part))) throw invalidCursor();
  return key as (string | number)[];
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

/**
 * Pages a short list already in its final order, for orders no column gives (a claim's thread): the
 * cursor names the last item shown by its key, and the page goes on right after that item. A cursor
 * naming no item of the list (another claim's, or one whose item was deleted since) is refused.
 */
export function pageInOrder<T>(ordered: readonly T[], query: PageQuery, keyOf: (item: T) => string): Page<T> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  let start = 0;
  if (query.cursor) {
    const [last] = decodeCursor(query.cursor, ['string']);
    const index = ordered.findIndex((item) => keyOf(item) === last);
    if (index < 0) throw invalidCursor('names nothing in this list (deleted since?): start again from the first page');
    start = index + 1;
  }
  const items = ordered.slice(start, start + limit);
  const hasMore = start + limit < ordered.length;
  return { items, nextCursor: hasMore ? encodeCursor([keyOf(items[items.length - 1])]) : null };
}
