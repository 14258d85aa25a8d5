import { MAX_DEPTH } from './html';
import { readMarkup, VOID_ELEMENTS } from './markup-reader';
import { matcherFor, tagNamesOf } from './page-selector';
import { readKeptMarkup } from './strip-page';

/**
 * A small DOM for reading a news page (issue 14): the part of the DOM that Mozilla's Readability (0.6),
 * the page metadata and the text conversion use, and nothing else (no events, no live collections, no
 * CSS engine). linkedom spent most of a 1 MB page's import building and walking its general DOM; this
 * one keeps children as plain linked lists and each element's text cached until its subtree changes.
 *
 * Where the two differ, this one does what linkedom does on the same input, so that the article found
 * is the same: text nodes are created per parser event (not merged), a `class` attribute is stored with
 * its tokens de-duplicated, `getElementsByTagName` compares names exactly (or upper-cased) while
 * selectors ignore case, and a missing `<head>`/`<body>` is created on first use. One difference is on
 * purpose: elements nest at most MAX_DEPTH (64) deep, so that hostile markup costs linear time.
 */
export abstract class PageNode {
  abstract get nodeType(): number;
  abstract get nodeName(): string;
  parentNode: PageParent | null = null;
  nextSibling: PageNode | null = null;
  previousSibling: PageNode | null = null;

  constructor(readonly ownerDocument: PageDocument) {}

  abstract get textContent(): string;

  get nextElementSibling(): PageElement | null {
    let next = this.nextSibling;
    while (next !== null && !(next instanceof PageElement)) next = next.nextSibling;
    return next;
  }

  get previousElementSibling(): PageElement | null {
    let previous = this.previousSibling;
    while (previous !== null && !(previous instanceof PageElement)) previous = previous.previousSibling;
    return previous;
  }

  get parentElement(): PageElement | null {
    return this.parentNode instanceof PageElement ? this.parentNode : null;
  }

  /** Whether `other` is this node or under it. */
  contains(other: PageNode | null): boolean {
    for (let node: PageNode | null = other; node !== null; node = node.parentNode) if (node === this) return true;
    return false;
  }

  remove(): void {
    this.parentNode?.removeChild(this);
  }
}

export class PageText extends PageNode {
  // Getters, not fields: a page has tens of thousands of nodes, each field is memory the collector copies.
  get nodeType(): number {
    return TEXT_NODE;
  }

  get nodeName(): string {
    return '#text';
  }

  constructor(ownerDocument: PageDocument, public data: string) {
    super(ownerDocument);
  }

  get textContent(): string {
    return this.data;
  }

  get nodeValue(): string {
    return this.data;
  }

  /** A text node has no children (Readability asks every node). */
  get firstChild(): null {
    return null;
  }

  get lastChild(): null {
    return null;
  }

  get childNodes(): PageNode[] {
    return [];
  }
}

/** An element or the document: what has children. */
export abstract class PageParent extends PageNode {
  firstChild: PageNode | null = null;
  lastChild: PageNode | null = null;
  /** The text of the subtree, kept until something in it changes (Readability asks for it again and again). */
  private text: string | null = null;
  /** The elements of the subtree by name, and what `remembered` keeps; forgotten when the subtree changes. */
  private census: Census | null = null;
  private memo: Map<string, unknown> | null = null;
  /**
   * Whether this node may keep an answer (text, census, memo). Whenever it is true here it is true of
   * every element below, so forgetting after a change stops at the first node up where it is false:
   * nothing above keeps anything. Without it each change walked up to the root, and markup nested
   * thousands deep cost depth × changes (quadratic; CI found it on `<div><b>` repeated).
   */
  private keeping = false;

  get childNodes(): PageNode[] {
    const nodes: PageNode[] = [];
    for (let child = this.firstChild; child !== null; child = child.nextSibling) nodes.push(child);
    return nodes;
  }

  get children(): PageElement[] {
    const elements: PageElement[] = [];
    for (let child = this.firstChild; child !== null; child = child.nextSibling) if (child instanceof PageElement) elements.push(child);
    return elements;
  }

  get firstElementChild(): PageElement | null {
    let child = this.firstChild;
    while (child !== null && !(child instanceof PageElement)) child = child.nextSibling;
    return child;
  }

  get lastElementChild(): PageElement | null {
    let child = this.lastChild;
    while (child !== null && !(child instanceof PageElement)) child = child.previousSibling;
    return child;
  }

  /**
   * Built bottom-up without recursion (markup may nest deeper than the stack): each element's text is
   * its children's joined, and is kept for the next question, so asking a block after its paragraphs
   * costs one join per child.
   */
  get textContent(): string {
    if (this.text !== null) return this.text;
    const stack: Array<{ node: PageParent; text: string; next: PageNode | null }> = [{ node: this, text: '', next: this.firstChild }];
    for (;;) {
      const top = stack[stack.length - 1] as (typeof stack)[number];
      const child = top.next;
      if (child === null) {
        stack.pop();
        if (this.ownerDocument.mayKeep(top.text.length)) {
          top.node.text = top.text;
          top.node.keep();
        }
        const parent = stack[stack.length - 1];
        if (parent === undefined) return top.text;
        parent.text += top.text;
      } else {
        top.next = child.nextSibling;
        if (child instanceof PageText) top.text += child.data;
        else if (child instanceof PageParent && child.text !== null) top.text += child.text;
        else if (child instanceof PageParent) stack.push({ node: child, text: '', next: child.firstChild });
      }
    }
  }

  hasChildNodes(): boolean {
    return this.firstChild !== null;
  }

  appendChild<T extends PageNode>(node: T): T {
    return this.insertBefore(node, null);
  }

  insertBefore<T extends PageNode>(node: T, before: PageNode | null): T {
    // As in the DOM: inserting a node before itself leaves it where it is.
    if (before === node) before = node.nextSibling;
    node.parentNode?.removeChild(node);
    link(this, node, before);
    this.changed();
    return node;
  }

  removeChild<T extends PageNode>(node: T): T {
    if (node.parentNode !== this) throw new Error('removeChild: not a child of this node');
    if (node.previousSibling === null) this.firstChild = node.nextSibling;
    else node.previousSibling.nextSibling = node.nextSibling;
    if (node.nextSibling === null) this.lastChild = node.previousSibling;
    else node.nextSibling.previousSibling = node.previousSibling;
    node.parentNode = node.nextSibling = node.previousSibling = null;
    this.changed();
    return node;
  }

  replaceChild<T extends PageNode>(node: PageNode, old: T): T {
    if (node === old) return old;
    const before = old.nextSibling === node ? node.nextSibling : old.nextSibling;
    this.removeChild(old);
    this.insertBefore(node, before);
    return old;
  }

  /** Elements named `tag` (or `*`) under this one, in document order; names compared as linkedom does. */
  getElementsByTagName(tag: string): PageElement[] {
    if (tag === '*') return this.elementsWhere(() => true);
    return this.elementsNamed((name) => name === tag || name.toUpperCase() === tag);
  }

  querySelectorAll(selectors: string): PageElement[] {
    const names = tagNamesOf(selectors);
    if (names !== null) return this.elementsNamed((name) => names.has(name.toLowerCase()));
    return this.elementsWhere(matcherFor(selectors));
  }

  /** What `compute` says of this subtree, kept until the subtree (or an attribute in it) changes. */
  remember<T>(key: string, compute: () => T): T {
    if (this.memo?.has(key)) return this.memo.get(key) as T;
    const value = compute();
    if (this.ownerDocument.mayKeep(typeof value === 'string' ? value.length : 1)) {
      (this.memo ??= new Map()).set(key, value);
      this.keep();
    }
    return value;
  }

  querySelector(selectors: string): PageElement | null {
    const matches = matcherFor(selectors);
    for (let node = this.firstChild; node !== null; node = following(node, this)) if (node instanceof PageElement && matches(node)) return node;
    return null;
  }

  /** Forgets the cached text of this node and of everything above it. */
  protected changed(): void {
    for (let node: PageParent | null = this; node !== null && node.keeping; node = node.parentNode) {
      node.keeping = false;
      node.text = null;
      node.census = null;
      node.memo = null;
    }
  }

  /** An attribute changed here: what was remembered of this subtree and those above may depend on it. */
  protected attributeChanged(): void {
    for (let node: PageParent | null = this; node !== null && node.keeping; node = node.parentNode) node.memo = null;
  }

  /** Marks this subtree as keeping (see `keeping`), skipping the parts already marked: they are marked throughout. */
  private keep(): void {
    if (this.keeping) return;
    this.keeping = true;
    let node = this.firstChild;
    while (node !== null) {
      const descend = node instanceof PageParent && !node.keeping && node.firstChild !== null;
      if (node instanceof PageParent) node.keeping = true;
      node = descend ? (node as PageParent).firstChild : after(node, this);
    }
  }

  /**
   * The elements under this node whose name passes `wanted`, in document order. Readability asks the
   * same subtree for one tag after another (p, img, li, input, a, headings, lists, embeds…): one walk
   * sorts the subtree by name, and each question then costs what it finds.
   */
  private elementsNamed(wanted: (name: string) => boolean): PageElement[] {
    let census = this.census;
    if (census === null) {
      census = new Map();
      let count = 0;
      for (let node = this.firstChild; node !== null; node = following(node, this)) {
        if (!(node instanceof PageElement)) continue;
        const named = census.get(node.localName);
        if (named === undefined) census.set(node.localName, [node]);
        else named.push(node);
        count++;
      }
      if (this.ownerDocument.mayKeep(count)) {
        this.census = census;
        this.keep();
      }
    }
    let found: PageElement[] | undefined;
    for (const [name, elements] of census) {
      if (!wanted(name)) continue;
      // Several names: one walk keeps their document order.
      if (found !== undefined) return this.elementsWhere((element) => wanted(element.localName));
      found = elements;
    }
    return found === undefined ? [] : found.slice();
  }

  private elementsWhere(test: (element: PageElement) => boolean): PageElement[] {
    const found: PageElement[] = [];
    for (let node = this.firstChild; node !== null; node = following(node, this)) if (node instanceof PageElement && test(node)) found.push(node);
    return found;
  }
}

/** An attribute as Readability copies it from one element to another (`attributes[i].cloneNode()`). */
export class PageAttribute {
  constructor(readonly name: string, public value: string) {}

  cloneNode(): PageAttribute {
    return new PageAttribute(this.name, this.value);
  }
}

export class PageElement extends PageParent {
  /** Shared and frozen while the element has none (most have none). */
  attributes: readonly PageAttribute[] = NO_ATTRIBUTES;
  /** Readability keeps its scores on the elements it reads. */
  [readabilityData: string]: unknown;

  /** Upper case, as HTML elements report it (kept: Readability compares it for every node it walks). */
  readonly tagName: string;

  constructor(ownerDocument: PageDocument, readonly localName: string) {
    super(ownerDocument);
    this.tagName = upperCase(localName);
  }

  get nodeType(): number {
    return ELEMENT_NODE;
  }

  get nodeName(): string {
    return this.tagName;
  }

  get id(): string {
    return this.getAttribute('id') ?? '';
  }

  get className(): string {
    return this.getAttribute('class') ?? '';
  }

  /** Only what Readability reads of an element's style: its inline `display` and `visibility`. */
  get style(): Readonly<{ display: string; visibility: string }> {
    const style = this.getAttribute('style');
    if (style === null) return NO_STYLE;
    const declared = inlineStyle(style);
    return { display: declared.get('display') ?? '', visibility: declared.get('visibility') ?? '' };
  }

  getAttribute(name: string): string | null {
    return this.attributeNamed(name)?.value ?? null;
  }

  /** This element or its nearest ancestor that `selectors` matches (page-metadata.ts: a byline outside asides). */
  closest(selectors: string): PageElement | null {
    const matches = matcherFor(selectors);
    for (let node: unknown = this; node instanceof PageElement; node = node.parentNode) if (matches(node)) return node;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.attributeNamed(name) !== undefined;
  }

  setAttribute(name: string, value: string): void {
    const attribute = this.attributeNamed(name);
    if (attribute === undefined) this.attributes = [...this.attributes, new PageAttribute(name, String(value))];
    else attribute.value = String(value);
    this.attributeChanged();
  }

  setAttributeNode(attribute: PageAttribute): void {
    this.setAttribute(attribute.name, attribute.value);
  }

  removeAttribute(name: string): void {
    const index = this.attributes.findIndex((attribute) => attribute.name === name);
    if (index < 0) return;
    this.attributes = this.attributes.filter((_, i) => i !== index);
    this.attributeChanged();
  }

  get innerHTML(): string {
    let html = '';
    for (let child = this.firstChild; child !== null; child = child.nextSibling) html += serialize(child);
    return html;
  }

  set innerHTML(html: string) {
    while (this.firstChild !== null) this.removeChild(this.firstChild);
    buildInto(this, html);
    this.changed();
  }

  get outerHTML(): string {
    return serialize(this);
  }

  private attributeNamed(name: string): PageAttribute | undefined {
    for (const attribute of this.attributes) if (attribute.name === name) return attribute;
    return undefined;
  }
}

export class PageDocument extends PageParent {
  get nodeType(): number {
    return DOCUMENT_NODE;
  }

  get nodeName(): string {
    return '#document';
  }

  /** Links are never resolved (the desk keeps text); Readability only compares the two. */
  readonly baseURI = 'about:blank';
  readonly documentURI = 'about:blank';
  /**
   * What the nodes may keep in all (characters of text, elements of a census, answers): a few times a
   * real page's needs. Deep markup keeps a copy of its text and a list of its elements at every level
   * (up to MAX_DEPTH levels: a large page 64 deep would keep 64 copies); past the budget, answers are
   * computed afresh.
   */
  private keepable = KEEPABLE;

  /** A document is its own owner, which it cannot pass to its own constructor. */
  constructor() {
    super(undefined as unknown as PageDocument);
    (this as { ownerDocument: PageDocument }).ownerDocument = this;
  }

  get documentElement(): PageElement | null {
    return this.firstElementChild;
  }

  /** As in linkedom: the document element's first child if it is a `<head>`, else one is created there. */
  get head(): PageElement {
    const root = this.documentElement ?? this.appendChild(this.createElement('html'));
    const first = root.firstElementChild;
    if (first !== null && first.tagName === 'HEAD') return first;
    return root.insertBefore(this.createElement('head'), root.firstChild);
  }

  /** The element after `<head>` if it is a `<body>`, else one is created there. */
  get body(): PageElement {
    const head = this.head;
    const next = head.nextElementSibling;
    if (next !== null && next.tagName === 'BODY') return next;
    return (head.parentNode as PageParent).insertBefore(this.createElement('body'), head.nextSibling);
  }

  get title(): string {
    return this.head.getElementsByTagName('title')[0]?.textContent || '';
  }

  /** Whether `units` more may be kept (see `keepable`), counting them if so. */
  mayKeep(units: number): boolean {
    if (units > this.keepable) return false;
    this.keepable -= units;
    return true;
  }

  createElement(tag: string): PageElement {
    return new PageElement(this, tag);
  }

  createTextNode(data: string): PageText {
    return new PageText(this, data);
  }
}

/** The elements of a subtree by their name as written, each list in document order. */
type Census = Map<string, PageElement[]>;

/** `node.remember(key, compute)` for this DOM's nodes; any other node computes every time. */
export function remembered<T>(node: unknown, key: string, compute: () => T): T {
  return node instanceof PageParent ? node.remember(key, compute) : compute();
}

const KEEPABLE = 16_000_000;

const NO_STYLE = Object.freeze({ display: '', visibility: '' });
const NO_ATTRIBUTES: readonly PageAttribute[] = Object.freeze([]);

/** Upper-case names, one string per name (not one per element) for the names pages use. */
const upperCases = new Map<string, string>();
function upperCase(name: string): string {
  let upper = upperCases.get(name);
  if (upper !== undefined) return upper;
  upper = name.toUpperCase();
  if (upperCases.size < 1_000) upperCases.set(name, upper); // a page may invent any number of names
  return upper;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;

/** Puts a parentless `node` under `parent`, before `before` (at the end if null). */
function link(parent: PageParent, node: PageNode, before: PageNode | null): void {
  node.parentNode = parent;
  node.nextSibling = before;
  node.previousSibling = before === null ? parent.lastChild : before.previousSibling;
  if (node.previousSibling === null) parent.firstChild = node;
  else node.previousSibling.nextSibling = node;
  if (before === null) parent.lastChild = node;
  else before.previousSibling = node;
}

/** The node after `node` in document order, staying under `root`. */
function following(node: PageNode, root: PageNode): PageNode | null {
  if (node instanceof PageParent && node.firstChild !== null) return node.firstChild;
  return after(node, root);
}

/** The node after `node`'s subtree in document order, within `root`. */
function after(node: PageNode, root: PageNode): PageNode | null {
  for (let current: PageNode | null = node; current !== null && current !== root; current = current.parentNode) {
    if (current.nextSibling !== null) return current.nextSibling;
  }
  return null;
}

/** `a: b; c: d` → its declarations, as linkedom reads them (names as written, the last one wins). */
export function inlineStyle(style: string): Map<string, string> {
  const declared = new Map<string, string>();
  for (const rule of style.split(/\s*;\s*/)) {
    const [key = '', ...rest] = rule.split(':');
    if (rest.length === 0) continue;
    const value = rest.join(':').trim();
    if (key.trim() && value) declared.set(key.trim(), value);
  }
  return declared;
}

/** A `class` attribute as linkedom stores it: its tokens, each once, joined by one space. */
export function classTokens(value: string): string {
  if (!/\s/.test(value)) return value; // one token (most classes): nothing to do
  return [...new Set(value.split(/\s+/).filter((token) => token !== ''))].join(' ');
}

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function serialize(node: PageNode): string {
  if (node instanceof PageText) return escapeText(node.data);
  if (!(node instanceof PageElement)) return '';
  const attributes = node.attributes.map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${a.value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)).join('');
  if (VOID_ELEMENTS.has(node.localName.toLowerCase())) return `<${node.localName}${attributes}>`;
  return `<${node.localName}${attributes}>${node.innerHTML}</${node.localName}>`;
}

/**
 * Parser events → nodes under `root`, as linkedom builds them (htmlparser2's events, markup-reader.ts): one text node
 * per text event, a `class` attribute's tokens de-duplicated, comments and the doctype left out.
 */
export class PageBuilder {
  private current: PageParent;
  /** How deep `current` is under the root, and how many opened elements were kept flat at the limit. */
  private depth = 0;
  private flattened = 0;

  constructor(private readonly root: PageParent) {
    this.current = root;
  }

  open(name: string, attributes: Record<string, string>): void {
    const element = this.current.ownerDocument.createElement(name);
    const keys = Object.keys(attributes);
    if (keys.length > 0) element.attributes = keys.map((key) => new PageAttribute(key, key === 'class' ? classTokens(attributes[key] as string) : (attributes[key] as string)));
    // A new node under a node being built: no text is cached yet, nothing to forget.
    link(this.current, element, null);
    // Deeper than MAX_DEPTH an element is added empty beside the others at that depth, and what it
    // holds goes on in the element at the limit: the text stays whole and in order.
    if (this.depth >= MAX_DEPTH) {
      this.flattened++;
      return;
    }
    this.current = element;
    this.depth++;
  }

  /** `joins`: the text continues the last text node (see KeptMarkup). */
  text(data: string, joins = false): void {
    const last = this.current.lastChild;
    if (joins && last instanceof PageText) last.data += data;
    else link(this.current, this.current.ownerDocument.createTextNode(data), null);
  }

  close(): void {
    if (this.flattened > 0) this.flattened--;
    else if (this.current !== this.root) {
      this.current = this.current.parentNode ?? this.root;
      this.depth--;
    }
  }
}

/** Parses `html` into `root`'s children (see PageBuilder). */
function buildInto(root: PageParent, html: string): void {
  const builder = new PageBuilder(root);
  readMarkup(html, {
    open: (name, attributes) => builder.open(name, attributes),
    text: (text) => builder.text(text),
    close: () => builder.close(),
  }, { decodeEntities: true, lowerCaseAttributeNames: false });
}

/** An HTML page → a PageDocument. */
export function parsePage(html: string): PageDocument {
  const document = new PageDocument();
  buildInto(document, html);
  return document;
}

/**
 * An HTML page → a PageDocument of what the pre-pass keeps (strip-page.ts), in one reading: the
 * document `parsePage(stripPage(html))` gives, without writing the kept HTML and parsing it again.
 */
export function readPage(html: string): PageDocument {
  const document = new PageDocument();
  const builder = new PageBuilder(document);
  readKeptMarkup(html, {
    doctype: () => undefined,
    open: (name, attributes) => builder.open(name, attributes),
    text: (text, joins) => builder.text(text, joins),
    close: () => builder.close(),
  }, true);
  return document;
}
