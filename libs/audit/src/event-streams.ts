import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Following } from './follow-log';
import { formatSse, LiveEvent } from './live-event';

const HEARTBEAT_MS = 20_000;

export class EventsQueryDto {
  @ApiPropertyOptional({ description: 'same as the Last-Event-ID header, for clients that cannot set headers' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  lastEventId?: number;
}

/** Where a stream resumes: the Last-Event-ID header, else `?lastEventId=`, else nowhere (only what comes next). */
export function resumeFrom(lastEventHeader: string | undefined, query: EventsQueryDto): number | undefined {
  const lastEventId = Number.parseInt(lastEventHeader ?? '', 10);
  return Number.isInteger(lastEventId) && lastEventId >= 0 ? lastEventId : query.lastEventId;
}

export interface StreamSource {
  /** Starts sending events to the client (see followLog). */
  follow(send: (event: LiveEvent) => void): Following;
  /**
   * Optional: hints that are not part of the numbered log (`queue.changed` on /me/events), sent without an
   * `id:` line so that the client's Last-Event-ID still names the last logged event. Returns the unsubscribe.
   */
  signals?(send: (name: string, data: object) => void): () => void;
  /** Calls `end` when the client's session ends (sign-out, password change, disabled); returns the unwatch. */
  watchSession(end: () => void): () => void;
}

/**
 * The Server-Sent Events machinery every stream route shares (API.md, "Live updates"): headers,
 * heartbeats, the end of the stream with the session or the client, and with the instance: an
 * instance that shuts down ends its streams first, so clients reconnect to a live one.
 */
@Injectable()
export class EventStreams implements BeforeApplicationShutdown {
  private readonly open = new Set<() => void>();

  beforeApplicationShutdown(): void {
    for (const end of [...this.open]) end();
  }

  /** Takes over the reply and streams `source` until the client, its session or the instance ends. */
  async stream(request: FastifyRequest, reply: FastifyReply, source: StreamSource): Promise<void> {
    const raw = reply.raw;
    reply.hijack();
    raw.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    raw.write('retry: 2000\n\n');

    const following = source.follow((event) => void raw.write(formatSse(event)));
    const unsignal = source.signals?.((name, data) => void raw.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)) ?? (() => undefined);
    // A named event rather than a comment, so that a client can tell a quiet stream from a dead one.
    const heartbeat = setInterval(() => raw.write('event: heartbeat\ndata: {}\n\n'), HEARTBEAT_MS);
    const unwatch = source.watchSession(() => end());
    const end = (): void => {
      this.open.delete(end);
      clearInterval(heartbeat);
      unwatch();
      unsignal();
      following.stop();
      if (!raw.writableEnded) raw.end();
    };
    this.open.add(end);
    request.raw.on('close', end);
    await following.ready;
  }
}
