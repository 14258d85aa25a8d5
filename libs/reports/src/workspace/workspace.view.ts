import { ApiProperty } from '@nestjs/swagger';
import { AnnotationView } from '@claimdesk/annotations';
import { ArticleView } from '@claimdesk/articles';
import { ClaimCorrectionView, ClaimView } from '@claimdesk/claims';
import { ClaimSourceView, SnapshotHead } from '@claimdesk/sources';
import { VerdictView } from '@claimdesk/verdicts';

export class WorkspaceClaim extends ClaimView {
  @ApiProperty({ type: [AnnotationView], description: 'in thread order' }) annotations!: AnnotationView[];
  @ApiProperty({ type: [ClaimSourceView] }) sources!: ClaimSourceView[];
  @ApiProperty({ type: [VerdictView], description: 'oldest first' }) verdicts!: VerdictView[];
  @ApiProperty({ type: [ClaimCorrectionView], description: 'earlier words of a claim with a published verdict, oldest first' }) corrections!: ClaimCorrectionView[];
}

export class WorkspacePerson {
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: ['reviewer', 'editor', 'admin'] }) role!: string;
}

/** Everything the reviewer screen needs, in one answer. */
export class Workspace {
  @ApiProperty({ type: ArticleView }) article!: ArticleView;
  @ApiProperty({ type: [WorkspaceClaim], description: 'in reading order, orphaned claims last' }) claims!: WorkspaceClaim[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: '#/components/schemas/WorkspacePerson' }, description: 'everyone named in the workspace (who wrote the article and each of its revisions, marked its claims, wrote their notes, added their sources, wrote and reviewed their verdicts), by user id' })
  users!: Record<string, WorkspacePerson>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/SnapshotHead' } }, description: 'the snapshots of every source in the workspace (links and published evidence), by source id, oldest first' })
  snapshots!: Record<string, SnapshotHead[]>;
}
