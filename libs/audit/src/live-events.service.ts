import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from 'pg';
import { MoreThan, Repository } from 'typeorm';
import { Settings, SETTINGS } from '@claimdesk/core';
import { parseDatabaseUrl, Transactions, Tx } from '@claimdesk/database';
import { AuditEntry } from './audit-entry.entity';
import { LiveEvent, toLiveEvent } from './live-event';

type Listener = (event: LiveEvent) => void;

const CHANNEL = 'claimdesk_events';
/** The first key of ClaimDesk's advisory locks ("CD"); the second is the article's hash. */
const ARTICLE_EVENTS_LOCK = 0x4344;

/**
 * Fans committed changes out to the SSE clients of each article. On SQLite (one process) events are
 * dispatched after commit in process. On PostgreSQL every instance LISTENs: the NOTIFY is sent inside
 * the transaction, so PostgreSQL delivers it only on commit, to every instance including this one.
 */
@Injectable()
export class LiveEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  private listener: Client | null = null;
  private closing = false;
  /** Notifications are handled one at a time, so events go out in the order PostgreSQL delivered them. */
  private delivery: Promise<void> = Promise.resolve();

  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(AuditEntry) private readonly audit: Repository<AuditEntry>,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.transactions.engine === 'postgres') await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    await this.listener?.end().catch(() => undefined);
  }

  /**
   * Called by the audit log before it numbers an article's entry. Sequence numbers are handed out at
   * insert but become visible at commit; on PostgreSQL two instances writing to one article could
   * commit out of number order, and a client that had seen the higher number would never be sent the
   * lower one. Holding the article's lock until commit makes its numbers follow commit order. (On
   * SQLite transactions already run one at a time.)
   */
  async orderAfterEarlierChanges(tx: Tx, articleId: string | null): Promise<void> {
    if (articleId && tx.engine === 'postgres') {
      await tx.manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ARTICLE_EVENTS_LOCK, articleId]);
    }
  }

  /** Called by the audit log inside the transaction that wrote `entry`. */
  announce(tx: Tx, entry: AuditEntry): Promise<void> | void {
    if (!entry.articleId) return;
    if (tx.engine === 'postgres') {
      return tx.manager.query('SELECT pg_notify($1, $2)', [CHANNEL, String(entry.seq)]).then(() => undefined);
    }
    tx.afterCommit(() => {
      const event = toLiveEvent(entry);
      if (event) this.dispatch(event);
    });
  }

  /**
   * Follows an article's events for one client: from `since` (its Last-Event-ID), replaying what it
   * missed from the audit log, or without it from the article's newest event now. Live events are
   * subscribed before the replay is read and held back meanwhile, so nothing falls between the two
   * and nothing is sent twice. `ready` settles once the replay is sent; `stop` ends the following.
   */
  follow(articleId: string, since: number | undefined, send: Listener): { ready: Promise<void>; stop: () => void } {
    let starting = true;
    const pending: LiveEvent[] = [];
    const replayed = new Set<number>();
    let from = 0;
    // Under PostgreSQL a notification can arrive a moment after a newer client connected: older is skipped.
    const deliver = (event: LiveEvent): void => {
      if (event.id > from && !replayed.has(event.id)) send(event);
    };
    const stop = this.subscribe(articleId, (event) => (starting ? pending.push(event) : deliver(event)));
    const replay = async (): Promise<void> => {
      try {
        from = since ?? (await this.latestId(articleId));
        if (since === undefined) return;
        for (const event of await this.missedSince(articleId, since)) {
          replayed.add(event.id);
          send(event);
        }
      } finally {
        starting = false;
        pending.splice(0).forEach(deliver);
      }
    };
    return { ready: replay(), stop };
  }

  subscribe(articleId: string, listener: Listener): () => void {
    let set = this.listeners.get(articleId);
    if (!set) this.listeners.set(articleId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(articleId);
    };
  }

  /** The events of an article after `lastEventId`, oldest first, for a reconnecting client. */
  private async missedSince(articleId: string, lastEventId: number, limit = 1000): Promise<LiveEvent[]> {
    const entries = await this.audit.find({
      where: { articleId, seq: MoreThan(lastEventId) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return entries.map(toLiveEvent).filter((e): e is LiveEvent => e !== null);
  }

  /**
   * The id of the article's newest event so far: a client that connects now is sent only what comes
   * after. Per article, because only an article's own events are ordered by commit.
   */
  private async latestId(articleId: string): Promise<number> {
    const row = await this.audit.createQueryBuilder('a').select('MAX(a.seq)', 'max').where('a.article_id = :articleId', { articleId })
      .getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0);
  }

  private dispatch(event: LiveEvent): void {
    for (const listener of this.listeners.get(event.articleId) ?? []) listener(event);
  }

  private async listen(): Promise<void> {
    const target = parseDatabaseUrl(this.settings.databaseUrl);
    if (target.kind !== 'postgres') return;
    const client = new Client({ connectionString: target.url });
    client.on('notification', (message) => {
      this.delivery = this.delivery.then(() => this.onNotification(message.payload)).catch((error: Error) => {
        this.logger.error(`could not deliver event ${message.payload}: ${error.message}`);
      });
    });
    client.on('error', (error) => {
      this.logger.error(`event listener connection lost: ${error.message}`);
      this.reconnect();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private reconnect(): void {
    if (this.closing) return;
    this.listener = null;
    setTimeout(() => {
      if (!this.closing) this.listen().catch((error: Error) => {
        this.logger.error(`event listener reconnect failed: ${error.message}`);
        this.reconnect();
      });
    }, 1000).unref();
  }

  private async onNotification(payload: string | undefined): Promise<void> {
    const seq = Number(payload);
    if (!Number.isInteger(seq)) return;
    const entry = await this.audit.findOne({ where: { seq } });
    const event = entry && toLiveEvent(entry);
    if (event) this.dispatch(event);
  }
}
