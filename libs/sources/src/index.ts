export * from './sources.module';
export * from './sources.service';
export * from './source.view';
export { normalizeSourceUrl } from './normalize-url';
export type { Stance, SourceKind } from './source.entity';
export { SnapshotsService } from './snapshots/snapshots.service';
export { SnapshotHead, SnapshotView } from './snapshots/snapshot.view';
