import type { HeavyTask } from '@claimdesk/core';
import type { VerdictReport } from '../report.model';
import { renderPdf } from './pdf';

/**
 * A PDF report: layout and font subsetting of every claim and rationale, always worth a worker.
 * The bytes come back as a Uint8Array (what a Buffer becomes when posted between threads).
 */
export const pdfReportTask: HeavyTask<VerdictReport, Uint8Array> = {
  name: 'pdf-report',
  run: (report) => renderPdf(report),
  size: () => Number.POSITIVE_INFINITY,
};
