import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiProblems, CurrentActor } from '@claimdesk/core';
import { EventsQueryDto, EventStreams, ReadableEvents, resumeFrom } from '@claimdesk/audit';
import { SessionWatch, tokenOf } from '@claimdesk/identity';
import { ArticlesService } from './articles.service';

@ApiTags('live updates')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class ArticleEventsController {
  constructor(
    private readonly articles: ArticlesService,
    private readonly events: ReadableEvents,
    private readonly sessions: SessionWatch,
    private readonly streams: EventStreams,
  ) {}

  /**
   * Server-Sent Events of one article. A reconnecting client sends Last-Event-ID and first receives
   * what it missed, from the audit log (see LiveEvents.follow); deleted notes as the reader may see them.
   */
  @Get(':id/events')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'the id of the last event received: what came after it is sent first', schema: { type: 'integer', minimum: 0 } })
  @ApiOkResponse({
    description: 'text/event-stream; each event: `id:` (increasing integer), `event:` its type, `data:` { type, articleId, entityId, entity, actorId, at }',
    schema: { type: 'string', description: 'events, each `event:` its type, `id:` an increasing integer, `data:` JSON { type, articleId, entityId, entity, actorId, at }' },
  })
  @ApiProblems('not_found')
  async stream(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('last-event-id') lastEventHeader: string | undefined,
    @Query() query: EventsQueryDto,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    await this.articles.assertExists(id); // 404 before the stream opens
    const since = resumeFrom(lastEventHeader, query);
    await this.streams.stream(request, reply, {
      follow: (send) => this.events.follow(actor, id, since, send),
      // Signing out, a password change or a disabled account ends the stream (API.md, "Hardening").
      watchSession: (end) => this.sessions.watch(tokenOf(request) ?? '', end),
    });
  }
}
