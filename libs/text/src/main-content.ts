/// <reference lib="dom" />
// Pages are read as DOM documents (linkedom, in the benchmark also jsdom).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { domToText, htmlToText } from './html';
import { cleanAuthors, cleanDate, cleanLanguage, cleanTitle, NO_PAGE_METADATA, PageMetadata, readPageMetadata } from './page-metadata';

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

/** A whole document, as a browser or a fetch gives it; not a fragment pasted from an editor. */
export function isFullDocument(html: string): boolean {
  return /<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(html.slice(0, 8192)) || /<body[\s>]/i.test(html);
}

/**
 * HTML → the article's canonical text and metadata (API.md "Articles and sources from the web").
 * A full document is parsed with linkedom and its main content found by Mozilla's Readability; that
 * content then goes through the same conversion as any HTML (`domToText`, walking linkedom's DOM
 * directly rather than serialising it and parsing it again), so paragraphs, headings and lists follow one
 * set of rules. A fragment (what a user pastes from an editor) is never cut: it is converted whole,
 * as is a page where Readability finds no article.
 */
export function htmlArticle(html: string, parseDocument: (html: string) => Document = parseWithLinkedom): HtmlArticle {
  if (!isFullDocument(html)) return { text: htmlToText(html), metadata: NO_PAGE_METADATA, extracted: false };
  const document = parseDocument(html);
  const metadata = readPageMetadata(document);
  const found = mainContent(document);
  // Readability returns its best attempt even below its threshold; below it, the page is kept whole.
  const text = found?.content && (found.length ?? 0) >= MIN_ARTICLE_CHARACTERS ? domToText(found.content) : '';
  const merged = withReadabilityFallback(metadata, found);
  return text === '' ? { text: htmlToText(html), metadata: merged, extracted: false } : { text, metadata: merged, extracted: true };
}

/**
 * linkedom, not jsdom: the same extraction on jsdom was about ten times slower on the test pages
 * (docs/benchmarks.md); `parseDocument` lets the benchmark compare them.
 */
const parseWithLinkedom = (html: string): Document => parseHTML(html).document;

type ReadabilityResult = ReturnType<Readability<Node>['parse']>;

function mainContent(document: Document): ReadabilityResult {
  try {
    // The article element itself, not its HTML: domToText reads it where it is.
    const serializer = (node: Node): Node => node;
    return new Readability(document, { maxElemsToParse: MAX_ELEMENTS, charThreshold: MIN_ARTICLE_CHARACTERS, keepClasses: false, serializer }).parse();
  } catch {
    // Too many elements (Readability throws), or markup it cannot walk: the page is kept whole.
    return null;
  }
}

/** What the page's own tags leave open, filled from Readability's reading of the page. */
function withReadabilityFallback(metadata: PageMetadata, found: ReadabilityResult): PageMetadata {
  if (found === null) return metadata;
  const title = metadata.title ?? (found.title ? cleanTitle(found.title, metadata.publisher ?? found.siteName ?? null) : null);
  return {
    title: title ?? null,
    authors: metadata.authors.length > 0 ? metadata.authors : cleanAuthors(found.byline ? [found.byline] : []),
    publishedAt: metadata.publishedAt ?? (found.publishedTime ? cleanDate(found.publishedTime) : null),
    language: metadata.language ?? (found.lang ? cleanLanguage(found.lang) : null),
    publisher: metadata.publisher ?? (found.siteName?.trim() || null),
  };
}
