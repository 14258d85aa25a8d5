export * from './verdicts.module';
export * from './verdicts.service';
export * from './rating-scales.service';
export * from './verdict.view';
export type { VerdictStatus } from './verdict-workflow';
