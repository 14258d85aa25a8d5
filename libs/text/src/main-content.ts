/// <reference lib="dom" />
// Pages are read as DOM documents (the desk's page-dom.ts; in the benchmark also linkedom and jsdom).
import { Readability } from '@mozilla/readability';
import { domToText, htmlToText } from './html';
import { readPage, remembered } from './page-dom';
import { cleanAuthors, cleanDate, cleanLanguage, cleanTitle, NO_PAGE_METADATA, PageMetadata, readPageMetadata, shownAuthors } from './page-metadata';

/** An HTML import: the canonical text of its main content and what the page says about its article. */
export interface HtmlArticle {
  text: string;
  metadata: PageMetadata;
  /** false when the whole input was kept (a fragment, or a page with no recognisable article). */
  extracted: boolean;
}

/**
 * A page with more elements than this is read whole rather than searched for its article: Readability
 * scores every element, several times over, and a hostile 5 MiB of tags must stay linear.
 */
const MAX_ELEMENTS = 60_000;

/**
 * Readability's floor for an article (characters of text in the candidate). Below it the page is
 * kept whole: a short page is more likely all content than all chrome.
 */
const MIN_ARTICLE_CHARACTERS = 500;

/**
 * A whole document, as a browser or a fetch gives it; not a fragment pasted from an editor. A `<title>`
 * belongs only in a document's head (whose tags HTML lets a page leave out), never in a pasted fragment.
 */
export function isFullDocument(html: string): boolean {
  return /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|title[\s>])/i.test(html.slice(0, 8192)) || /<body[\s>]/i.test(html);
}

/**
 * HTML → the article's canonical text and metadata (API.md "Articles and sources from the web").
 * A full document is parsed into the desk's small DOM (page-dom.ts) and its main content found by
 * Mozilla's Readability; that content then goes through the same conversion as any HTML (`domToText`,
 * walking the DOM directly rather than serialising it and parsing it again), so paragraphs, headings and lists follow one
 * set of rules. A fragment (what a user pastes from an editor) is never cut: it is converted whole,
 * as is a page where Readability finds no article.
 */
export function htmlArticle(html: string, readDocument: (html: string) => Document = readPageDom): HtmlArticle {
  if (!isFullDocument(html)) return { text: htmlToText(html), metadata: NO_PAGE_METADATA, extracted: false };
  const document = readDocument(html);
  const metadata = readPageMetadata(document);
  const marked = metadata.authors.length > 0 ? [] : shownAuthors(document); // before Readability takes the byline out of the page
  const found = mainContent(document, () => readDocument(html));
  // Readability returns its best attempt even below its threshold; below it, the page is kept whole.
  const text = found?.content && (found.length ?? 0) >= MIN_ARTICLE_CHARACTERS ? domToText(found.content) : '';
  const merged = withReadabilityFallback(metadata, found, marked);
  return text === '' ? { text: htmlToText(html), metadata: merged, extracted: false } : { text, metadata: merged, extracted: true };
}

/**
 * A page as the desk reads it: what the pre-pass keeps (strip-page.ts), in the desk's own small DOM
 * (page-dom.ts; linkedom, used before, gave the same article on the 130 test pages at about twice the
 * CPU, jsdom some five times more still: docs/benchmarks.md), typed as the DOM Readability and the
 * metadata read: it implements the part of it they use. `readDocument` lets the benchmark compare.
 */
const readPageDom = (html: string): Document => readPage(html) as unknown as Document;

type ReadabilityResult = ReturnType<Readability<Node>['parse']>;

function mainContent(document: Document, parseAgain: () => Document): ReadabilityResult {
  try {
    // The article element itself, not its HTML: domToText reads it where it is. Classes are kept:
    // nobody reads them, and removing them is a walk over the article.
    const serializer = (node: Node): Node => node;
    const reader = new Readability(document, { maxElemsToParse: MAX_ELEMENTS, charThreshold: MIN_ARTICLE_CHARACTERS, keepClasses: true, serializer });
    return withoutUnusedWork(reader, document, parseAgain).parse();
  } catch {
    // Too many elements (Readability throws), or markup it cannot walk: the page is kept whole.
    return null;
  }
}

/** The parts of Readability (0.6) that `withoutUnusedWork` replaces. */
interface ReadabilityInternals {
  _grabArticle(page?: Element | null): Element | null;
  _fixRelativeUris(article: Element): void;
  _isElementWithoutContent(node: Node): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  REGEXPS: { byline: RegExp };
  _removeScripts(document: Document): void;
  _prepDocument(): void;
  _getInnerText(node: Node, normalizeSpaces?: boolean): string;
  _getLinkDensity(element: Element): number;
  _getTextDensity(element: Element, tags: string[]): number;
}

const NO_CACHED_PAGE = '\u0000claimdesk: the page is parsed again if Readability needs it\u0000';

/**
 * Readability with the work the desk never uses taken out (profiled on a 1 MB page, docs/benchmarks.md),
 * each replacement giving the same article:
 * - It serialises the whole body to HTML before it starts, only to restore it when an attempt finds
 *   too little text; here the body is restored by parsing the page again (`parseAgain`) and repeating
 *   Readability's own preparation, only when that happens.
 * - It serialises the article once more for a debug log it does not print.
 * - It makes links absolute: the desk keeps text, not links.
 * - It asks every block for its whole text to know whether it has any; the walk here stops at the
 *   first character, and what it learns of each block is kept for the blocks around it.
 * - It measures the text of every element before it looks at whether its names say byline; here
 *   only of those whose names do.
 */
function withoutUnusedWork(reader: Readability<Node>, document: Document, parseAgain: () => Document): Readability<Node> {
  const internals = reader as unknown as ReadabilityInternals;
  const grab = internals._grabArticle.bind(reader);
  internals._grabArticle = (page) => {
    const body = page ?? document.body;
    if (body === null) return grab(page);
    const innerHtml = findAccessor(body, 'innerHTML');
    Object.defineProperty(body, 'innerHTML', {
      configurable: true,
      get: () => NO_CACHED_PAGE,
      set: (value: string) => {
        if (value !== NO_CACHED_PAGE) return innerHtml?.set?.call(body, value);
        innerHtml?.set?.call(body, parseAgain().body.innerHTML);
        internals._removeScripts(document);
        internals._prepDocument();
      },
    });
    try {
      const article = grab(page);
      // Only the "Grabbed: …" debug line reads it before the article is handed over.
      if (article !== null) Object.defineProperty(article, 'innerHTML', { configurable: true, get: () => '' });
      return article;
    } finally {
      delete (body as { innerHTML?: string }).innerHTML;
    }
  };
  internals._fixRelativeUris = () => undefined;
  rememberedPerSubtree(internals);
  internals._isElementWithoutContent = isElementWithoutContent;
  const isValidByline = internals._isValidByline.bind(reader);
  internals._isValidByline = (node, matchString) => namesSayByline(node, matchString, internals.REGEXPS.byline) && isValidByline(node, matchString);
  return reader;
}

/**
 * Readability asks each block for its text, its link density and its text density again and again
 * (for every paragraph's ancestors, then for every block it cleans), each answer a walk of the block.
 * On the desk's DOM each answer is kept until something under the block changes (page-dom.ts); the
 * answers are Readability's own.
 */
function rememberedPerSubtree(internals: ReadabilityInternals): void {
  const innerText = internals._getInnerText.bind(internals);
  const linkDensity = internals._getLinkDensity.bind(internals);
  const textDensity = internals._getTextDensity.bind(internals);
  internals._getInnerText = (node, normalizeSpaces = true) =>
    remembered(node, normalizeSpaces ? 'inner text' : 'inner text as written', () => innerText(node, normalizeSpaces));
  internals._getLinkDensity = (element) => remembered(element, 'link density', () => linkDensity(element));
  internals._getTextDensity = (element, tags) => remembered(element, `text density ${tags.join()}`, () => textDensity(element, tags));
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The first half of Readability's byline test, which needs no text: `rel`, `itemprop`, class or id. */
function namesSayByline(node: Element, matchString: string, byline: RegExp): boolean {
  return node.getAttribute('rel') === 'author' || (node.getAttribute('itemprop') ?? '').includes('author') || byline.test(matchString);
}

/**
 * Readability's test of an empty block: no text but white space, and as many `<br>`/`<hr>` inside as it
 * has children. It is asked of every block, nested ones included.
 */
export function isElementWithoutContent(node: Node): boolean {
  return node.nodeType === ELEMENT_NODE && breaksIfBlank(node) === (node as Element).children.length;
}

/**
 * How many `<br>` and `<hr>` are under `node` if it has no text but white space, else -1 (found at the
 * first character). Kept per element until something under it changes (page-dom.ts), so that asking
 * every level of deeply nested blank markup costs the page once, not once per level (the desk's DOM
 * nests at most 64 deep, MAX_DEPTH in html.ts, which bounds the recursion).
 */
function breaksIfBlank(node: Node): number {
  return remembered(node, 'breaks if blank', () => {
    let breaks = 0;
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        if (/\S/.test(child.nodeValue ?? '')) return -1;
      } else if (child.nodeType === ELEMENT_NODE) {
        const name = (child as Element).localName.toLowerCase();
        if (name === 'br' || name === 'hr') breaks++;
        const below = breaksIfBlank(child);
        if (below < 0) return -1;
        breaks += below;
      }
    }
    return breaks;
  });
}

function findAccessor(object: object, name: string): PropertyDescriptor | undefined {
  for (let proto = Object.getPrototypeOf(object) as object | null; proto !== null; proto = Object.getPrototypeOf(proto) as object | null) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, name);
    if (descriptor !== undefined) return descriptor;
  }
  return undefined;
}

/** What the page's own tags leave open, filled from Readability's reading of the page, then from the authors the page marks. */
function withReadabilityFallback(metadata: PageMetadata, found: ReadabilityResult, marked: readonly string[]): PageMetadata {
  const byline = cleanAuthors(found?.byline ? [found.byline] : []);
  const authors = metadata.authors.length > 0 ? metadata.authors : byline.length > 0 ? byline : cleanAuthors(marked);
  if (found === null) return { ...metadata, authors };
  const title = metadata.title ?? (found.title ? cleanTitle(found.title, metadata.publisher ?? found.siteName ?? null) : null);
  return {
    title: title ?? null,
    authors,
    publishedAt: metadata.publishedAt ?? (found.publishedTime ? cleanDate(found.publishedTime) : null),
    language: metadata.language ?? (found.lang ? cleanLanguage(found.lang) : null),
    publisher: metadata.publisher ?? (found.siteName?.trim() || null),
  };
}
