import type { HeavyTask } from '@claimdesk/core';
import { canonicalTextTask } from '@claimdesk/articles/canonical-text.task';
import { carrySpanTask } from '@claimdesk/claims/carry-span.task';
import { reanchorTask } from '@claimdesk/claims/reanchor.task';
import { anchorImportTask } from '@claimdesk/reports/exchange/anchor-import.task';
import { pdfReportTask } from '@claimdesk/reports/render/pdf.task';

/**
 * Every task a worker can run, by name. Deep imports (not the libraries' index files) keep Nest,
 * TypeORM and the controllers out of the worker: it loads only the pure functions it runs.
 */
export const HEAVY_TASKS: ReadonlyMap<string, HeavyTask<never, unknown>> = new Map(
  [canonicalTextTask, reanchorTask, carrySpanTask, anchorImportTask, pdfReportTask].map((task) => [task.name, task as HeavyTask<never, unknown>]),
);

/** What the pool posts to a worker. */
export interface HeavyTaskMessage {
  task: string;
  input: unknown;
}
