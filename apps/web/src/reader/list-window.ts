/**
 * Which claims the list draws: the first `head` ones (grown as the list's end comes into view), and
 * when the selected claim lies beyond them, the few around it (`around`). A list of 5,000 claims drawn
 * whole cost more than the article's text to draw, and the browser then checked each of its items
 * against the viewport on every frame, typing included; opening a claim far down adds a score of items.
 */
export interface ListWindow {
  head: number;
  around: { from: number; to: number } | null;
}

export const LIST_STEP = 200;
/** Claims drawn on either side of a selected claim beyond the head. */
export const NEAR = 10;

export const FIRST_WINDOW: ListWindow = { head: LIST_STEP, around: null };

/** The window that shows the claim at `selectedAt` (-1: none) of `length`, changed as little as may be. */
export function listWindow(held: ListWindow, length: number, selectedAt: number): ListWindow {
  let next = held;
  if (next.around && next.around.from >= length) next = { ...next, around: null };
  const shown = selectedAt < 0 || selectedAt < next.head || (next.around !== null && selectedAt >= next.around.from && selectedAt < next.around.to);
  if (!shown) next = { head: next.head, around: { from: Math.max(next.head, selectedAt - NEAR), to: Math.min(length, selectedAt + NEAR + 1) } };
  // Around that meets the head is part of it.
  if (next.around && next.around.from <= next.head) next = { head: Math.max(next.head, next.around.to), around: null };
  return next.head === held.head && next.around?.from === held.around?.from && next.around?.to === held.around?.to ? held : next;
}

/** The head grown by a step (the list's end came into view, or "show more"). */
export const grown = (held: ListWindow, by = LIST_STEP): ListWindow => listWindow({ ...held, head: held.head + by }, Number.MAX_SAFE_INTEGER, -1);
