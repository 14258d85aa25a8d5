import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiExtraModels, getSchemaPath, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, ApiProblems, AssignmentDto, CurrentActor, IfMatch, ListQueryDto, Page } from '@claimdesk/core';
import { AuditService, AuditView } from '@claimdesk/audit';
import { ArticleContentDto } from '@claimdesk/articles';
import { ArticleRevisionService, RevisionResult } from './article-revision.service';
import { ClaimCounts, ClaimCountsView, ClaimsService } from './claims.service';
import { ClaimView } from './claim.view';
import { ClaimCountsQueryDto, ClaimListQueryDto, CreateClaimDto, SelectorDto, UpdateClaimDto } from './dto/claim.dto';

@ApiTags('claims')
@ApiBearerAuth()
@ApiExtraModels(SelectorDto, ClaimCountsView)
@Controller('api/v1')
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly revisions: ArticleRevisionService,
    private readonly audit: AuditService,
  ) {}

  @Post('articles/:id/claims')
  @ApiCreatedResponse({ type: ClaimView })
  @ApiProblems('not_found', 'offset_out_of_range', 'empty_span', 'quote_not_found', 'quote_ambiguous')
  create(@CurrentActor() actor: Actor, @Param('id') articleId: string, @Body() body: CreateClaimDto): Promise<ClaimView> {
    return this.claims.create(actor, articleId, body);
  }

  @Get('articles/:id/claims')
  @ApiPage(ClaimView, 'in reading order, orphaned claims last')
  @ApiProblems('not_found')
  list(@CurrentActor() actor: Actor, @Param('id') articleId: string, @Query() query: ClaimListQueryDto): Promise<Page<ClaimView>> {
    return this.claims.list(articleId, query, actor);
  }

  @Put('articles/:id/text')
  @ApiOkResponse({ type: RevisionResult, description: 'a new revision; every claim re-anchored (a no-op when the canonical text is unchanged)' })
  @ApiProblems('not_found', 'version_conflict', 'payload_too_large')
  revise(@CurrentActor() actor: Actor, @Param('id') articleId: string, @Body() body: ArticleContentDto, @IfMatch() version?: number): Promise<RevisionResult> {
    return this.revisions.revise(actor, articleId, body, version);
  }

  @Get('claim-counts')
  @ApiOkResponse({ description: 'counts by article id', schema: { type: 'object', additionalProperties: { $ref: getSchemaPath(ClaimCountsView) } } })
  @ApiProblems()
  counts(@Query() query: ClaimCountsQueryDto): Promise<Record<string, ClaimCounts>> {
    return this.claims.countsFor(query.articleIds);
  }

  @Get('claims/:id/history')
  @ApiPage(AuditView, 'newest first: the claim and its annotations, sources and verdicts; a deleted note reads `body: null, redacted: true` except for editors and admins')
  @ApiProblems('not_found')
  async history(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ListQueryDto): Promise<Page<AuditView>> {
    await this.claims.ref(id);
    return this.audit.claimHistory(actor, id, query);
  }

  @Get('claims/:id')
  @ApiOkResponse({ type: ClaimView })
  @ApiProblems('not_found')
  get(@Param('id') id: string): Promise<ClaimView> {
    return this.claims.get(id);
  }

  @Patch('claims/:id')
  @ApiOkResponse({ type: ClaimView })
  @ApiProblems('forbidden', 'not_found', 'version_conflict', 'offset_out_of_range', 'empty_span', 'quote_not_found', 'quote_ambiguous', 'claim_orphaned')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateClaimDto, @IfMatch() version?: number): Promise<ClaimView> {
    return this.claims.update(actor, id, body, version);
  }

  @Put('claims/:id/assignment')
  @ApiOkResponse({ type: ClaimView, description: 'an editor assigns anyone; a reviewer takes an unassigned claim or gives back their own' })
  @ApiProblems('forbidden', 'not_found', 'version_conflict')
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AssignmentDto, @IfMatch() version?: number): Promise<ClaimView> {
    return this.claims.assign(actor, id, body, version);
  }

  @Delete('claims/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the claim with its annotations, sources links and verdicts' })
  @ApiProblems('forbidden', 'not_found', 'version_conflict')
  remove(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() version?: number): Promise<void> {
    return this.claims.remove(actor, id, version);
  }
}
