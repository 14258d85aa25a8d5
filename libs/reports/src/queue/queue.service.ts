import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, decodeCursor, DEFAULT_PAGE_SIZE, Page, PageQuery } from '@claimdesk/core';
import { mergeQueue, QueueItem, QueueKey, QueueReason } from './queue-order';
import { assignedArticles, assignedClaims, claimsToRecheck, QueueSource, returnedVerdicts, unreadMentions, unreadReplies, verdictsToPublish, verdictsToReview } from './queue-sources';

/** Every reason something waits for a reader, one source each: the one place to add a reason. */
export const QUEUE_SOURCES: readonly QueueSource[] = [
  assignedClaims,
  assignedArticles,
  verdictsToReview,
  verdictsToPublish,
  returnedVerdicts,
  claimsToRecheck,
  unreadMentions,
  unreadReplies,
];

export interface QueueCounts {
  total: number;
  reasons: Partial<Record<QueueReason, number>>;
}

/**
 * "My queue" (API.md, "Work"): each source's next entries after the cursor, merged in queue order.
 * Every signed-in user reads every article, so nothing is filtered further; items carry no note bodies.
 */
@Injectable()
export class QueueService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(reader: Actor, query: PageQuery, sources: readonly QueueSource[] = QUEUE_SOURCES): Promise<Page<QueueItem>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after: QueueKey | null = query.cursor ? decodeCursor(query.cursor, ['string', 'string', 'string', 'string']) : null;
    const applicable = sources.filter((source) => source.appliesTo(reader));
    const lists = await Promise.all(applicable.map((source) => source.entries(this.dataSource.manager, reader, after, limit + 1)));
    return mergeQueue(lists, limit);
  }

  async counts(reader: Actor, sources: readonly QueueSource[] = QUEUE_SOURCES): Promise<QueueCounts> {
    const applicable = sources.filter((source) => source.appliesTo(reader));
    const counts = await Promise.all(applicable.map((source) => source.count(this.dataSource.manager, reader)));
    const reasons: Partial<Record<QueueReason, number>> = {};
    applicable.forEach((source, i) => (reasons[source.reason] = (reasons[source.reason] ?? 0) + counts[i]));
    return { total: counts.reduce((sum, n) => sum + n, 0), reasons };
  }
}
