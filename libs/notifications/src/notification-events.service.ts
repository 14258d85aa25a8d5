import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, hasRole } from '@claimdesk/core';
import { runStatement, Statement } from '@claimdesk/database';
import { EVERY_ARTICLE, Following, followLog, LiveEvent, LiveEvents } from '@claimdesk/audit';
import { NotificationRow, NotificationsService, toNotificationView } from './notifications.service';
import { mayChangeQueues, needsQueueFacts, queueAudience, QueueFacts } from './queue-audience';
import { ChangeRecord, mayNotify } from './recipients';

type Listener = (event: LiveEvent) => void;

/** `queue.changed` on /me/events: "what waits for you may have changed; ask GET /me/queue/counts again". */
export interface QueueSignal {
  type: 'queue.changed';
  articleId: string | null;
  at: string;
}
type SignalListener = { editor: boolean; send: (signal: QueueSignal) => void };

const CHANGE = new Statement('SELECT action, actor_id, claim_id, before, after FROM audit_log WHERE seq = ?');
const QUEUE_FACTS = new Statement(`SELECT a.assignee_id AS article_assignee, c.assignee_id AS claim_assignee, c.created_by AS claim_creator
  FROM articles a LEFT JOIN claims c ON c.id = ? AND c.article_id = a.id WHERE a.id = ?`);
const parse = (json: string | null): Record<string, unknown> | null => (json === null ? null : (JSON.parse(json) as Record<string, unknown>));

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
  private readonly signalListeners = new Map<string, Set<SignalListener>>();
  /** One change at a time, in the order LiveEvents delivers them, so each person's ids arrive in order. */
  private delivery: Promise<void> = Promise.resolve();

  constructor(
    private readonly live: LiveEvents,
    private readonly notifications: NotificationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.live.subscribe(EVERY_ARTICLE, (event) => {
      const notify = this.listeners.size > 0 && mayNotify(event.type);
      const signal = this.signalListeners.size > 0 && mayChangeQueues(event.type);
      if (!notify && !signal) return;
      // After the notifications, so a client that refreshes on either sees both.
      this.delivery = this.delivery.then(async () => {
        if (notify) await this.deliver(event.id);
        if (signal) await this.signal(event);
      }).catch((error: Error) => this.logger.error(`could not push the notifications of event ${event.id}: ${error.message}`));
    });
  }

  /** `queue.changed` hints for a person's open streams on this instance (see QueueSignal). */
  signals(reader: Actor, send: (signal: QueueSignal) => void): () => void {
    let set = this.signalListeners.get(reader.id);
    if (!set) this.signalListeners.set(reader.id, (set = new Set()));
    const listener: SignalListener = { editor: hasRole(reader, 'editor'), send };
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.signalListeners.delete(reader.id);
    };
  }

  /** Tells a person's streams here that their queue changed by their own hand (notifications marked read). */
  queueChangedFor(userId: string): void {
    const signal: QueueSignal = { type: 'queue.changed', articleId: null, at: new Date().toISOString() };
    for (const listener of this.signalListeners.get(userId) ?? []) listener.send(signal);
  }

  /** Whose queue a committed change may have changed (queueAudience), told if they are listening here. */
  private async signal(event: LiveEvent): Promise<void> {
    const [row] = await runStatement<{ action: string; actor_id: string | null; claim_id: string | null; before: string | null; after: string | null }>(
      this.dataSource.manager, CHANGE, [event.id]);
    if (!row) return;
    const change: ChangeRecord = { action: row.action, actorId: row.actor_id, before: parse(row.before), after: parse(row.after) };
    let facts: QueueFacts | null = null;
    if (needsQueueFacts(change.action)) {
      const [found] = await runStatement<{ article_assignee: string | null; claim_assignee: string | null; claim_creator: string | null }>(
        this.dataSource.manager, QUEUE_FACTS, [row.claim_id, event.articleId]);
      facts = { articleAssigneeId: found?.article_assignee ?? null, claimAssigneeId: found?.claim_assignee ?? null, claimCreatorId: found?.claim_creator ?? null };
    }
    const audience = queueAudience(change, facts);
    const people = new Set(audience.people);
    const signal: QueueSignal = { type: 'queue.changed', articleId: event.articleId, at: event.at };
    for (const [userId, listeners] of this.signalListeners) {
      for (const listener of listeners) {
        if (audience.everyone || people.has(userId) || (audience.editors && listener.editor)) listener.send(signal);
      }
    }
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
