import { Module } from '@nestjs/common';
import { AnnotationsModule } from '@claimdesk/annotations';
import { ArticlesModule } from '@claimdesk/articles';
import { ClaimsModule } from '@claimdesk/claims';
import { SourcesModule } from '@claimdesk/sources';
import { VerdictsModule } from '@claimdesk/verdicts';
import { WorkspaceController } from './workspace/workspace.controller';
import { WorkspaceService } from './workspace/workspace.service';

/** Read-only views across the desk: the reviewer workspace, reports and exchange formats. */
@Module({
  imports: [ArticlesModule, ClaimsModule, AnnotationsModule, SourcesModule, VerdictsModule],
  controllers: [WorkspaceController],
  providers: [WorkspaceService],
  exports: [WorkspaceService],
})
export class ReportsModule {}
