import { canonicalize } from './canonical';
import { htmlArticle } from './main-content';
import { markdownToText } from './markdown';
import { NO_PAGE_METADATA, PageMetadata } from './page-metadata';

export type ArticleFormat = 'text' | 'markdown' | 'html';

export const ARTICLE_FORMATS: readonly ArticleFormat[] = Object.freeze(['text', 'markdown', 'html'] as const);

/** An article's content as the desk keeps it: its canonical text, and what an HTML page said about it. */
export interface ImportedContent {
  text: string;
  metadata: PageMetadata;
}

/**
 * The canonical text of an article's content, whatever format it arrived in (API.md "Articles"); of a
 * full HTML page, only its main content (see htmlArticle).
 */
export function toCanonicalText(format: ArticleFormat, content: string): string {
  return importContent(format, content).text;
}

export function importContent(format: ArticleFormat, content: string): ImportedContent {
  switch (format) {
    case 'text':
      return { text: canonicalize(content), metadata: NO_PAGE_METADATA };
    case 'markdown':
      return { text: markdownToText(content), metadata: NO_PAGE_METADATA };
    case 'html': {
      const { text, metadata } = htmlArticle(content);
      return { text, metadata };
    }
    default:
      return unknownFormat(format);
  }
}

function unknownFormat(format: never): never {
  throw new RangeError(`Unknown article format: ${String(format)}`);
}

export const TITLE_MAX_LENGTH = 300;

/**
 * The default title: the first non-empty line of the canonical text, trimmed, at most
 * TITLE_MAX_LENGTH code points; a longer line is cut at a word boundary and ends with "…".
 */
export function titleFromText(text: string): string {
  const line = firstNonEmptyLine(text);
  return line.length <= TITLE_MAX_LENGTH ? line : shorten(line);
}

function firstNonEmptyLine(text: string): string {
  for (let start = 0; start < text.length; ) {
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end === -1 ? text.length : end).trim();
    if (line !== '') return line;
    if (end === -1) break;
    start = end + 1;
  }
  return '';
}

/** Cuts `line` (longer than the limit in UTF-16 units) to the limit in code points, ellipsis included. */
function shorten(line: string): string {
  const codePoints: string[] = [];
  for (const codePoint of line) {
    codePoints.push(codePoint);
    if (codePoints.length > TITLE_MAX_LENGTH) break;
  }
  if (codePoints.length <= TITLE_MAX_LENGTH) return line; // long only in UTF-16 units (astral characters)
  const head = codePoints.slice(0, TITLE_MAX_LENGTH - 1);
  const nextIsSpace = /\s/.test(codePoints[TITLE_MAX_LENGTH - 1] ?? '');
  let lastSpace = head.length - 1;
  while (lastSpace > 0 && !/\s/.test(head[lastSpace] ?? '')) lastSpace--;
  // Cut at the last space unless the cut already falls on one; a single giant word is cut where it must.
  const kept = nextIsSpace || lastSpace <= 0 ? head : head.slice(0, lastSpace);
  return `${kept.join('').trimEnd()}…`;
}
