import { ApiProperty } from '@nestjs/swagger';
import { ANCHOR_STATUSES, AnchorStatus } from '@claimdesk/text';
import { CLAIM_STATUSES, ClaimCorrection, ClaimSpan, ClaimStatus } from './claim.entity';

export class ClaimView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'code points; null while orphaned' }) start!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'code points, exclusive' }) end!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'UTF-16 offset, for browsers' }) startUtf16!: number | null;
  @ApiProperty({ nullable: true, type: Number }) endUtf16!: number | null;
  @ApiProperty() quote!: string;
  @ApiProperty({ description: 'up to 32 code points before the quote' }) prefix!: string;
  @ApiProperty({ description: 'up to 32 code points after the quote' }) suffix!: string;
  @ApiProperty({ enum: ANCHOR_STATUSES }) anchor!: AnchorStatus;
  @ApiProperty({ nullable: true, type: String }) claimant!: string | null;
  @ApiProperty({ nullable: true, type: String }) claimReviewed!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ enum: CLAIM_STATUSES }) status!: ClaimStatus;
  @ApiProperty({ description: 'the article revision the offsets refer to' }) revision!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'who works on the claim' }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the work is due' }) dueAt!: string | null;
}

export function toClaimView(claim: ClaimSpan): ClaimView {
  return {
    id: claim.id,
    articleId: claim.articleId,
    start: claim.start,
    end: claim.end,
    startUtf16: claim.startUtf16,
    endUtf16: claim.endUtf16,
    quote: claim.quote,
    prefix: claim.prefix,
    suffix: claim.suffix,
    anchor: claim.anchor,
    claimant: claim.claimant,
    claimReviewed: claim.claimReviewed,
    tags: claim.tags,
    status: claim.status,
    revision: claim.revision,
    createdBy: claim.createdBy,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    version: claim.version,
    assigneeId: claim.assigneeId ?? null,
    dueAt: claim.dueAt ?? null,
  };
}

/** A re-mark of a claim with a published verdict: the earlier words, and the editor's note on why they changed. */
export class ClaimCorrectionView {
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ description: 'the earlier quote' }) quote!: string;
  @ApiProperty({ description: 'the revision the earlier offsets refer to' }) revision!: number;
  @ApiProperty() note!: string;
  @ApiProperty({ format: 'uuid' }) correctedBy!: string;
  @ApiProperty() correctedAt!: string;
}

export function toClaimCorrectionView(c: ClaimCorrection): ClaimCorrectionView {
  return { claimId: c.claimId, quote: c.quote, revision: c.revision, note: c.note, correctedBy: c.correctedBy, correctedAt: c.createdAt };
}
