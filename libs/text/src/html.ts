/// <reference lib="dom" />
import { DefaultTreeAdapterMap, DefaultTreeAdapterTypes, defaultTreeAdapter, html as htmlSpec, Parser, Token } from 'parse5';
import { blocksToCanonicalText, BlockKind, TextBlock } from './canonical';

type ChildNode = DefaultTreeAdapterTypes.ChildNode;

/**
 * HTML (a whole document or a fragment, however broken) → canonical text, the way a reader sees it:
 * block elements become paragraphs, `<br>` a line break inside the paragraph, white space collapses
 * as in a browser (U+00A0 kept), entities are decoded, and non-content (head, scripts, styles,
 * templates, embeds, images) is dropped. A sentence broken across paragraphs is rejoined only where
 * a paste leaves one: two `<p>` with an empty paragraph (or `<br>`s) between them (see
 * `continuesBrokenSentence`); neighbouring blocks on a real page are never joined.
 */
/**
 * parse5's tree with one change: inserting before a node (a table's misplaced content is put before
 * the table, "foster parenting") finds that node from the end of its parent's children, where it
 * almost always is. parse5 searches from the start, so each of N misplaced nodes cost the N before it:
 * 1 MB of `<table><tr><td>` took 12 s.
 */
const TREE: typeof defaultTreeAdapter = {
  ...defaultTreeAdapter,
  insertBefore(parent, node, reference) {
    parent.childNodes.splice(parent.childNodes.lastIndexOf(reference), 0, node);
    node.parentNode = parent;
  },
  insertTextBefore(parent, text, reference) {
    const previous = parent.childNodes[parent.childNodes.lastIndexOf(reference) - 1];
    if (previous !== undefined && defaultTreeAdapter.isTextNode(previous)) previous.value += text;
    else TREE.insertBefore(parent, defaultTreeAdapter.createTextNode(text), reference);
  },
};

export function htmlToText(html: string): string {
  const collector = new TextBlockCollector(true);
  // Parsed as a document (not a fragment) so that a full document's <head> lands in head and is
  // dropped, while a fragment simply becomes the body.
  collector.appendNodes(ShallowParser.parse(html, { treeAdapter: TREE }).childNodes);
  return blocksToCanonicalText(collector.finish());
}

/**
 * An element already parsed into a DOM (the article Readability found in the page's DOM, page-dom.ts) →
 * canonical text, by the same rules as `htmlToText` and without serialising it to HTML and parsing
 * it again (issue 14: that round trip was most of an import's time after Readability).
 */
export function domToText(root: Node): string {
  const collector = new TextBlockCollector(true);
  collector.appendTree([root], DOM_TREE);
  return blocksToCanonicalText(collector.finish());
}

/** What the collector reads of a parsed tree, so that parse5's nodes and a DOM's go through one walk. */
export interface MarkupTree<N> {
  /** The text of a text node, else undefined. */
  text(node: N): string | undefined;
  /** The lower-case tag name of an element, else undefined (comments, doctypes). */
  tag(node: N): string | undefined;
  hidden(node: N): boolean;
  children(node: N): ArrayLike<N>;
}

const PARSE5_TREE: MarkupTree<ChildNode> = {
  text: (node) => (node.nodeName === '#text' && 'value' in node ? node.value : undefined),
  tag: (node) => ('tagName' in node ? node.tagName : undefined),
  hidden: (node) => 'attrs' in node && node.attrs.some((attr) => attr.name === 'hidden'),
  children: (node) => ('childNodes' in node ? node.childNodes : []),
};

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

const DOM_TREE: MarkupTree<Node> = {
  text: (node) => (node.nodeType === TEXT_NODE ? ((node as CharacterData).data ?? '') : undefined),
  tag: (node) => (node.nodeType === ELEMENT_NODE ? (node as Element).localName.toLowerCase() : undefined),
  hidden: (node) => (node as Element).hasAttribute('hidden'),
  children: (node) => node.childNodes,
};

/** An HTML fragment (a piece of Markdown's inline or block HTML), parsed with the same depth limit. */
export function parseHtmlFragment(html: string): ChildNode[] {
  const parser = ShallowParser.getFragmentParser(null, { treeAdapter: TREE });
  parser.tokenizer.write(html, true);
  return parser.getFragment().childNodes;
}

/**
 * How deep markup nests at most, here and in the desk's DOM (page-dom.ts): deeper than any real
 * article's (38 at most on Readability's 130 test pages; Chrome stops nesting its DOM at 512). The
 * cost of hostile input grows with this number: parse5 scans the open elements (see ShallowParser),
 * Readability asks every level about its whole subtree (at 512, 256 KB of nested markup took 53 s).
 */
export const MAX_DEPTH = 64;
/** Elements that switch the tokenizer to raw text: letting them through keeps scripts out of the text. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/**
 * parse5 scans the stack of open elements for many start tags, so markup nested N deep costs O(N²):
 * 5 MB of "<div>" would take hours. Beyond MAX_DEPTH we stop nesting, as browsers do: a block start
 * tag becomes a paragraph break (two <br>, which need no scan), any other tag is left out; the text
 * inside is kept.
 */
class ShallowParser extends Parser<DefaultTreeAdapterMap> {
  /**
   * Moves all of `donor`'s children to `recipient` at once (a fragment's nodes out of its root, a block's
   * out of a misnested formatting element). parse5 takes them one by one from the front of the array,
   * each costing those after it: 256 KB of `<table><b>x` in Markdown took 2 s.
   */
  override _adoptNodes(donor: DefaultTreeAdapterMap['parentNode'], recipient: DefaultTreeAdapterMap['parentNode']): void {
    const children = donor.childNodes;
    donor.childNodes = [];
    for (const child of children) {
      child.parentNode = recipient;
      recipient.childNodes.push(child);
    }
  }

  override onStartTag(token: Token.TagToken): void {
    if (this.openElements.stackTop < MAX_DEPTH || token.tagName === 'br' || RAW_TEXT.has(token.tagName)) {
      return super.onStartTag(token);
    }
    if (!BLOCKS.has(token.tagName)) return;
    for (let i = 0; i < 2; i++) {
      super.onStartTag({ ...token, tagName: 'br', tagID: htmlSpec.TAG_ID.BR, attrs: [], selfClosing: false, ackSelfClosing: false });
    }
  }
}

/**
 * Skipped whole: what a reader never sees as article text. Images contribute nothing, not even alt
 * text (a browser's innerText leaves it out too, and "Photo: Reuters" is not a claim).
 */
const DROPPED = new Set([
  'head', 'title', 'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'object', 'embed', 'svg', 'canvas',
  'audio', 'video', 'img', 'picture', 'map', 'frameset', 'textarea', 'select', 'datalist',
]);

/** Elements that start and end a paragraph (HTML's default `display: block` and list items). */
const BLOCKS = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'plaintext', 'pre', 'search', 'section',
  'summary', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'ul', 'xmp',
]);

/** Elements whose white space is kept as written. */
const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** Block elements that are not plain paragraphs, so never joined across a broken sentence. */
const BLOCK_KINDS: Readonly<Record<string, BlockKind>> = {
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading',
  li: 'list-item', dt: 'list-item', dd: 'list-item',
  blockquote: 'quote',
  table: 'table-row', caption: 'table-row', tr: 'table-row',
  pre: 'preformatted', listing: 'preformatted', xmp: 'preformatted', plaintext: 'preformatted',
  header: 'other', footer: 'other', nav: 'other', aside: 'other', figure: 'other', figcaption: 'other',
  summary: 'other', legend: 'other', address: 'other',
};

interface Frame {
  readonly tag: string;
  readonly kind: BlockKind;
  readonly preformatted: boolean;
  /** The innermost block element around the text. */
  readonly block: string;
}

/**
 * Turns a stream of elements and text into TextBlocks. Driven either by a parse5 tree
 * (`appendNodes`) or element by element (`openElement`/`closeElement`/`appendText`), which is how
 * the Markdown reader feeds it markdown-it tokens, so both formats follow the same rules.
 */
export class TextBlockCollector {
  private readonly frames: Frame[] = [{ tag: '#root', kind: 'paragraph', preformatted: false, block: '#root' }];
  private readonly line: BlockWriter;

  /**
   * `htmlBlocks`: blocks follow HTML's rules for broken sentences: only a `<p>`'s text is a paragraph
   * that may be joined (a div, label or cell is a page's own division), and only across an empty
   * line. Markdown's paragraphs are all separated by blank lines, so it leaves this off.
   */
  constructor(private readonly htmlBlocks = false) {
    this.line = new BlockWriter(htmlBlocks);
  }

  openElement(tag: string): void {
    if (tag === 'br') return this.line.lineBreak();
    if (tag === 'hr') return this.line.endBlock();
    if (tag === 'td' || tag === 'th') this.line.cellBreak();
    const parent = this.top();
    if (BLOCKS.has(tag)) this.line.endBlock();
    if (tag === 'p') this.line.paragraphOpened();
    this.frames.push({
      tag,
      // The outermost special block wins: a paragraph inside a list item is still part of a list item.
      kind: parent.kind === 'paragraph' && BLOCKS.has(tag) ? (BLOCK_KINDS[tag] ?? 'paragraph') : parent.kind,
      preformatted: parent.preformatted || PREFORMATTED.has(tag),
      block: BLOCKS.has(tag) ? tag : parent.block,
    });
  }

  closeElement(): void {
    const frame = this.frames.length > 1 ? this.frames.pop() : undefined;
    if (frame !== undefined && BLOCKS.has(frame.tag)) this.line.endBlock();
  }

  appendText(text: string): void {
    const { preformatted, block, kind: frameKind } = this.top();
    const kind = this.htmlBlocks && frameKind === 'paragraph' && block !== 'p' ? 'other' : frameKind;
    if (preformatted) this.line.appendPreformatted(text, kind);
    else this.line.appendCollapsed(text, kind);
  }

  /** Walks a parse5 tree. */
  appendNodes(nodes: readonly ChildNode[]): void {
    this.appendTree(nodes, PARSE5_TREE);
  }

  /** Walks a parsed tree without recursion: deeply nested markup must not overflow the stack. */
  appendTree<N>(nodes: readonly N[], tree: MarkupTree<N>): void {
    const pending: Array<N | typeof CLOSE> = [...nodes].reverse();
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      if (next === CLOSE) {
        this.closeElement();
        continue;
      }
      const text = tree.text(next);
      if (text !== undefined) {
        this.appendText(text);
        continue;
      }
      const tag = tree.tag(next);
      if (tag === undefined || DROPPED.has(tag) || tree.hidden(next)) continue;
      this.openElement(tag);
      if (isVoid(tag)) continue;
      pending.push(CLOSE);
      const children = tree.children(next);
      for (let i = children.length - 1; i >= 0; i--) pending.push(children[i] as N);
    }
  }

  finish(): TextBlock[] {
    this.line.endBlock();
    return this.line.blocks;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1] as Frame;
  }
}

const CLOSE = Symbol('close element');

/** br and hr take no close; everything in DROPPED is skipped whole, children included. */
function isVoid(tag: string): boolean {
  return tag === 'br' || tag === 'hr';
}


/** HTML's "ASCII whitespace". U+00A0 and other Unicode spaces are content, as in a browser. */
const HTML_WHITE_SPACE_RUN = /[\t\n\f\r ]+/g;

/**
 * Accumulates the current block. Collapsing follows CSS `white-space: normal`: a run of white space
 * is one space, none at the start or end of a line, and a space next to a table-cell break or
 * `<br>` disappears. Separators are held as `pending` until real content follows.
 */
class BlockWriter {
  readonly blocks: TextBlock[] = [];
  private text = '';
  private kind: BlockKind | undefined;
  private lineHasContent = false;
  private pending: '' | ' ' | '\t' = '';
  /** An empty `<p>` (or a line of `<br>`s) since the last block: a blank line in the source. */
  private blankLineSeen = false;
  private paragraphOpen = false;

  /** `marksBlankLines`: blocks record whether a blank line preceded them (TextBlock.afterBlankLine). */
  constructor(private readonly marksBlankLines: boolean) {}

  paragraphOpened(): void {
    this.paragraphOpen = true;
  }

  appendCollapsed(raw: string, kind: BlockKind): void {
    const collapsed = raw.replace(HTML_WHITE_SPACE_RUN, ' ');
    const start = collapsed.startsWith(' ') ? 1 : 0;
    const end = collapsed.length > start && collapsed.endsWith(' ') ? collapsed.length - 1 : collapsed.length;
    if (start === 1) this.softSpace();
    if (end > start) this.appendContent(collapsed.slice(start, end), kind);
    if (end < collapsed.length) this.softSpace();
  }

  appendPreformatted(raw: string, kind: BlockKind): void {
    if (raw !== '') this.appendContent(raw, kind);
  }

  lineBreak(): void {
    this.text += '\n';
    this.lineHasContent = false;
    this.pending = '';
  }

  /** Cells of a table row share one line, separated by a tab (as a browser's innerText does). */
  cellBreak(): void {
    if (this.lineHasContent) this.pending = '\t';
  }

  endBlock(): void {
    // Blocks holding only white space (`<p>&nbsp;</p>`, `<br>`s) are spacing, not paragraphs.
    if (/\S/.test(this.text)) {
      const kind = this.kind ?? 'paragraph';
      this.blocks.push(this.marksBlankLines ? { kind, text: this.text, afterBlankLine: this.blankLineSeen } : { kind, text: this.text });
      this.blankLineSeen = false;
    } else if (this.paragraphOpen || this.text.includes('\n')) {
      this.blankLineSeen = true;
    }
    this.paragraphOpen = false;
    this.text = '';
    this.kind = undefined;
    this.lineHasContent = false;
    this.pending = '';
  }

  private softSpace(): void {
    if (this.lineHasContent && this.pending === '') this.pending = ' ';
  }

  private appendContent(content: string, kind: BlockKind): void {
    this.kind ??= kind;
    this.text += this.pending + content;
    this.pending = '';
    this.lineHasContent = true;
  }
}
