import type { ArticleReport, ArticleReportHead, ClaimReport, VerdictReport } from '../report.model';
import { ArticleLayout, articleFromLayout, ReportWriter, writeReport } from './report-writer';

/**
 * The CSV report (API.md): RFC 4180 with CRLF line ends, UTF-8 with a BOM (so that spreadsheet
 * programs pick the right encoding), a header row and one row per claim; claims without a verdict
 * have empty verdict cells.
 */
export const CSV_COLUMNS = [
  'article_id',
  'article_title',
  'claim_id',
  'quote',
  'claimant',
  'claim_reviewed',
  'verdict',
  'verdict_status',
  'rating_value',
  'rationale',
  'sources',
  'reviewer',
  'published_at',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
export type CsvRecord = Record<CsvColumn, string>;

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Formula injection: a spreadsheet runs a cell beginning with `=`, `+`, `-` or `@` (and some read
 * past a leading tab or carriage return), so such a cell gets a leading apostrophe, which makes it
 * plain text. This applies to text from users only; numbers and dates we format never begin so.
 * The price: a quote that really begins with `-` shows as `'-…`.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 field: quoted when it holds a comma, a double quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvField).join(',') + CRLF;
}

/** The first piece of every CSV report: the BOM and the header row. */
export function csvHeader(): string {
  return BOM + csvLine(CSV_COLUMNS);
}

/** The cells of a claim's row, before CSV quoting. */
export function csvRecord(article: Pick<ArticleReportHead, 'id' | 'title'>, claim: ClaimReport): CsvRecord {
  const verdict = claim.currentVerdict;
  const text = (value: string | null | undefined): string => neutraliseFormula(value ?? '');
  return {
    article_id: article.id,
    article_title: text(article.title),
    claim_id: claim.id,
    quote: text(claim.quote),
    claimant: text(claim.claimant),
    claim_reviewed: text(claim.claimReviewed),
    verdict: text(verdict?.ratingLabel),
    verdict_status: verdict?.status ?? '',
    rating_value: verdict && verdict.ratingValue !== null ? String(verdict.ratingValue) : '',
    rationale: text(verdict?.rationale),
    sources: text(claim.sources.map((attached) => attached.source.url).join(' ')),
    reviewer: text(verdict?.author.displayName),
    published_at: verdict?.publishedAt ?? '',
  };
}

/** A claim's row: one CRLF-terminated line. */
export function csvRow(article: Pick<ArticleReportHead, 'id' | 'title'>, claim: ClaimReport): string {
  const record = csvRecord(article, claim);
  return csvLine(CSV_COLUMNS.map((column) => record[column]));
}

const csvLayout: ArticleLayout = {
  head: () => '',
  passes: [{ claim: (claim, _position, article) => csvRow(article, claim), after: '' }],
  end: () => '',
};

export const csvReportWriter: ReportWriter = {
  begin: () => csvHeader(),
  article: articleFromLayout(csvLayout),
  end: () => '',
  layout: csvLayout,
};

export function renderCsv(model: VerdictReport): string {
  return writeReport(csvReportWriter, model);
}
