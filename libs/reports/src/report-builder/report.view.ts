import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, getSchemaPath, PickType, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { AnnotationView } from '@claimdesk/annotations';
import { ArticleSummary } from '@claimdesk/articles';
import { ClaimCorrectionView, ClaimView } from '@claimdesk/claims';
import { ClaimSourceView, SourceView } from '@claimdesk/sources';
import { RatingScaleView, VerdictView } from '@claimdesk/verdicts';
import type {
  ArticleReport,
  ClaimReport,
  Organisation,
  PersonRef,
  RatingScaleRef,
  ReportedAnnotation,
  ReportedCorrection,
  ReportedSnapshot,
  ReportedSource,
  ReportedSourceRecord,
  ReportedVerdict,
  ReportPeriod,
} from '../report.model';
import { REPORT_FORMAT_NAMES, REPORT_FORMATS, REPORT_JSON_FORMAT, REPORT_SCHEMA_VERSION, ReportFormat, VerdictReportDocument } from '../render';

/*
 * The JSON report (`format=json`) as OpenAPI describes it. Each class takes its fields from the API view
 * of the same thing, so the two are documented alike, and implements the report model, so the compiler
 * notices when the model gains a field the document does not list.
 */

export class ReportPersonView implements PersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() displayName!: string;
}

export class ReportOrganisationView implements Organisation {
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
}

export class ReportPeriodView implements ReportPeriod {
  @ApiProperty({ description: 'inclusive' }) from!: string;
  @ApiProperty({ description: 'exclusive' }) to!: string;
}

export class ReportRatingScaleView extends PickType(RatingScaleView, ['id', 'name', 'bestRating', 'worstRating'] as const) implements RatingScaleRef {}

export class ReportVerdictView
  extends PickType(VerdictView, ['id', 'rating', 'ratingLabel', 'ratingValue', 'rationale', 'confidence', 'status', 'reviewNote', 'publishedAt', 'supersedes', 'correctionNote', 'createdAt', 'updatedAt'] as const)
  implements ReportedVerdict {
  @ApiProperty({ type: ReportRatingScaleView }) scale!: ReportRatingScaleView;
  @ApiProperty({ type: ReportPersonView }) author!: ReportPersonView;
  @ApiProperty({ type: ReportPersonView, nullable: true, description: 'the editor who approved or rejected it' }) reviewer!: ReportPersonView | null;
}

export class ReportSourceRecordView extends PickType(SourceView, ['id', 'url', 'title', 'publisher', 'publishedAt', 'kind', 'archiveUrl'] as const) implements ReportedSourceRecord {}

export class ReportSnapshotView implements ReportedSnapshot {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fetchedAt!: string;
  @ApiProperty({ description: 'sha256 of the stored bytes, hex' }) sha256!: string;
}

export class ReportSourceView extends PickType(ClaimSourceView, ['stance', 'excerpt', 'note'] as const) implements ReportedSource {
  @ApiProperty({ type: ReportSourceRecordView }) source!: ReportSourceRecordView;
  @ApiProperty({ type: ReportSnapshotView, nullable: true, description: 'the latest snapshot of the source; for a published verdict\'s evidence, the latest taken by the time it was published' })
  snapshot!: ReportSnapshotView | null;
}

export class ReportAnnotationView extends PickType(AnnotationView, ['id', 'parentId', 'body', 'motivation', 'createdAt', 'editedAt', 'deleted'] as const) implements ReportedAnnotation {
  @ApiProperty({ type: ReportPersonView }) author!: ReportPersonView;
}

export class ReportCorrectionView extends PickType(ClaimCorrectionView, ['quote', 'note', 'correctedAt'] as const) implements ReportedCorrection {
  @ApiProperty({ type: ReportPersonView, description: 'the editor who re-marked the claim' }) correctedBy!: ReportPersonView;
}

export class ReportClaimView
  extends PickType(ClaimView, ['id', 'quote', 'prefix', 'suffix', 'start', 'end', 'startUtf16', 'endUtf16', 'anchor', 'claimant', 'claimReviewed', 'tags', 'status', 'createdAt', 'updatedAt'] as const)
  implements ClaimReport {
  @ApiProperty({ description: 'the sentence before the quote' }) contextBefore!: string;
  @ApiProperty({ description: 'the sentence after the quote' }) contextAfter!: string;
  @ApiPropertyOptional({ enum: ['person', 'organization'], nullable: true }) claimantKind?: 'person' | 'organization' | null;
  @ApiProperty({ type: ReportPersonView }) createdBy!: ReportPersonView;
  @ApiProperty({ type: ReportVerdictView, nullable: true, description: 'the published verdict, else the latest one' }) currentVerdict!: ReportVerdictView | null;
  @ApiProperty({ type: [ReportVerdictView], description: 'oldest first, drafts, corrections and retracted ones included' }) verdicts!: ReportVerdictView[];
  @ApiProperty({ type: [ReportSourceView] }) sources!: ReportSourceView[];
  @ApiProperty({ type: [ReportAnnotationView], description: 'in thread order' }) annotations!: ReportAnnotationView[];
  @ApiProperty({ type: [ReportCorrectionView], description: 'earlier words of the claim, re-marked while a verdict was published; oldest first' }) corrections!: ReportCorrectionView[];
}

export class ReportArticleView extends PickType(ArticleSummary, ['id', 'title', 'url', 'publisher', 'authors', 'publishedAt', 'language', 'revision'] as const) implements ArticleReport {
  @ApiProperty({ type: [ReportClaimView], description: 'in reading order, orphaned claims last' }) claims!: ReportClaimView[];
}

/** `GET /articles/{id}/report?format=json` and `GET /reports?format=json`. */
export class VerdictReportView implements VerdictReportDocument {
  @ApiProperty({ enum: [REPORT_JSON_FORMAT] }) format!: typeof REPORT_JSON_FORMAT;
  @ApiProperty({ example: REPORT_SCHEMA_VERSION }) schemaVersion!: number;
  @ApiProperty() generatedAt!: string;
  @ApiProperty({ type: ReportOrganisationView }) organisation!: ReportOrganisationView;
  @ApiProperty({ description: 'CLAIMDESK_PUBLIC_URL' }) publicUrl!: string;
  @ApiProperty({ description: 'CLAIMDESK_REVIEW_URL, with `{claimId}`' }) reviewUrlTemplate!: string;
  @ApiPropertyOptional({ type: ReportPeriodView, description: 'only in a period report' }) period?: ReportPeriodView;
  @ApiProperty({ type: [ReportArticleView] }) articles!: ReportArticleView[];
}

/** schema.org Rating, as `format=claimreview` gives it (render/claimreview.ts). */
export class ClaimReviewRatingView {
  @ApiProperty({ name: '@type', enum: ['Rating'] }) type!: 'Rating';
  @ApiPropertyOptional({ description: 'absent for a rating off the truth axis' }) ratingValue?: number;
  @ApiProperty() bestRating!: number;
  @ApiProperty() worstRating!: number;
  @ApiProperty({ description: 'the rating label' }) alternateName!: string;
}

/** `format=claimreview`: schema.org ClaimReview, one per published verdict or statement checked in pieces (render/claimreview.ts). */
export class ClaimReviewView {
  @ApiProperty({ name: '@context', enum: ['https://schema.org'] }) context!: 'https://schema.org';
  @ApiProperty({ name: '@type', enum: ['ClaimReview'] }) type!: 'ClaimReview';
  @ApiProperty({ description: 'from CLAIMDESK_REVIEW_URL' }) url!: string;
  @ApiProperty() claimReviewed!: string;
  @ApiProperty({ type: ClaimReviewRatingView }) reviewRating!: ClaimReviewRatingView;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'a schema.org Claim with its author, date and appearance' }) itemReviewed!: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'the organisation (CLAIMDESK_ORG_NAME, CLAIMDESK_ORG_URL)' }) author!: object;
  @ApiPropertyOptional() datePublished?: string;
}

const SCHEMA_OF: Record<ReportFormat, SchemaObject | ReferenceObject> = {
  json: { $ref: getSchemaPath(VerdictReportView) },
  markdown: { type: 'string' },
  html: { type: 'string', description: 'one self-contained page' },
  csv: { type: 'string', description: 'UTF-8 with BOM: a header row, then one row per claim' },
  pdf: { type: 'string', format: 'binary' },
  claimreview: { type: 'array', items: { $ref: getSchemaPath(ClaimReviewView) } },
};

/** The 200 answer of a report route: one media type per format, as `REPORT_FORMATS` serves them. */
export const ApiReport = (description: string): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(VerdictReportView, ClaimReviewView),
    ApiOkResponse({
      description: `${description}; the media type follows \`format\` (text formats in UTF-8)`,
      content: Object.fromEntries(REPORT_FORMAT_NAMES.map((format) => [REPORT_FORMATS[format].mediaType, { schema: SCHEMA_OF[format] }])),
    }),
  );
