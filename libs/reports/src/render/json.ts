import type { ArticleReport, ReportHeader, VerdictReport } from '../report.model';
import { inertJson } from './inert-json';
import { ReportWriter, writeReport } from './report-writer';

/** Names the document type; bump `REPORT_SCHEMA_VERSION` when a field changes meaning or goes away. */
export const REPORT_JSON_FORMAT = 'claimdesk-verdict-report';
export const REPORT_SCHEMA_VERSION = 1;

/** The JSON report: the model itself, with `format` and `schemaVersion` first. */
export type VerdictReportDocument = { format: typeof REPORT_JSON_FORMAT; schemaVersion: number } & VerdictReport;

export function toReportDocument(model: VerdictReport): VerdictReportDocument {
  // `articles` goes last, so that the streamed document can write everything else first.
  const { articles, ...header } = model;
  return { format: REPORT_JSON_FORMAT, schemaVersion: REPORT_SCHEMA_VERSION, ...header, articles };
}

const INDENT = 2;

/**
 * Writes exactly what `inertJson(toReportDocument(model), 2)` gives (JSON.stringify's document, safe to
 * embed in HTML), but one article at a time, so a period report streams.
 */
export const jsonReportWriter: ReportWriter = {
  begin(header: ReportHeader): string {
    const head = inertJson(toReportDocument({ ...header, articles: [] }), INDENT);
    // Cut the closing `[]\n}` off `"articles": []\n}` and reopen the array.
    return head.slice(0, head.length - '[]\n}'.length) + '[';
  },
  article(article: ArticleReport, index: number): string {
    const body = inertJson(article, INDENT).replace(/\n/g, '\n    ');
    return `${index === 0 ? '' : ','}\n    ${body}`;
  },
  end(_header: ReportHeader, count: number): string {
    return count === 0 ? ']\n}' : '\n  ]\n}';
  },
};

export function renderJson(model: VerdictReport): string {
  return writeReport(jsonReportWriter, model);
}
