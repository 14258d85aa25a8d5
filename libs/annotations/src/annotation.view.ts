import { ApiProperty } from '@nestjs/swagger';
import { Annotation, Motivation, MOTIVATIONS, NoteOrigin } from './annotation.entity';

export class NoteOriginView implements NoteOrigin {
  @ApiProperty({ nullable: true, type: String, description: 'its id in the tool it was imported from' }) id!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'its author there, as that tool names them' }) author!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when it was written there' }) createdAt!: string | null;
}

export class AnnotationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) parentId!: string | null;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Markdown; null when deleted' }) body!: string | null;
  @ApiProperty({ enum: MOTIVATIONS }) motivation!: Motivation;
  @ApiProperty({ description: 'a tombstone kept so that its replies stay in the thread' }) deleted!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) editedAt!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: NoteOriginView, description: 'for an imported note, where it came from; null for notes written here' })
  origin!: NoteOriginView | null;
}

export function toAnnotationView(a: Annotation): AnnotationView {
  return {
    id: a.id,
    claimId: a.claimId,
    parentId: a.parentId,
    authorId: a.authorId,
    body: a.deleted ? null : a.body,
    motivation: a.motivation,
    deleted: Boolean(a.deleted),
    createdAt: a.createdAt,
    editedAt: a.editedAt,
    version: a.version,
    origin: a.originId === null && a.originAuthor === null && a.originCreatedAt === null
      ? null
      : { id: a.originId, author: a.originAuthor, createdAt: a.originCreatedAt },
  };
}
