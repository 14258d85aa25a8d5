export * from './code-points';
export * from './canonical';
export * from './markdown';
export * from './html';
export * from './ingest';
export * from './page-metadata';
export * from './main-content';
export * from './quote';
export * from './reanchor';

import type { AnchorStatus } from './reanchor';
export const ANCHOR_STATUSES: readonly AnchorStatus[] = ['anchored', 'moved', 'fuzzy', 'orphaned'];
export * from './carry-span';
export * from './text-index-cache';
