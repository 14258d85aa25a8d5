import { threadOrder } from './thread-order';

const note = (id: string, parentId: string | null, minute: number) => ({ id, parentId, createdAt: `2026-11-29T10:${String(minute).padStart(2, '0')}:00.000Z` });

describe(threadOrder.name, () => {
  it('puts each reply after its parent, depth-first, oldest first', () => {
    const notes = [note('b', null, 2), note('a1', 'a', 3), note('a', null, 1), note('a1x', 'a1', 5), note('a2', 'a', 4), note('b1', 'b', 6)];
    expect(threadOrder(notes).map((n) => n.id)).toEqual(['a', 'a1', 'a1x', 'a2', 'b', 'b1']);
  });

  it('keeps a reply whose parent is missing as a top-level note', () => {
    expect(threadOrder([note('r', 'gone', 1), note('a', null, 2)]).map((n) => n.id)).toEqual(['r', 'a']);
  });

  it('handles very deep threads', () => {
    const deep = Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, parentId: i === 0 ? null : `n${i - 1}`, createdAt: String(i).padStart(6, '0') }));
    expect(threadOrder(deep)).toHaveLength(20_000);
  });
});
