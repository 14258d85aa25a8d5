import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, ApiPage, ApiProblems, CurrentActor, IfMatch, ListQueryDto, Page } from '@claimdesk/core';
import { AttachSourceDto, CreateSourceDto, SourceListQueryDto, UpdateSourceDto } from './dto/source.dto';
import { SourcesService } from './sources.service';
import { ClaimSourceView, SourceView } from './source.view';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/v1')
export class SourcesController {
  constructor(private readonly sources: SourcesService) {}

  @Post('sources')
  @ApiCreatedResponse({ type: SourceView, description: 'a new source' })
  @ApiOkResponse({ type: SourceView, description: 'the source already known under the same normalised URL' })
  @ApiProblems()
  async register(@CurrentActor() actor: Actor, @Body() body: CreateSourceDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<SourceView> {
    const { source, created } = await this.sources.register(actor, body);
    void reply.status(created ? 201 : 200);
    return source;
  }

  @Get('sources')
  @ApiPage(SourceView, 'newest first')
  @ApiProblems()
  list(@Query() query: SourceListQueryDto): Promise<Page<SourceView>> {
    return this.sources.list(query);
  }

  @Get('sources/:id')
  @ApiOkResponse({ type: SourceView })
  @ApiProblems('not_found')
  get(@Param('id') id: string): Promise<SourceView> {
    return this.sources.get(id);
  }

  @Patch('sources/:id')
  @ApiOkResponse({ type: SourceView, description: 'the URL is the identity of a source and cannot change' })
  @ApiProblems('not_found', 'version_conflict')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateSourceDto, @IfMatch() version?: number): Promise<SourceView> {
    return this.sources.update(actor, id, body, version);
  }

  @Post('claims/:id/sources')
  @ApiCreatedResponse({ type: ClaimSourceView })
  @ApiProblems('not_found', 'already_exists')
  attach(@CurrentActor() actor: Actor, @Param('id') claimId: string, @Body() body: AttachSourceDto): Promise<ClaimSourceView> {
    return this.sources.attach(actor, claimId, body);
  }

  @Get('claims/:id/sources')
  @ApiPage(ClaimSourceView, 'oldest first')
  @ApiProblems('not_found')
  listForClaim(@Param('id') claimId: string, @Query() query: ListQueryDto): Promise<Page<ClaimSourceView>> {
    return this.sources.listForClaim(claimId, query);
  }

  @Delete('claims/:id/sources/:sourceId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'detaches the source from the claim; the source stays for other claims. Editors only while the claim has a published verdict' })
  @ApiProblems('forbidden', 'not_found')
  detach(@CurrentActor() actor: Actor, @Param('id') claimId: string, @Param('sourceId') sourceId: string): Promise<void> {
    return this.sources.detach(actor, claimId, sourceId);
  }
}
