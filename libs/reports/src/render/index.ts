import type { ReportHeader, VerdictReport } from '../report.model';
import { claimReviewReportWriter, renderClaimReview } from './claimreview';
import { csvReportWriter, renderCsv } from './csv';
import { FileNameSubject, reportBaseName } from './file-name';
import { htmlReportWriter, renderHtml } from './html';
import { jsonReportWriter, renderJson } from './json';
import { markdownReportWriter, renderMarkdown } from './markdown';
import { renderPdf, renderPdfFrom } from './pdf';
import { ArticleStream, ReportWriter, streamReportPieces, wholeArticles } from './report-writer';

export const REPORT_FORMAT_NAMES = ['json', 'markdown', 'html', 'csv', 'pdf', 'claimreview'] as const;
export type ReportFormat = (typeof REPORT_FORMAT_NAMES)[number];

export interface ReportFormatInfo {
  /** The media type alone, as OpenAPI lists it. */
  mediaType: string;
  /** The Content-Type header value: a text format says it is UTF-8 (API.md, "Conventions"). */
  contentType: string;
  /** Without the dot. */
  extension: string;
}

const text = (mediaType: string, extension: string): ReportFormatInfo => ({ mediaType, contentType: `${mediaType}; charset=utf-8`, extension });

export const REPORT_FORMATS: Readonly<Record<ReportFormat, ReportFormatInfo>> = {
  json: text('application/json', 'json'),
  markdown: text('text/markdown', 'md'),
  html: text('text/html', 'html'),
  csv: text('text/csv', 'csv'),
  pdf: { mediaType: 'application/pdf', contentType: 'application/pdf', extension: 'pdf' },
  claimreview: text('application/ld+json', 'jsonld'),
};

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && (REPORT_FORMAT_NAMES as readonly string[]).includes(value);
}

/** The whole report in one format: a string for the text formats, a Buffer for PDF. */
export async function renderReport(format: ReportFormat, model: VerdictReport): Promise<string | Buffer> {
  switch (format) {
    case 'json':
      return renderJson(model);
    case 'markdown':
      return renderMarkdown(model);
    case 'html':
      return renderHtml(model);
    case 'csv':
      return renderCsv(model);
    case 'claimreview':
      return renderClaimReview(model);
    case 'pdf':
      return renderPdf(model);
  }
}

const TEXT_WRITERS: Record<Exclude<ReportFormat, 'pdf'>, () => ReportWriter> = {
  json: () => jsonReportWriter,
  markdown: () => markdownReportWriter,
  html: () => htmlReportWriter,
  csv: () => csvReportWriter,
  claimreview: claimReviewReportWriter,
};

/**
 * A report whose articles come one at a time (a period report read from the database in batches, each
 * article's claims in batches too). The text formats yield chunks of about REPORT_CHUNK characters:
 * JSON, CSV and Markdown are written claim by claim, so memory stays flat however many verdicts there
 * are; HTML and ClaimReview read each article whole first; the PDF comes as one Buffer once complete
 * (its pages say "of N").
 * Piped to a response (e.g. `Readable.from(streamReport(...))`), the pieces concatenate to exactly what
 * `renderReport` gives for the same articles.
 */
export async function* streamReport(format: ReportFormat, header: ReportHeader, articles: ArticleStream): AsyncGenerator<string | Buffer> {
  if (format === 'pdf') {
    yield await renderPdfFrom(header, wholeArticles(articles));
    return;
  }
  yield* streamReportPieces(TEXT_WRITERS[format](), header, articles);
}

/** The download name, e.g. `claimdesk-report-russian-loses-interpol-presidency-2026-11-29.md`. */
export function reportFileName(subject: FileNameSubject, format: ReportFormat): string {
  return `${reportBaseName(subject)}.${REPORT_FORMATS[format].extension}`;
}

export type { ArticleStream, ReportWriter } from './report-writer';
export { REPORT_CHUNK, wholeArticles } from './report-writer';
export type { FileNameSubject } from './file-name';
export { CSV_COLUMNS, neutraliseFormula } from './csv';
export { renderArticleClaimReviews, toClaimReviews } from './claimreview';
export type { ClaimReview, ClaimReviewArticle, ClaimReviewClaim } from './claimreview';
export { toReportDocument, REPORT_JSON_FORMAT, REPORT_SCHEMA_VERSION } from './json';
export type { VerdictReportDocument } from './json';
export { renderClaimReview, renderCsv, renderHtml, renderJson, renderMarkdown, renderPdf, renderPdfFrom };
