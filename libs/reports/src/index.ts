export * from './reports.module';
export * from './workspace/workspace.service';
