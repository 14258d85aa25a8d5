export * from './annotations.module';
export * from './annotations.service';
export * from './annotation.view';
export type { Motivation, NoteOrigin } from './annotation.entity';
export * from './annotations.controller';
export { CreateAnnotationDto, UpdateAnnotationDto } from './dto/annotation.dto';
