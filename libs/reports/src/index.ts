export * from './reports.module';
export * from './workspace/workspace.service';
export * from './report-builder/reports.service';
export * from './exchange/annotation-import.service';
export * from './queue/queue.service';
export * from './queue/queue-sources';
export * from './queue/queue-order';
export { REPORT_FORMAT_NAMES, REPORT_FORMATS, renderReport, reportFileName, streamReport, isReportFormat } from './render';
export type { ReportFormat } from './render';
