import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, ApiProblems, CurrentActor, IfMatch, ListQueryDto, Page } from '@claimdesk/core';
import { AnnotationsService } from './annotations.service';
import { AnnotationView } from './annotation.view';
import { CreateAnnotationDto, UpdateAnnotationDto } from './dto/annotation.dto';

@ApiTags('annotations')
@ApiBearerAuth()
@Controller('api/v1')
export class AnnotationsController {
  constructor(private readonly annotations: AnnotationsService) {}

  @Post('claims/:id/annotations')
  @ApiCreatedResponse({ type: AnnotationView })
  @ApiProblems('not_found')
  create(@CurrentActor() actor: Actor, @Param('id') claimId: string, @Body() body: CreateAnnotationDto): Promise<AnnotationView> {
    return this.annotations.create(actor, claimId, body);
  }

  @Get('claims/:id/annotations')
  @ApiPage(AnnotationView, 'in thread order: each reply after its parent, depth-first, oldest first')
  @ApiProblems('not_found')
  list(@Param('id') claimId: string, @Query() query: ListQueryDto): Promise<Page<AnnotationView>> {
    return this.annotations.listForClaim(claimId, query);
  }

  @Get('annotations/:id')
  @ApiOkResponse({ type: AnnotationView })
  @ApiProblems('not_found')
  get(@Param('id') id: string): Promise<AnnotationView> {
    return this.annotations.get(id);
  }

  @Patch('annotations/:id')
  @ApiOkResponse({ type: AnnotationView, description: 'author only; sets editedAt' })
  @ApiProblems('forbidden', 'not_found', 'version_conflict')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateAnnotationDto, @IfMatch() version?: number): Promise<AnnotationView> {
    return this.annotations.update(actor, id, body, version);
  }

  @Delete('annotations/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'author or editor; a note with replies stays as a tombstone (body null, deleted true)' })
  @ApiProblems('forbidden', 'not_found', 'version_conflict')
  remove(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() version?: number): Promise<void> {
    return this.annotations.remove(actor, id, version);
  }
}
