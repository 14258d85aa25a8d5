import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@claimdesk/core';
import { WorkspaceService } from './workspace.service';
import { Workspace, WorkspacePerson } from './workspace.view';
import { SnapshotHead } from '@claimdesk/sources';

@ApiTags('articles')
@ApiExtraModels(WorkspacePerson, SnapshotHead)
@ApiBearerAuth()
@Controller('api/v1/articles')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Get(':id/workspace')
  @ApiOkResponse({ type: Workspace, description: 'the article and all its claims with their annotations, sources (with stance) and verdicts, and the people named' })
  @ApiProblems('not_found')
  load(@Param('id') id: string): Promise<Workspace> {
    return this.workspace.load(id);
  }
}
