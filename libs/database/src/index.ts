export * from './database.module';
export * from './database-url';
export * from './data-source-options';
export * from './transactions';
export * from './json-column';
export * from './in-chunks';
export * from './statement';
export * from './entity-columns';
