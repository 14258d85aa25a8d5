import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems } from '@claimdesk/core';
import { formatSse, LiveEvent, LiveEvents } from '@claimdesk/audit';
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
export class ArticleEventsController {
  constructor(private readonly articles: ArticlesService, private readonly events: LiveEvents, private readonly sessions: SessionWatch) {}

  /**
   * Server-Sent Events of one article. A reconnecting client sends Last-Event-ID and first receives
   * what it missed, from the audit log (see LiveEvents.follow).
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

    const following = this.events.follow(id, since, (event: LiveEvent) => void raw.write(formatSse(event)));
    const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
    // Signing out, a password change or a disabled account ends the stream (API.md, "Hardening").
    const unwatch = this.sessions.watch(tokenOf(request) ?? '', () => raw.end());
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unwatch();
      following.stop();
    });
    await following.ready;
  }
}
