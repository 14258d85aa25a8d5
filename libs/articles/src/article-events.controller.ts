import { BeforeApplicationShutdown, Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor, ApiProblems, CurrentActor } from '@claimdesk/core';
import { formatSse, LiveEvent, ReadableEvents } from '@claimdesk/audit';
import { SessionWatch, tokenOf } from '@claimdesk/identity';
import { ArticlesService } from './articles.service';

const HEARTBEAT_MS = 20_000;

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'same as the Last-Event-ID header, for clients that cannot set headers' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  lastEventId?: number;
}

@ApiTags('live updates')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class ArticleEventsController implements BeforeApplicationShutdown {
  /** Ends each open stream; an instance that shuts down ends them first, so clients reconnect to a live one. */
  private readonly openStreams = new Set<() => void>();

  constructor(private readonly articles: ArticlesService, private readonly events: ReadableEvents, private readonly sessions: SessionWatch) {}

  beforeApplicationShutdown(): void {
    for (const end of [...this.openStreams]) end();
  }

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
    const lastEventId = Number.parseInt(lastEventHeader ?? '', 10);
    const since = Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : query.lastEventId;

    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    raw.write('retry: 2000\n\n');

    const following = this.events.follow(actor, id, since, (event: LiveEvent) => void raw.write(formatSse(event)));
    // A named event rather than a comment, so that a client can tell a quiet stream from a dead one.
    const heartbeat = setInterval(() => raw.write('event: heartbeat\ndata: {}\n\n'), HEARTBEAT_MS);
    // Signing out, a password change or a disabled account ends the stream (API.md, "Hardening").
    const unwatch = this.sessions.watch(tokenOf(request) ?? '', () => end());
    const end = (): void => {
      this.openStreams.delete(end);
      clearInterval(heartbeat);
      unwatch();
      following.stop();
      if (!raw.writableEnded) raw.end();
    };
    this.openStreams.add(end);
    request.raw.on('close', end);
    await following.ready;
  }
}
