import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, ApiProblems, CurrentActor, IfMatch, ListQueryDto, Page, Roles } from '@claimdesk/core';
import { CreateRatingScaleDto, CreateVerdictDto, ReviewNoteDto, TransitionDto, UpdateVerdictDto } from './dto/verdict.dto';
import { RatingScalesService } from './rating-scales.service';
import { VerdictsService } from './verdicts.service';
import { RatingScaleView, VerdictView } from './verdict.view';

@ApiTags('verdicts')
@ApiBearerAuth()
@Controller('api/v1')
export class VerdictsController {
  constructor(private readonly verdicts: VerdictsService, private readonly scales: RatingScalesService) {}

  @Get('rating-scales')
  @ApiPage(RatingScaleView, 'built-in scales first, then oldest first')
  @ApiProblems()
  listScales(@Query() query: ListQueryDto): Promise<Page<RatingScaleView>> {
    return this.scales.list(query);
  }

  @Get('rating-scales/:id')
  @ApiOkResponse({ type: RatingScaleView })
  @ApiProblems('not_found')
  getScale(@Param('id') id: string): Promise<RatingScaleView> {
    return this.scales.get(id);
  }

  @Post('rating-scales')
  @Roles('admin')
  @ApiCreatedResponse({ type: RatingScaleView })
  @ApiProblems('forbidden', 'already_exists')
  createScale(@CurrentActor() actor: Actor, @Body() body: CreateRatingScaleDto): Promise<RatingScaleView> {
    return this.scales.create(actor, body);
  }

  @Post('claims/:id/verdicts')
  @ApiCreatedResponse({ type: VerdictView, description: 'a draft' })
  @ApiProblems('not_found')
  create(@CurrentActor() actor: Actor, @Param('id') claimId: string, @Body() body: CreateVerdictDto): Promise<VerdictView> {
    return this.verdicts.create(actor, claimId, body);
  }

  @Get('claims/:id/verdicts')
  @ApiPage(VerdictView, 'oldest first')
  @ApiProblems('not_found')
  list(@Param('id') claimId: string, @Query() query: ListQueryDto): Promise<Page<VerdictView>> {
    return this.verdicts.listForClaim(claimId, query);
  }

  @Get('verdicts/:id')
  @ApiOkResponse({ type: VerdictView })
  @ApiProblems('not_found')
  get(@Param('id') id: string): Promise<VerdictView> {
    return this.verdicts.get(id);
  }

  @Patch('verdicts/:id')
  @ApiOkResponse({ type: VerdictView, description: 'author only, drafts only' })
  @ApiProblems('forbidden', 'not_found', 'verdict_locked', 'version_conflict')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateVerdictDto, @IfMatch() version?: number): Promise<VerdictView> {
    return this.verdicts.update(actor, id, body, version);
  }

  @Post('verdicts/:id/submit')
  @HttpCode(200)
  @ApiBody({ type: TransitionDto, required: false })
  @ApiOkResponse({ type: VerdictView, description: 'author; needs a rationale and a source on the claim → submitted' })
  @ApiProblems('forbidden', 'not_found', 'invalid_transition', 'source_required', 'version_conflict')
  submit(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() _none: TransitionDto, @IfMatch() version?: number): Promise<VerdictView> {
    return this.verdicts.transition(actor, id, 'submit', undefined, version);
  }

  @Post('verdicts/:id/approve')
  @HttpCode(200)
  @ApiBody({ type: TransitionDto, required: false })
  @ApiOkResponse({ type: VerdictView, description: 'an editor who is not the author → approved' })
  @ApiProblems('forbidden', 'not_found', 'invalid_transition', 'version_conflict')
  approve(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() _none: TransitionDto, @IfMatch() version?: number): Promise<VerdictView> {
    return this.verdicts.transition(actor, id, 'approve', undefined, version);
  }

  @Post('verdicts/:id/reject')
  @HttpCode(200)
  @ApiOkResponse({ type: VerdictView, description: 'an editor who is not the author, with a note → draft' })
  @ApiProblems('forbidden', 'not_found', 'invalid_transition', 'version_conflict')
  reject(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviewNoteDto, @IfMatch() version?: number): Promise<VerdictView> {
    return this.verdicts.transition(actor, id, 'reject', body.note, version);
  }

  @Post('verdicts/:id/publish')
  @HttpCode(200)
  @ApiBody({ type: TransitionDto, required: false })
  @ApiOkResponse({ type: VerdictView, description: 'an editor who is not the author, from approved → published; a correction retracts the verdict it supersedes' })
  @ApiProblems('forbidden', 'not_found', 'invalid_transition', 'version_conflict')
  publish(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() _none: TransitionDto, @IfMatch() version?: number): Promise<VerdictView> {
    return this.verdicts.transition(actor, id, 'publish', undefined, version);
  }

  @Post('verdicts/:id/retract')
  @HttpCode(200)
  @ApiOkResponse({ type: VerdictView, description: 'an editor, with a note, from published → retracted' })
  @ApiProblems('forbidden', 'not_found', 'invalid_transition', 'version_conflict')
  retract(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: ReviewNoteDto, @IfMatch() version?: number): Promise<VerdictView> {
    return this.verdicts.transition(actor, id, 'retract', body.note, version);
  }
}
