import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SourceKind = 'primary' | 'official' | 'news' | 'dataset' | 'interview' | 'other';
export const SOURCE_KINDS: readonly SourceKind[] = ['primary', 'official', 'news', 'dataset', 'interview', 'other'];
export type Stance = 'supports' | 'refutes' | 'context';
export const STANCES: readonly Stance[] = ['supports', 'refutes', 'context'];

/** A piece of evidence, one per normalised URL, reusable across claims and articles. */
@Entity({ name: 'sources' })
export class Source {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ type: 'text' }) url!: string;
  @Column({ name: 'normalized_url', type: 'varchar', length: 2048 }) normalizedUrl!: string;
  @Column({ type: 'text', nullable: true }) title!: string | null;
  @Column({ type: 'varchar', length: 300, nullable: true }) publisher!: string | null;
  @Column({ name: 'published_at', type: 'varchar', length: 30, nullable: true }) publishedAt!: string | null;
  @Column({ type: 'varchar', length: 16 }) kind!: SourceKind;
  @Column({ name: 'archive_url', type: 'text', nullable: true }) archiveUrl!: string | null;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** A source attached to a claim, with the reviewer's reading of it. */
@Entity({ name: 'claim_sources' })
export class ClaimSource {
  @PrimaryColumn({ name: 'claim_id', type: 'varchar', length: 36 }) claimId!: string;
  @PrimaryColumn({ name: 'source_id', type: 'varchar', length: 36 }) sourceId!: string;
  @Column({ type: 'varchar', length: 16 }) stance!: Stance;
  @Column({ type: 'text', nullable: true }) excerpt!: string | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @Column({ name: 'added_by', type: 'varchar', length: 36 }) addedBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
}
