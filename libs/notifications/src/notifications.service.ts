import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository, SelectQueryBuilder } from 'typeorm';
import { Actor, decodeCursor, DEFAULT_PAGE_SIZE, nowIso, Page, PageQuery, pageInOrder, toPage, validationFailed } from '@claimdesk/core';
import { EmailChoice, Notification, NotificationSetting } from './notification.entity';
import { NotificationView } from './notification.view';
import type { NotificationType } from './recipients';

/** A notification row with what lists show beside it. */
export interface NotificationRow {
  seq: number | string;
  id: string;
  recipientId: string;
  type: NotificationType;
  articleId: string | null;
  claimId: string | null;
  entityId: string;
  actorId: string | null;
  at: string;
  readAt: string | null;
  articleTitle: string | null;
  quote: string | null;
  actorName: string | null;
  claimStatus: string | null;
}

export interface Person {
  id: string;
  displayName: string;
  email: string;
}

export const toNotificationView = (row: NotificationRow): NotificationView => ({
  id: row.id, type: row.type, articleId: row.articleId, claimId: row.claimId, entityId: row.entityId, actorId: row.actorId,
  at: row.at, readAt: row.readAt, articleTitle: row.articleTitle, quote: row.quote, actorName: row.actorName,
});

@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(NotificationSetting) private readonly settings: Repository<NotificationSetting>,
    private readonly dataSource: DataSource,
  ) {}

  /**
   * A person's notifications about what they can read now: a note deleted since (or on a deleted
   * claim), a deleted claim or article takes its notifications out of every list, count and stream.
   */
  readable(recipients: string | readonly string[] | 'anyone'): SelectQueryBuilder<Notification> {
    const qb = this.notifications.createQueryBuilder('n')
      .select(['n.seq AS seq', 'n.id AS id', 'n.recipient_id AS "recipientId"', 'n.type AS type', 'n.article_id AS "articleId"', 'n.claim_id AS "claimId"', 'n.entity_id AS "entityId"',
        'n.actor_id AS "actorId"', 'n.at AS at', 'n.read_at AS "readAt"', 'ar.title AS "articleTitle"', 'c.quote AS quote', 'u.display_name AS "actorName"',
        'c.status AS "claimStatus"'])
      .leftJoin('articles', 'ar', 'ar.id = n.article_id')
      .leftJoin('claims', 'c', 'c.id = n.claim_id')
      .leftJoin('users', 'u', 'u.id = n.actor_id')
      .where('(n.article_id IS NULL OR ar.id IS NOT NULL)')
      .andWhere('(n.claim_id IS NULL OR c.id IS NOT NULL)')
      .andWhere(new Brackets((note) => note.where('n.type NOT IN (:...noteTypes)', { noteTypes: ['mentioned', 'reply'] })
        .orWhere('EXISTS (SELECT 1 FROM annotations a WHERE a.id = n.entity_id AND NOT a.deleted)')));
    if (recipients === 'anyone') return qb;
    return qb.andWhere('n.recipient_id IN (:...recipients)', { recipients: typeof recipients === 'string' ? [recipients] : recipients });
  }

  /** Newest first, keyset-paged by the notification's number. */
  async list(actor: Actor, query: PageQuery & { unread?: boolean }): Promise<Page<NotificationView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.readable(actor.id).orderBy('n.seq', 'DESC').limit(limit + 1);
    if (query.unread) qb.andWhere('n.read_at IS NULL');
    if (query.cursor) {
      const [seq] = decodeCursor(query.cursor, ['int']);
      qb.andWhere('n.seq < :seq', { seq });
    }
    return toPage(await qb.getRawMany<NotificationRow>(), limit, toNotificationView, (row) => [Number(row.seq)]);
  }

  async unreadCount(actor: Actor): Promise<number> {
    const row = await this.readable(actor.id).andWhere('n.read_at IS NULL').select('COUNT(*)', 'count').getRawOne<{ count: number | string }>();
    return Number(row?.count ?? 0);
  }

  /** Marks the reader's own notifications read; ids of others' are ignored. */
  async markRead(actor: Actor, input: { ids?: string[]; all?: true }): Promise<void> {
    if (!input.all && !input.ids) throw validationFailed('ids', 'give ids, or all: true');
    const qb = this.notifications.createQueryBuilder().update(Notification).set({ readAt: nowIso() })
      .where('recipient_id = :recipientId', { recipientId: actor.id }).andWhere('read_at IS NULL');
    if (!input.all) {
      if (input.ids!.length === 0) return;
      qb.andWhere('id IN (:...ids)', { ids: input.ids });
    }
    await qb.execute();
  }

  /**
   * The queue's `mentioned` and `reply` items (API.md, `GET /me/queue`): unread notifications of those
   * types, with their claim's status and due date (when claims have one); `since` is the notification's time.
   */

  async emailChoice(userId: string): Promise<EmailChoice> {
    return (await this.settings.findOneBy({ userId }))?.email ?? 'none';
  }

  async setEmailChoice(userId: string, email: EmailChoice): Promise<EmailChoice> {
    await this.settings.upsert({ userId, email, updatedAt: nowIso() }, ['userId']);
    return email;
  }

  /** Active people whose name or address contains `q` (any case), by name: for mentions and pickers. */
  async people(query: PageQuery & { q?: string }): Promise<Page<Person>> {
    const rows = await this.dataSource.createQueryBuilder().select('u.id', 'id').addSelect('u.display_name', 'displayName').addSelect('u.email', 'email')
      .from('users', 'u').where('NOT u.disabled').getRawMany<Person>();
    // Filtered here, not in SQL: SQLite's LIKE folds only ASCII case, and a newsroom's people are few.
    const needle = query.q?.trim().toLocaleLowerCase() ?? '';
    const matching = rows.filter((p) => !needle || p.displayName.toLocaleLowerCase().includes(needle) || p.email.includes(needle))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.id.localeCompare(b.id));
    return pageInOrder(matching, query, (person) => person.id);
  }
}
