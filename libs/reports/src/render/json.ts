import type { ArticleReport, ArticleReportHead, ClaimReport, ReportHeader, VerdictReport } from '../report.model';
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
/** An article's place in the document: inside `"articles": [`. */
const ARTICLE_INDENT = '\n    ';
/** A claim's place: inside its article's `"claims": [`. */
const CLAIM_INDENT = '\n        ';

/** An article's own JSON document, indented to its place. */
const placed = (value: unknown, indent: string): string => inertJson(value, INDENT).replace(/\n/g, indent);

/**
 * Writes exactly what `inertJson(toReportDocument(model), 2)` gives (JSON.stringify's document, safe to
 * embed in HTML), but one article at a time, so a period report streams; in parts, one claim at a time.
 */
export const jsonReportWriter: ReportWriter = {
  begin(header: ReportHeader): string {
    const head = inertJson(toReportDocument({ ...header, articles: [] }), INDENT);
    // Cut the closing `[]\n}` off `"articles": []\n}` and reopen the array.
    return head.slice(0, head.length - '[]\n}'.length) + '[';
  },
  // One JSON.stringify of the whole article when it is at hand (the one-article report, a hot read).
  article(article: ArticleReport, index: number): string {
    return `${index === 0 ? '' : ','}${ARTICLE_INDENT}${placed(article, ARTICLE_INDENT)}`;
  },
  end(_header: ReportHeader, count: number): string {
    return count === 0 ? ']\n}' : '\n  ]\n}';
  },
  layout: {
    head(article: ArticleReportHead, index: number, _header: ReportHeader, claimCount: number): string {
      // `claims` is the article's last field: written empty, its `[]` and the article's closing brace are cut off to reopen it.
      const head = placed({ ...article, claims: [] }, ARTICLE_INDENT);
      return `${index === 0 ? '' : ','}${ARTICLE_INDENT}${claimCount === 0 ? head : `${head.slice(0, head.length - `[]${ARTICLE_INDENT}}`.length)}[`}`;
    },
    passes: [{ claim: (claim: ClaimReport, position: number) => `${position === 0 ? '' : ','}${CLAIM_INDENT}${placed(claim, CLAIM_INDENT)}`, after: '' }],
    end: (_article: ArticleReportHead, claimCount: number) => (claimCount === 0 ? '' : '\n      ]\n    }'),
  },
};

export function renderJson(model: VerdictReport): string {
  return writeReport(jsonReportWriter, model);
}
