import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EVERY_ARTICLE, Following, followLog, LiveEvent, LiveEvents } from '@claimdesk/audit';
import { NotificationRow, NotificationsService, toNotificationView } from './notifications.service';
import { mayNotify } from './recipients';

type Listener = (event: LiveEvent) => void;

const REPLAY_BATCH = 500;

/** A notification as an event of `/me/events`: the article event format, `entity` the notification. */
export function toNotificationEvent(row: NotificationRow): LiveEvent {
  return {
    id: Number(row.seq), type: 'notification.created', articleId: row.articleId ?? '', entityId: row.id,
    entity: toNotificationView(row), actorId: row.actorId, at: row.at,
  };
}

/**
 * Pushes each person's new notifications to their open `/me/events` streams. It hears every
 * article's committed changes from LiveEvents (after commit; on PostgreSQL on every instance, through
 * its LISTEN connection) and reads the notifications each one gave to the people following here.
 */
@Injectable()
export class NotificationEvents implements OnModuleInit {
  private readonly logger = new Logger(NotificationEvents.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  /** One change at a time, in the order LiveEvents delivers them, so each person's ids arrive in order. */
  private delivery: Promise<void> = Promise.resolve();

  constructor(private readonly live: LiveEvents, private readonly notifications: NotificationsService) {}

  onModuleInit(): void {
    this.live.subscribe(EVERY_ARTICLE, (event) => {
      if (this.listeners.size === 0 || !mayNotify(event.type)) return;
      this.delivery = this.delivery.then(() => this.deliver(event.id))
        .catch((error: Error) => this.logger.error(`could not push the notifications of event ${event.id}: ${error.message}`));
    });
  }

  /** A person's notifications from `since` (their Last-Event-ID), replayed, then live (see followLog). */
  follow(userId: string, since: number | undefined, send: Listener): Following {
    return followLog<LiveEvent>({
      subscribe: (listener) => this.subscribe(userId, listener),
      latestId: async () => {
        const row = await this.notifications.readable(userId).select('MAX(n.seq)', 'max').getRawOne<{ max: number | string | null }>();
        return Number(row?.max ?? 0);
      },
      after: async (seq) => {
        const rows = await this.notifications.readable(userId).andWhere('n.seq > :seq', { seq }).orderBy('n.seq', 'ASC').limit(REPLAY_BATCH)
          .getRawMany<NotificationRow>();
        return rows.length === 0 ? null : { events: rows.map(toNotificationEvent), lastId: Number(rows[rows.length - 1].seq) };
      },
    }, since, send);
  }

  private subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(userId);
    };
  }

  private async deliver(auditSeq: number): Promise<void> {
    const rows = await this.notifications.readable([...this.listeners.keys()]).andWhere('n.audit_seq = :auditSeq', { auditSeq }).getRawMany<NotificationRow>();
    for (const row of rows) for (const listener of this.listeners.get(row.recipientId) ?? []) listener(toNotificationEvent(row));
  }
}
