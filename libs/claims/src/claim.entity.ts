import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonText } from '@claimdesk/database';
import type { AnchorStatus } from '@claimdesk/text';

export type ClaimStatus = 'open' | 'in_review' | 'resolved';
export const CLAIM_STATUSES: readonly ClaimStatus[] = ['open', 'in_review', 'resolved'];

/**
 * A checkable claim: a span of the article's current text, held by both W3C selectors: the position
 * (code points, null while orphaned) and the quote with 32 code points of context either side.
 */
@Entity({ name: 'claims' })
export class ClaimSpan {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'article_id', type: 'varchar', length: 36 }) articleId!: string;
  /** The article revision the offsets refer to. */
  @Column({ type: 'integer' }) revision!: number;
  @Column({ name: 'start_offset', type: 'integer', nullable: true }) start!: number | null;
  @Column({ name: 'end_offset', type: 'integer', nullable: true }) end!: number | null;
  @Column({ name: 'start_utf16', type: 'integer', nullable: true }) startUtf16!: number | null;
  @Column({ name: 'end_utf16', type: 'integer', nullable: true }) endUtf16!: number | null;
  @Column({ type: 'text' }) quote!: string;
  @Column({ type: 'text' }) prefix!: string;
  @Column({ type: 'text' }) suffix!: string;
  @Column({ type: 'varchar', length: 16 }) anchor!: AnchorStatus;
  @Column({ type: 'text', nullable: true }) claimant!: string | null;
  @Column({ name: 'claim_reviewed', type: 'text', nullable: true }) claimReviewed!: string | null;
  @Column({ type: 'text', transformer: jsonText<string[]>([]) }) tags!: string[];
  @Column({ type: 'varchar', length: 16 }) status!: ClaimStatus;
  @Column({ name: 'created_by', type: 'varchar', length: 36 }) createdBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
  @Column({ type: 'integer', default: 1 }) version!: number;
  /** Who works on the claim (API.md, "Work"), until when, and since when. */
  @Column({ name: 'assignee_id', type: 'varchar', length: 36, nullable: true }) assigneeId!: string | null;
  @Column({ name: 'due_at', type: 'varchar', length: 30, nullable: true }) dueAt!: string | null;
  @Column({ name: 'assigned_at', type: 'varchar', length: 30, nullable: true }) assignedAt!: string | null;
}

/** Where a claim was anchored at each revision, and how: its anchoring history. */
@Entity({ name: 'claim_anchorings' })
export class ClaimAnchoring {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'claim_id', type: 'varchar', length: 36 }) claimId!: string;
  @Column({ type: 'integer' }) revision!: number;
  @Column({ type: 'varchar', length: 16 }) status!: AnchorStatus;
  @Column({ name: 'start_offset', type: 'integer', nullable: true }) start!: number | null;
  @Column({ name: 'end_offset', type: 'integer', nullable: true }) end!: number | null;
  @Column({ type: 'text' }) quote!: string;
  @Column({ type: 'text' }) prefix!: string;
  @Column({ type: 'text' }) suffix!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId!: string | null;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
}

/** The words a published verdict was given for, kept when an editor re-marked the claim, with the editor's note. */
@Entity({ name: 'claim_corrections' })
export class ClaimCorrection {
  @PrimaryColumn({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'claim_id', type: 'varchar', length: 36 }) claimId!: string;
  /** The revision the earlier offsets refer to. */
  @Column({ type: 'integer' }) revision!: number;
  @Column({ name: 'start_offset', type: 'integer', nullable: true }) start!: number | null;
  @Column({ name: 'end_offset', type: 'integer', nullable: true }) end!: number | null;
  /** The earlier quote. */
  @Column({ type: 'text' }) quote!: string;
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'corrected_by', type: 'varchar', length: 36 }) correctedBy!: string;
  @Column({ name: 'created_at', type: 'varchar', length: 30 }) createdAt!: string;
}
