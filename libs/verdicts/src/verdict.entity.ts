import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText } from '@claimdesk/database';
import type { VerdictStatus } from './verdict-workflow';

export interface RatingLevel {
  key: string;
  label: string;
  /** Null for a rating off the truth axis (e.g. "unsupported"). */
  value: number | null;
  description: string;
}

@Entity({ name: 'rating_scales' })
export class RatingScale {
  /** A slug, e.g. `claimdesk-6`. */
  @PrimaryColumn({ type: 'varchar', length: 64 }) id!: string;
  @Column({ type: 'varchar', length: 200 }) name!: string;
  @Column({ type: 'text', transformer: jsonText<RatingLevel[]>([]) }) levels!: RatingLevel[];
  @Column({ name: 'best_rating', type: 'double precision' }) bestRating!: number;
  @Column({ name: 'worst_rating', type: 'double precision' }) worstRating!: number;
  @Column({ name: 'built_in', type: 'boolean', default: false }) builtIn!: boolean;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
}

/** A reviewer's rating of a claim, moving through the editorial workflow. */
@Entity({ name: 'verdicts' })
export class Verdict {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'claim_id', type: 'varchar', length: 36 }) claimId!: string;
  @Column({ name: 'author_id', type: 'varchar', length: 36 }) authorId!: string;
  @Column({ name: 'scale_id', type: 'varchar', length: 64 }) scaleId!: string;
  @Column({ type: 'varchar', length: 64 }) rating!: string;
  @Column({ type: 'text', nullable: true }) rationale!: string | null;
  @Column({ type: 'double precision', nullable: true }) confidence!: number | null;
  @Column({ type: 'varchar', length: 16 }) status!: VerdictStatus;
  @Column({ name: 'reviewed_by', type: 'varchar', length: 36, nullable: true }) reviewedBy!: string | null;
  @Column({ name: 'review_note', type: 'text', nullable: true }) reviewNote!: string | null;
  @Column({ name: 'published_at', type: 'varchar', length: 30, nullable: true }) publishedAt!: string | null;
  /** The published verdict this one corrects. */
  @Column({ type: 'varchar', length: 36, nullable: true }) supersedes!: string | null;
  @Column({ name: 'correction_note', type: 'text', nullable: true }) correctionNote!: string | null;
  /** The claim's source links as they were when this verdict was published (JSON), else null. */
  @Column({ type: 'text', nullable: true }) evidence!: string | null;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
}
