import type { ArticleReport, ReportHeader, VerdictReport } from '../report.model';

/**
 * A text format written piece by piece, so that a period report of 100,000 verdicts can stream
 * with flat memory: the service feeds articles one at a time from an async iterable, and each
 * piece is sent as soon as it is written. The same writer renders a whole model in one go.
 */
export interface ReportWriter {
  /** What comes before the first article (a BOM and header row, `[`, a document head…). */
  begin(header: ReportHeader): string;
  /** One article; `index` counts the articles written before it (for separators). */
  article(article: ArticleReport, index: number, header: ReportHeader): string;
  /** What closes the document; `count` is the number of articles written. */
  end(header: ReportHeader, count: number): string;
}

export type ArticleStream = AsyncIterable<ArticleReport> | Iterable<ArticleReport>;

/** The whole report as one string. */
export function writeReport(writer: ReportWriter, model: VerdictReport): string {
  const { articles, ...header } = model;
  const parts = [writer.begin(header)];
  articles.forEach((article, index) => parts.push(writer.article(article, index, header)));
  parts.push(writer.end(header, articles.length));
  return parts.join('');
}

/** The report as a stream of text pieces (empty pieces are skipped). */
export async function* streamReportPieces(writer: ReportWriter, header: ReportHeader, articles: ArticleStream): AsyncGenerator<string> {
  const first = writer.begin(header);
  if (first) yield first;
  let count = 0;
  for await (const article of articles) {
    const piece = writer.article(article, count, header);
    count++;
    if (piece) yield piece;
  }
  const last = writer.end(header, count);
  if (last) yield last;
}
