import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, ApiProblems, CurrentActor, ListQueryDto, Page } from '@claimdesk/core';
import { QUEUE_REASONS, QueueItem, QueueReason } from './queue-order';
import { QueueCounts, QueueService } from './queue.service';

export class QueueItemView implements QueueItem {
  @ApiProperty({ enum: QUEUE_REASONS }) reason!: QueueReason;
  @ApiProperty({ format: 'uuid' }) articleId!: string;
  @ApiProperty() articleTitle!: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'null for an article assigned as a whole' }) claimId!: string | null;
  @ApiProperty({ nullable: true, type: String }) quote!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the claim's status; null for an article" }) status!: string | null;
  @ApiProperty({ nullable: true, type: String, description: "the claim's due date, else its article's" }) dueAt!: string | null;
  @ApiProperty({ description: 'since when it waits' }) since!: string;
}

export class QueueCountsView implements QueueCounts {
  @ApiProperty() total!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'items per reason' }) reasons!: Partial<Record<QueueReason, number>>;
}

@ApiTags('work')
@ApiBearerAuth()
@Controller('api/v1/me/queue')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get()
  @ApiPage(QueueItemView, 'what waits for the signed-in user across all articles: earliest due first (undated last), then the longest waiting')
  @ApiProblems()
  list(@CurrentActor() actor: Actor, @Query() query: ListQueryDto): Promise<Page<QueueItem>> {
    return this.queue.page(actor, query);
  }

  @Get('counts')
  @ApiOkResponse({ type: QueueCountsView, description: 'how many items wait, in all and per reason (for the header)' })
  @ApiProblems()
  counts(@CurrentActor() actor: Actor): Promise<QueueCounts> {
    return this.queue.counts(actor);
  }
}
