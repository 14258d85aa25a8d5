import { keepUnchanged } from './keep-unchanged';

interface Mark { id: string; colour: string }
const keyOf = (m: Mark): string => m.id;
const same = (a: Mark, b: Mark): boolean => a.colour === b.colour;

describe(keepUnchanged.name, () => {
  const before: Mark[] = [{ id: 'a', colour: 'open' }, { id: 'b', colour: 'open' }];

  it('gives back the list held when every item is the same (a note changes no mark)', () => {
    expect(keepUnchanged(before, [{ id: 'a', colour: 'open' }, { id: 'b', colour: 'open' }], keyOf, same)).toBe(before);
  });

  it('keeps the unchanged items and takes the changed one', () => {
    const next = keepUnchanged(before, [{ id: 'a', colour: 'open' }, { id: 'b', colour: 'resolved' }], keyOf, same);
    expect(next).not.toBe(before);
    expect(next[0]).toBe(before[0]);
    expect(next[1]).toEqual({ id: 'b', colour: 'resolved' });
  });

  it('sees an added, a removed or a moved item as a change', () => {
    const c = { id: 'c', colour: 'open' };
    expect(keepUnchanged(before, [...before, c], keyOf, same)).toEqual([...before, c]);
    expect(keepUnchanged(before, [before[0]], keyOf, same)).toEqual([before[0]]);
    const moved = keepUnchanged(before, [{ ...before[1] }, { ...before[0] }], keyOf, same);
    expect(moved).toEqual([before[1], before[0]]);
    expect(moved[0]).toBe(before[1]);
  });

  it('takes the new list when nothing was held', () => {
    const next = [...before];
    expect(keepUnchanged(null, next, keyOf, same)).toBe(next);
  });
});
