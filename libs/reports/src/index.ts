export * from './reports.module';
export * from './workspace/workspace.service';
export * from './report-builder/reports.service';
export * from './exchange/annotation-import.service';
export { REPORT_FORMAT_NAMES, REPORT_FORMATS, renderReport, reportFileName, streamReport, isReportFormat } from './render';
export type { ReportFormat } from './render';
export * from './search/search.service';
export * from './search/search-index.service';
