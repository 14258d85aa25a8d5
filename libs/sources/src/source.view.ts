import { ApiProperty } from '@nestjs/swagger';
import { ClaimSource, Source, SOURCE_KINDS, SourceKind, Stance, STANCES } from './source.entity';

export class SourceView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ description: 'the deduplication key' }) normalizedUrl!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String }) publisher!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ enum: SOURCE_KINDS }) kind!: SourceKind;
  @ApiProperty({ nullable: true, type: String }) archiveUrl!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class ClaimSourceView {
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ type: SourceView }) source!: SourceView;
  @ApiProperty({ enum: STANCES }) stance!: Stance;
  @ApiProperty({ nullable: true, type: String }) excerpt!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ format: 'uuid' }) addedBy!: string;
  @ApiProperty() createdAt!: string;
}

export function toSourceView(source: Source): SourceView {
  return {
    id: source.id,
    url: source.url,
    normalizedUrl: source.normalizedUrl,
    title: source.title,
    publisher: source.publisher,
    publishedAt: source.publishedAt,
    kind: source.kind,
    archiveUrl: source.archiveUrl,
    createdBy: source.createdBy,
    createdAt: source.createdAt,
    version: source.version,
  };
}

export function toClaimSourceView(link: ClaimSource, source: Source): ClaimSourceView {
  return {
    claimId: link.claimId,
    sourceId: link.sourceId,
    source: toSourceView(source),
    stance: link.stance,
    excerpt: link.excerpt,
    note: link.note,
    addedBy: link.addedBy,
    createdAt: link.createdAt,
  };
}
