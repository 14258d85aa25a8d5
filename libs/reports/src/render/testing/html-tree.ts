import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';

/** Small helpers to read the HTML report the way a browser would: parsed, not grepped. */

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];

export function parseHtml(html: string): DefaultTreeAdapterMap['document'] {
  return parse(html);
}

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function children(node: Node): Node[] {
  const own = 'childNodes' in node ? node.childNodes : [];
  // <template> content lives apart from childNodes.
  return 'content' in node ? [...own, ...node.content.childNodes] : own;
}

export function elements(root: Node, predicate: (element: Element) => boolean = () => true): Element[] {
  const found: Element[] = [];
  const walk = (node: Node): void => {
    if (isElement(node) && predicate(node)) found.push(node);
    children(node).forEach(walk);
  };
  walk(root);
  return found;
}

export function byTag(root: Node, tagName: string): Element[] {
  return elements(root, (element) => element.tagName === tagName);
}

export function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

export function textOf(node: Node): string {
  if (node.nodeName === '#text' && 'value' in node) return node.value;
  return children(node).map(textOf).join('');
}
