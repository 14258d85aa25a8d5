/**
 * `next` with each item that equals the one held before under the same key replaced by that held item,
 * and `previous` itself when nothing changed: memoised children compare by identity, so a colleague's
 * note, which changes no claim's mark, redraws no paragraph of the article.
 */
export function keepUnchanged<T>(previous: readonly T[] | null, next: T[], keyOf: (item: T) => string, same: (a: T, b: T) => boolean): readonly T[] {
  if (!previous) return next;
  const held = new Map(previous.map((item) => [keyOf(item), item]));
  let changed = previous.length !== next.length;
  const kept = next.map((item, i) => {
    const before = held.get(keyOf(item));
    if (before !== undefined && same(before, item)) {
      if (previous[i] !== before) changed = true;
      return before;
    }
    changed = true;
    return item;
  });
  return changed ? kept : previous;
}
