import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiProblems, DomainError, Page, Roles } from '@claimdesk/core';
import { ClaimsService } from '@claimdesk/claims';
import { FactCheckListQueryDto, SimilarLimitDto, SimilarQueryDto } from './dto/fact-check.dto';
import { FactChecksService, ImportResult } from './fact-checks.service';
import { FactCheckMatch, FactCheckView } from './fact-check.view';
import { streamedBodyOf } from './streamed-body';

@ApiTags('fact-checks')
@ApiBearerAuth()
@Controller('api/v1')
export class FactChecksController {
  constructor(private readonly factChecks: FactChecksService, private readonly claims: ClaimsService) {}

  @Post('fact-checks/import')
  @HttpCode(200)
  @ApiOkResponse({ description: '{ created, updated, failed: [{ index, reason }] }: one ClaimReview, an array of them or a DataFeed, keyed by url' })
  @ApiProblems('payload_too_large')
  import(@Req() request: FastifyRequest): Promise<ImportResult> {
    const body = streamedBodyOf(request);
    if (!body) throw new DomainError('validation_failed', 'send one ClaimReview, an array of them or a DataFeed as JSON', [{ path: '', message: 'no body' }]);
    return this.factChecks.import(body);
  }

  @Get('fact-checks/similar')
  @ApiOkResponse({ description: '{ items: [Fact-check & { score, likelySame }] }, best first, score in 0..1, none below CLAIMDESK_MATCH_SHOW' })
  @ApiProblems()
  async similar(@Query() query: SimilarQueryDto): Promise<{ items: FactCheckMatch[] }> {
    return { items: await this.factChecks.similar(query.text, query.limit ?? 5) };
  }

  @Get('claims/:id/similar')
  @ApiOkResponse({ description: 'fact-checks matching the claim (its quote, claimReviewed and claimant), excluding its own verdicts' })
  @ApiProblems('not_found')
  async similarToClaim(@Param('id') id: string, @Query() query: SimilarLimitDto): Promise<{ items: FactCheckMatch[] }> {
    const claim = await this.claims.get(id);
    const text = [claim.quote, claim.claimReviewed].filter((t): t is string => !!t).join('\n');
    return { items: await this.factChecks.similar(text, query.limit ?? 5, { claimant: claim.claimant, excludeClaimId: claim.id }) };
  }

  @Get('fact-checks')
  @ApiOkResponse({ description: 'the library, in id order' })
  @ApiProblems()
  list(@Query() query: FactCheckListQueryDto): Promise<Page<FactCheckView>> {
    return this.factChecks.list(query);
  }

  @Get('fact-checks/:id')
  @ApiOkResponse({ description: 'one fact-check' })
  @ApiProblems('not_found')
  get(@Param('id') id: string): Promise<FactCheckView> {
    return this.factChecks.get(id);
  }

  @Delete('fact-checks/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiNoContentResponse({ description: 'removes an imported fact-check (admin only)' })
  @ApiProblems('forbidden', 'not_found')
  remove(@Param('id') id: string): Promise<void> {
    return this.factChecks.remove(id);
  }
}
