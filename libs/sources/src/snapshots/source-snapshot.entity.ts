import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A source's page as the desk fetched it. The bytes (`content`, blob/bytea) are not mapped here: the
 * column type differs by engine, and only the content route reads them (SnapshotsService, raw SQL).
 */
@Entity({ name: 'source_snapshots' })
export class SourceSnapshot {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'source_id', type: 'varchar', length: 36 }) sourceId!: string;
  @Column({ type: 'text' }) url!: string;
  @Column({ name: 'final_url', type: 'text' }) finalUrl!: string;
  @Column({ name: 'fetched_at', type: 'varchar', length: 30 }) fetchedAt!: string;
  @Column({ name: 'http_status', type: 'integer' }) httpStatus!: number;
  @Column({ name: 'content_type', type: 'varchar', length: 300, nullable: true }) contentType!: string | null;
  @Column({ type: 'integer' }) bytes!: number;
  @Column({ type: 'varchar', length: 64 }) sha256!: string;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'text', nullable: true }) text!: string | null;
  @Column({ name: 'archive_url', type: 'text', nullable: true }) archiveUrl!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
}
