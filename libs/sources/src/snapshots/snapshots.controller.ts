import { Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Actor, ApiPage, ApiProblems, CurrentActor, ListQueryDto, Page } from '@claimdesk/core';
import { mediaTypeOf } from '@claimdesk/articles';
import { SnapshotsService } from './snapshots.service';
import { SnapshotView } from './snapshot.view';

@ApiTags('sources')
@ApiBearerAuth()
@Controller('api/v1')
export class SnapshotsController {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Post('sources/:id/snapshots')
  @ApiCreatedResponse({ type: SnapshotView, description: 'the desk fetches the source\'s URL under the fetching rules and stores what it got (any final HTTP status)' })
  @ApiProblems('not_found', 'fetch_forbidden', 'fetch_failed')
  take(@CurrentActor() actor: Actor, @Param('id') sourceId: string): Promise<SnapshotView> {
    return this.snapshots.take(actor, sourceId);
  }

  @Get('sources/:id/snapshots')
  @ApiPage(SnapshotView, 'oldest first')
  @ApiProblems('not_found')
  list(@Param('id') sourceId: string, @Query() query: ListQueryDto): Promise<Page<SnapshotView>> {
    return this.snapshots.list(sourceId, query);
  }

  @Get('snapshots/:id/content')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ description: 'the stored bytes, with Content-Security-Policy: sandbox, X-Content-Type-Options: nosniff, and Content-Disposition: attachment unless plain text' })
  @ApiProblems('not_found')
  async content(@Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const snapshot = await this.snapshots.content(id);
    const plainText = mediaTypeOf(snapshot.contentType) === 'text/plain';
    void reply
      .header('Content-Type', snapshot.contentType ?? 'application/octet-stream')
      // Never run as a page of the desk's origin: no scripts, no same-origin access, no sniffing.
      .header('Content-Security-Policy', 'sandbox')
      .header('X-Content-Type-Options', 'nosniff')
      .header('Cache-Control', 'private, no-store');
    if (!plainText) void reply.header('Content-Disposition', `attachment; filename="snapshot-${snapshot.id}"`);
    await reply.send(snapshot.content);
  }
}
