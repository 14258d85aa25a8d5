import { ApiProperty } from '@nestjs/swagger';
import { SourceSnapshot } from './source-snapshot.entity';

export class SnapshotView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) sourceId!: string;
  @ApiProperty({ description: 'the source URL that was fetched' }) url!: string;
  @ApiProperty({ description: 'where the redirects led' }) finalUrl!: string;
  @ApiProperty() fetchedAt!: string;
  @ApiProperty({ description: 'the final HTTP status (a snapshot of a 404 records that the page is gone)' }) httpStatus!: number;
  @ApiProperty({ nullable: true, type: String }) contentType!: string | null;
  @ApiProperty({ description: 'the size of the stored body, decompressed' }) bytes!: number;
  @ApiProperty({ description: 'sha256 of the stored bytes, hex' }) sha256!: string;
  @ApiProperty({ nullable: true, type: String }) title!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the page as canonical text (HTML and plain text only)' }) text!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the public web archive\'s copy, when CLAIMDESK_ARCHIVE_URL is set and the submission worked' }) archiveUrl!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
}

/** A snapshot without its page: when, what status, which hash, and the archive's copy. */
export class SnapshotHead {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fetchedAt!: string;
  @ApiProperty() httpStatus!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty({ nullable: true, type: String }) archiveUrl!: string | null;
}

export function toSnapshotView(snapshot: SourceSnapshot): SnapshotView {
  return {
    id: snapshot.id, sourceId: snapshot.sourceId, url: snapshot.url, finalUrl: snapshot.finalUrl, fetchedAt: snapshot.fetchedAt,
    httpStatus: Number(snapshot.httpStatus), contentType: snapshot.contentType, bytes: Number(snapshot.bytes), sha256: snapshot.sha256,
    title: snapshot.title, text: snapshot.text, archiveUrl: snapshot.archiveUrl, createdBy: snapshot.createdBy,
  };
}
