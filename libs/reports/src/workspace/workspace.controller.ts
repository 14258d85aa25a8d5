import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '@claimdesk/core';
import { Workspace, WorkspaceService } from './workspace.service';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class WorkspaceController {
  constructor(private readonly workspace: WorkspaceService) {}

  @Get(':id/workspace')
  @ApiOkResponse({ description: '{ article, claims: [Claim & { annotations, sources: [ClaimSource with its source], verdicts }], users: { [id]: { displayName, role } } }' })
  @ApiProblems('not_found')
  load(@Param('id') id: string): Promise<Workspace> {
    return this.workspace.load(id);
  }
}
