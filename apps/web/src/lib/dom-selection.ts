import { claimSpanFromUtf16, ClaimSpanSelection, domPointToUtf16, RUN_OFFSET_ATTRIBUTE } from './offsets';

/**
 * The current document selection as a claim span of the article rendered in `root`, or null. A
 * selection that starts or ends outside the article (a drag past its edge) is cut at the article's edge.
 */
export function readArticleSelection(root: HTMLElement, text: string): ClaimSpanSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed || !selection.anchorNode || !selection.focusNode) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(root)) return null;
  const point = (node: Node, offset: number): number => {
    const inside = domPointToUtf16(root, node, offset);
    if (inside !== null) return inside;
    return root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING ? text.length : 0;
  };
  return claimSpanFromUtf16(text, point(selection.anchorNode, selection.anchorOffset), point(selection.focusNode, selection.focusOffset));
}

export function clearDocumentSelection(): void {
  window.getSelection()?.removeAllRanges();
}

/** True when a key press belongs to a form field, not to the page's shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.article-text')) return false; // the article in caret mode takes no typing
  if (target instanceof HTMLInputElement) return !['radio', 'checkbox', 'button', 'submit', 'reset', 'range'].includes(target.type);
  return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
}

/** The text node and offset inside `root` at UTF-16 offset `offset` of the article, from the runs' offsets. */
function domPointAt(root: HTMLElement, offset: number): [Node, number] | null {
  const runs = root.querySelectorAll<HTMLElement>(`[${RUN_OFFSET_ATTRIBUTE}]`);
  let found: HTMLElement | null = null;
  for (const run of runs) {
    if (Number(run.getAttribute(RUN_OFFSET_ATTRIBUTE)) <= offset) found = run;
    else break;
  }
  const node = found?.firstChild;
  if (!found || !node || node.nodeType !== Node.TEXT_NODE) return null;
  const inside = offset - Number(found.getAttribute(RUN_OFFSET_ATTRIBUTE));
  return inside <= (node as Text).data.length ? [node, inside] : null;
}

/**
 * Selects [startUtf16, endUtf16) of the article rendered in `root`, unless the document already has
 * exactly that selection (re-selecting would disturb a keyboard selection in progress).
 */
export function restoreArticleSelection(root: HTMLElement, startUtf16: number, endUtf16: number): void {
  const selection = window.getSelection();
  if (!selection) return;
  if (selection.rangeCount > 0 && !selection.isCollapsed) {
    const current = selection.getRangeAt(0);
    const from = domPointToUtf16(root, current.startContainer, current.startOffset);
    const to = domPointToUtf16(root, current.endContainer, current.endOffset);
    if (from !== null && to !== null && from <= startUtf16 && to >= endUtf16) return;
  }
  const start = domPointAt(root, startUtf16);
  const end = domPointAt(root, endUtf16);
  if (!start || !end) return;
  const range = document.createRange();
  range.setStart(start[0], start[1]);
  range.setEnd(end[0], end[1]);
  selection.removeAllRanges();
  selection.addRange(range);
}
