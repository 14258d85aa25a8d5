import { ApiProperty } from '@nestjs/swagger';
import { ClaimSourceView } from '@claimdesk/sources';
import { RatingLevel, RatingScale, Verdict } from './verdict.entity';
import { VERDICT_STATUSES, VerdictStatus } from './verdict-workflow';

export class RatingLevelView {
  @ApiProperty({ example: 'mostly-false' }) key!: string;
  @ApiProperty({ example: 'Mostly false' }) label!: string;
  @ApiProperty({ nullable: true, type: Number }) value!: number | null;
  @ApiProperty() description!: string;
}

export class RatingScaleView {
  @ApiProperty({ example: 'claimdesk-6' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [RatingLevelView] }) levels!: RatingLevel[];
  @ApiProperty() bestRating!: number;
  @ApiProperty() worstRating!: number;
}

export class VerdictView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty() scaleId!: string;
  @ApiProperty({ description: 'a level key of the scale' }) rating!: string;
  @ApiProperty() ratingLabel!: string;
  @ApiProperty({ nullable: true, type: Number }) ratingValue!: number | null;
  @ApiProperty({ nullable: true, type: String }) rationale!: string | null;
  @ApiProperty({ nullable: true, type: Number, minimum: 0, maximum: 1 }) confidence!: number | null;
  @ApiProperty({ enum: VERDICT_STATUSES }) status!: VerdictStatus;
  @ApiProperty({ nullable: true, type: String }) reviewedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewNote!: string | null;
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'the published verdict this one corrects' }) supersedes!: string | null;
  @ApiProperty({ nullable: true, type: String }) correctionNote!: string | null;
  @ApiProperty({ nullable: true, type: [ClaimSourceView], description: 'the claim\'s sources as they were when this verdict was published (null before): what its published report shows' })
  evidence!: ClaimSourceView[] | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

export const toRatingScaleView = (scale: RatingScale): RatingScaleView => ({
  id: scale.id, name: scale.name, levels: scale.levels, bestRating: Number(scale.bestRating), worstRating: Number(scale.worstRating),
});

/** A rating as people read it: its label and value on its scale (the key itself, and no value, when the scale lacks it). */
export function ratingOn(scale: RatingScaleView | undefined, rating: string): { ratingLabel: string; ratingValue: number | null } {
  const level = scale?.levels.find((l) => l.key === rating);
  return { ratingLabel: level?.label ?? rating, ratingValue: level?.value ?? null };
}

export function toVerdictView(verdict: Verdict, scale: RatingScaleView | undefined): VerdictView {
  const { ratingLabel, ratingValue } = ratingOn(scale, verdict.rating);
  return {
    id: verdict.id,
    claimId: verdict.claimId,
    authorId: verdict.authorId,
    scaleId: verdict.scaleId,
    rating: verdict.rating,
    ratingLabel,
    ratingValue,
    rationale: verdict.rationale,
    confidence: verdict.confidence === null ? null : Number(verdict.confidence),
    status: verdict.status,
    reviewedBy: verdict.reviewedBy,
    reviewNote: verdict.reviewNote,
    publishedAt: verdict.publishedAt,
    supersedes: verdict.supersedes,
    correctionNote: verdict.correctionNote,
    evidence: verdict.evidence === null ? null : (JSON.parse(verdict.evidence) as ClaimSourceView[]),
    createdAt: verdict.createdAt,
    updatedAt: verdict.updatedAt,
    version: verdict.version,
  };
}
