export * from './annotations.module';
export * from './annotations.service';
export * from './annotation.view';
export type { Motivation, NoteOrigin } from './annotation.entity';
