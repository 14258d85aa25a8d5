export interface Threaded {
  id: string;
  parentId: string | null;
  createdAt: string;
}

/**
 * Thread order: each reply right after its parent, depth-first, siblings oldest first. A reply whose
 * parent is missing (never expected) is shown as a top-level note rather than lost.
 */
export function threadOrder<T extends Threaded>(notes: readonly T[]): T[] {
  const ids = new Set(notes.map((n) => n.id));
  const children = new Map<string | null, T[]>();
  for (const note of notes) {
    const parent = note.parentId !== null && ids.has(note.parentId) ? note.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(note);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const ordered: T[] = [];
  // Iterative depth-first walk: threads can be deep, recursion could overflow.
  const stack: T[] = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const note = stack.pop() as T;
    ordered.push(note);
    stack.push(...[...(children.get(note.id) ?? [])].reverse());
  }
  return ordered;
}
