import { apiUrl } from '../api/http';
import type { ReportFormat } from '../api/types';

/** UI-side: the menu's label of each report format the document lists, in menu order. */
const LABELS: Record<ReportFormat, string> = {
  html: 'HTML report',
  pdf: 'PDF report',
  markdown: 'Markdown',
  csv: 'CSV (one row per claim)',
  json: 'JSON (everything)',
  claimreview: 'schema.org ClaimReview',
};
/** Every format, in the order of LABELS (which must name each one the document lists, no more). */
const REPORT_FORMATS = Object.keys(LABELS) as ReportFormat[];

/** Downloads of the article's verdict report; the API's Content-Disposition names each file. */
export function ExportMenu({ articleId }: { articleId: string }) {
  return (
    <details className="menu" data-testid="export-menu">
      <summary className="button">Export</summary>
      <ul className="menu-list">
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={apiUrl(`/articles/${encodeURIComponent(articleId)}/report`, { format })} download data-format={format}>{LABELS[format]}</a>
          </li>
        ))}
        <li>
          <a href={apiUrl(`/articles/${encodeURIComponent(articleId)}/annotations`)} download data-format="annotations">W3C Web Annotations</a>
        </li>
      </ul>
    </details>
  );
}
