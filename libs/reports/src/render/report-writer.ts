import type { ArticleInParts, ArticleReport, ArticleReportHead, ClaimReport, ReportHeader, VerdictReport } from '../report.model';
import { wholeArticle } from '../report.model';

/**
 * A text format written piece by piece, so that a period report of 100,000 verdicts can stream
 * with flat memory: the service feeds articles one at a time from an async iterable, and the pieces
 * are sent in chunks of about REPORT_CHUNK characters. The same writer renders a whole model in one go.
 */
export interface ReportWriter {
  /** What comes before the first article (a BOM and header row, `[`, a document head…). */
  begin(header: ReportHeader): string;
  /** One article; `index` counts the articles written before it (for separators). */
  article(article: ArticleReport, index: number, header: ReportHeader): string;
  /** What closes the document; `count` is the number of articles written. */
  end(header: ReportHeader, count: number): string;
  /** How an article is written claim by claim (JSON, CSV, Markdown): it then streams in parts, to the same text as `article`. */
  layout?: ArticleLayout;
}

/**
 * An article written as its head, then, for each pass over its claims in reading order, one piece
 * per claim, then its end. Pieces of a claim are a few kilobytes at most: a report made of them
 * makes short-lived garbage only, which the young generation collects (issue 11, flat memory).
 */
export interface ArticleLayout {
  /** What comes before the claims; `claimCount` says whether there are any. */
  head(article: ArticleReportHead, index: number, header: ReportHeader, claimCount: number): string;
  /** Markdown goes through the claims twice (its summary table, then the claims); each pass ends with `after`. Skipped without claims. */
  passes: ReadonlyArray<{ claim(claim: ClaimReport, position: number, article: ArticleReportHead, header: ReportHeader): string; after: string }>;
  end(article: ArticleReportHead, claimCount: number): string;
}

export type ArticleStream = AsyncIterable<ArticleReport | ArticleInParts> | Iterable<ArticleReport>;

const isInParts = (article: ArticleReport | ArticleInParts): article is ArticleInParts => 'claimCount' in article;

/** A writer's `article` from its layout: the text the layout streams, in one string. */
export function articleFromLayout(layout: ArticleLayout): ReportWriter['article'] {
  return (article, index, header) => {
    const { claims, ...head } = article;
    let text = layout.head(head, index, header, claims.length);
    if (claims.length > 0) {
      for (const pass of layout.passes) {
        claims.forEach((claim, position) => (text += pass.claim(claim, position, head, header)));
        text += pass.after;
      }
    }
    return text + layout.end(head, claims.length);
  };
}

/** The whole report as one string. */
export function writeReport(writer: ReportWriter, model: VerdictReport): string {
  const { articles, ...header } = model;
  const parts = [writer.begin(header)];
  articles.forEach((article, index) => parts.push(writer.article(article, index, header)));
  parts.push(writer.end(header, articles.length));
  return parts.join('');
}

/** The articles whole, for the formats that are not written claim by claim. */
export async function* wholeArticles(articles: ArticleStream): AsyncGenerator<ArticleReport> {
  for await (const article of articles) yield isInParts(article) ? await wholeArticle(article) : article;
}

async function* articlePieces(layout: ArticleLayout, parts: ArticleInParts, index: number, header: ReportHeader): AsyncGenerator<string> {
  yield layout.head(parts.article, index, header, parts.claimCount);
  if (parts.claimCount > 0) {
    for (const pass of layout.passes) {
      let position = 0;
      for await (const claim of parts.claims()) yield pass.claim(claim, position++, parts.article, header);
      yield pass.after;
    }
  }
  yield layout.end(parts.article, parts.claimCount);
}

/**
 * Pieces are gathered into chunks of about this many UTF-16 units before they are sent: few enough
 * writes to the socket, and small enough (under 128 KB even as two-byte text) for V8 to make them in
 * its young generation rather than as large objects, which only a full collection frees.
 */
export const REPORT_CHUNK = 16_384;

/**
 * The report as a stream of text chunks of about `REPORT_CHUNK` units (none empty). An article in
 * parts is read claim batch by claim batch as its pieces are written, when the writer has a layout;
 * otherwise it is read whole first.
 */
export async function* streamReportPieces(writer: ReportWriter, header: ReportHeader, articles: ArticleStream): AsyncGenerator<string> {
  const first = writer.begin(header);
  if (first) yield first;
  let chunk = '';
  let count = 0;
  for await (const article of articles) {
    const index = count++;
    if (isInParts(article) && writer.layout) {
      for await (const piece of articlePieces(writer.layout, article, index, header)) {
        chunk += piece;
        if (chunk.length >= REPORT_CHUNK) {
          yield chunk;
          chunk = '';
        }
      }
      continue;
    }
    chunk += writer.article(isInParts(article) ? await wholeArticle(article) : article, index, header);
    if (chunk.length >= REPORT_CHUNK) {
      yield chunk;
      chunk = '';
    }
  }
  chunk += writer.end(header, count);
  if (chunk) yield chunk;
}
