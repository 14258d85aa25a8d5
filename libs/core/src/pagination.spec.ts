import { DomainError } from './domain-error';
import { decodeCursor, encodeCursor, pageInOrder } from './pagination';

const cursorOf = (json: string): string => Buffer.from(json, 'utf8').toString('base64url');

/** The error a bad cursor gives: 422 validation_failed on `cursor`. */
function refusal(decode: () => unknown): DomainError {
  try {
    decode();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('the cursor was accepted');
}

describe(decodeCursor.name, () => {
  it('gives back the key of a cursor it issued, typed by its shape', () => {
    const [position, id]: [number, string] = decodeCursor(encodeCursor([42, 'c-1']), ['int', 'string']);
    expect([position, id]).toEqual([42, 'c-1']);
  });

  it.each([
    ['a string where an integer belongs', '["abc"]'],
    ['a number too large for JSON (Infinity)', '[1e999]'],
    ['a fraction', '[1.5]'],
    ['an integer past 2^53', '[9007199254740993]'],
    ['null', '[null]'],
    ['a nested array', '[[1]]'],
    ['too many parts', '[1, 2]'],
    ['no parts', '[]'],
    ['an object', '{"seq": 1}'],
    ['a bare number', '1'],
  ])('refuses %s for an integer key', (_, json) => {
    const error = refusal(() => decodeCursor(cursorOf(json), ['int']));
    expect(error.code).toBe('validation_failed');
    expect(error.details).toEqual([{ path: 'cursor', message: 'not a cursor returned by this list' }]);
  });

  it.each([
    ['not base64 of JSON', 'garbage'],
    ['empty JSON', cursorOf('')],
    ['an integer where a string belongs', cursorOf('[1]')],
    ['a control character (PostgreSQL refuses NUL)', cursorOf('["a\\u0000b"]')],
  ])('refuses %s for a string key', (_, cursor) => {
    expect(refusal(() => decodeCursor(cursor, ['string'])).code).toBe('validation_failed');
  });

  it('given only the number of parts, takes integers or strings and nothing else', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 7]), 2)).toEqual(['2026-01-01T00:00:00.000Z', 7]);
    expect(refusal(() => decodeCursor(cursorOf('[1e999, "x"]'), 2)).code).toBe('validation_failed');
    expect(refusal(() => decodeCursor(cursorOf('[true, "x"]'), 2)).code).toBe('validation_failed');
  });
});

describe(pageInOrder.name, () => {
  const notes = ['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => ({ id }));
  const keyOf = (note: { id: string }): string => note.id;

  it('walks the list page by page, every item once, in its order', () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = pageInOrder(notes, { limit: 2, cursor }, keyOf);
      seen.push(...page.items.map(keyOf));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
    expect(pages).toBe(3);
  });

  it('says there is no next page when the last page is exactly full', () => {
    const first = pageInOrder(notes, { limit: 3 }, keyOf);
    const last = pageInOrder(notes, { limit: 3, cursor: first.nextCursor ?? undefined }, keyOf);
    expect(last.items.map(keyOf)).toEqual(['n4', 'n5']);
    expect(last.nextCursor).toBeNull();
    expect(pageInOrder(notes, { limit: 5 }, keyOf).nextCursor).toBeNull();
  });

  it('gives 50 items when no limit is asked for', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ id: `n${i}` }));
    const page = pageInOrder(many, {}, keyOf);
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).not.toBeNull();
  });

  it('answers an empty list with an empty last page', () => {
    expect(pageInOrder([], {}, keyOf)).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a cursor naming nothing in the list', () => {
    const error = refusal(() => pageInOrder(notes, { cursor: encodeCursor(['elsewhere']) }, keyOf));
    expect(error.code).toBe('validation_failed');
    expect(error.details[0].path).toBe('cursor');
  });

  it('refuses a cursor whose key is not an id', () => {
    expect(refusal(() => pageInOrder(notes, { cursor: encodeCursor([3]) }, keyOf)).code).toBe('validation_failed');
  });
});
