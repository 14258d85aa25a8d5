import { claimSpanFromUtf16, ClaimSpanSelection, domPointToUtf16 } from './offsets';

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
