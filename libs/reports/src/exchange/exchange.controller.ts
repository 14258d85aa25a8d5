import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Actor, ApiProblems, CurrentActor, notFound, Public, Settings, SETTINGS } from '@claimdesk/core';
import { inertJson } from '../render/inert-json';
import { ReportsService } from '../report-builder/reports.service';
import { ANNO_MEDIA_TYPE, CLAIMDESK_CONTEXT, readAnnotationContext, toAnnotationCollection, toAnnotationPage } from '../web-annotation';
import { AnnotationImportService, ImportOutcome } from './annotation-import.service';
import { ANNOTATION_EXPORT_SCHEMA, ANNOTATION_IMPORT_SCHEMA, ImportOutcomeView } from './exchange.view';

export class AnnotationPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, description: 'a page of the collection; without it, the collection with its first page' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;
}

export class ImportQueryDto {
  @ApiProperty({ format: 'uuid', description: 'the article the annotations are placed on' })
  @IsString()
  @IsUUID()
  articleId!: string;
}

@ApiTags('reports and exchange')
@ApiBearerAuth()
@Controller('api/v1')
export class ExchangeController {
  constructor(
    private readonly reports: ReportsService,
    private readonly imports: AnnotationImportService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @Get('articles/:id/annotations')
  @ApiOkResponse({
    description: 'W3C Web Annotation AnnotationCollection (first page embedded), or one AnnotationPage with ?page=N',
    content: { [ANNO_MEDIA_TYPE]: { schema: ANNOTATION_EXPORT_SCHEMA } },
  })
  @ApiProblems('not_found')
  async annotations(@Param('id') id: string, @Query() query: AnnotationPageQueryDto, @Res() reply: FastifyReply): Promise<void> {
    const article = await this.reports.article(id);
    const options = { publicUrl: this.settings.publicUrl };
    const body = query.page === undefined ? toAnnotationCollection(article, options) : toAnnotationPage(article, query.page, options);
    if (!body) throw notFound('annotation page', String(query.page));
    // Sent as bytes so that the media type goes out exactly as the W3C profile spells it.
    await reply.header('Content-Type', ANNO_MEDIA_TYPE).send(Buffer.from(inertJson(body), 'utf8'));
  }

  @Post('imports/annotations')
  @HttpCode(200)
  @ApiConsumes('application/json', 'application/ld+json')
  @ApiBody({ schema: ANNOTATION_IMPORT_SCHEMA, description: 'W3C Web Annotation or Hypothesis API JSON' })
  @ApiOkResponse({ type: ImportOutcomeView, description: 'what became a claim, and what could not be placed and why; `index` counts from 0 in the order given' })
  @ApiProblems('not_found')
  import(@CurrentActor() actor: Actor, @Query() query: ImportQueryDto, @Body() body: unknown): Promise<ImportOutcome> {
    return this.imports.import(actor, query.articleId, body);
  }

  /** The W3C annotation JSON-LD context, served from the copy we ship: nothing is fetched. */
  @Public()
  @Get('contexts/anno.jsonld')
  @ApiOkResponse({ description: 'the W3C Web Annotation JSON-LD context (local copy)', content: { 'application/ld+json': { schema: { type: 'object', additionalProperties: true } } } })
  async context(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('Content-Type', 'application/ld+json; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(readAnnotationContext());
  }

  /** The JSON-LD context of the terms the desk adds to its Web Annotations (claimant, stance, the thread of notes…). */
  @Public()
  @Get('contexts/claimdesk.jsonld')
  @ApiOkResponse({ description: 'the JSON-LD context of ClaimDesk\'s terms in its Web Annotation exports', content: { 'application/ld+json': { schema: { type: 'object', additionalProperties: true } } } })
  async claimDeskContext(@Res() reply: FastifyReply): Promise<void> {
    await reply.header('Content-Type', 'application/ld+json; charset=utf-8').header('Cache-Control', 'public, max-age=86400').send(JSON.stringify(CLAIMDESK_CONTEXT));
  }
}
