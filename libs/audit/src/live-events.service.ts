import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Client } from 'pg';
import { IsNull, MoreThan, Not, Repository } from 'typeorm';
import { Settings, SETTINGS } from '@claimdesk/core';
import { parseDatabaseUrl, Transactions, Tx } from '@claimdesk/database';
import { AuditEntry } from './audit-entry.entity';
import { Following, followLog } from './follow-log';
import { LiveEvent, toLiveEvent } from './live-event';

type Listener = (event: LiveEvent) => void;

/** `subscribe(EVERY_ARTICLE, …)` hears the events of every article (after commit, on every instance). */
export const EVERY_ARTICLE = '*';

const CHANNEL = 'claimdesk_events';
/** The first key of ClaimDesk's advisory locks ("CD"); the second is the article's hash. */
const ARTICLE_EVENTS_LOCK = 0x4344;
/** Audit entries read per query when replaying: memory stays flat however much a client missed. */
const REPLAY_BATCH = 500;
/** Waits before re-creating a lost listener connection: doubling from the first, up to the last. */
const RECONNECT_FIRST_MS = 200;
const RECONNECT_MAX_MS = 30_000;

/**
 * Fans committed changes out to the SSE clients of each article. On SQLite (one process) events are
 * dispatched after commit in process. On PostgreSQL every instance LISTENs: the NOTIFY is sent inside
 * the transaction, so PostgreSQL delivers it only on commit, to every instance including this one.
 */
@Injectable()
export class LiveEvents implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveEvents.name);
  private readonly listeners = new Map<string, Set<Listener>>();
  /** The one LISTEN connection of this instance, once it listens; null while it is being (re)made. */
  private listener: Client | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failedReconnects = 0;
  /** The newest audit entry handed to the listeners: where to catch up from after a lost connection. */
  private lastSeq = 0;
  private closing = false;
  /** Notifications are handled one at a time, so events go out in the order PostgreSQL delivered them. */
  private delivery: Promise<void> = Promise.resolve();

  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(AuditEntry) private readonly audit: Repository<AuditEntry>,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.transactions.engine !== 'postgres') return;
    await this.listen();
    this.lastSeq = await this.latestSeq();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
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
    tx.afterCommit(() => this.dispatch(entry));
  }

  /**
   * Follows an article's events for one client (see followLog): from `since`, its Last-Event-ID,
   * replaying what it missed from the audit log; or without it from the article's newest event now.
   */
  follow(articleId: string, since: number | undefined, send: Listener): Following {
    return followLog<LiveEvent>({
      subscribe: (listener) => this.subscribe(articleId, listener),
      latestId: () => this.latestId(articleId),
      after: async (seq) => {
        const entries = await this.entriesAfter(seq, articleId);
        if (entries.length === 0) return null;
        return { events: entries.map(toLiveEvent).filter((event): event is LiveEvent => event !== null), lastId: Number(entries[entries.length - 1].seq) };
      },
    }, since, send);
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

  /** The next batch of audit entries after `seq`, oldest first: of one article, or of every article. */
  private entriesAfter(seq: number, articleId?: string): Promise<AuditEntry[]> {
    return this.audit.find({
      where: { articleId: articleId ?? Not(IsNull()), seq: MoreThan(seq) },
      order: { seq: 'ASC' },
      take: REPLAY_BATCH,
    });
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

  /** The newest audit entry of any article: where a new listener starts. */
  private async latestSeq(): Promise<number> {
    const row = await this.audit.createQueryBuilder('a').select('MAX(a.seq)', 'max').getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0);
  }

  private dispatch(entry: AuditEntry): void {
    this.lastSeq = Math.max(this.lastSeq, Number(entry.seq));
    const event = toLiveEvent(entry);
    if (!event) return;
    for (const listener of this.listeners.get(event.articleId) ?? []) listener(event);
    for (const listener of this.listeners.get(EVERY_ARTICLE) ?? []) listener(event);
  }

  /** Runs after what was delivered before, so events go out in the order PostgreSQL delivered them. */
  private inOrder(what: string, work: () => Promise<void>): void {
    this.delivery = this.delivery.then(work).catch((error: Error) => this.logger.error(`could not deliver ${what}: ${error.message}`));
  }

  /**
   * Opens this instance's one LISTEN connection. A connection that fails or ends (the database
   * restarted, an administrator terminated it) is dropped and one new one is made, after a back-off
   * that doubles while attempts keep failing; events of stale connections are ignored.
   */
  private async listen(): Promise<void> {
    const target = parseDatabaseUrl(this.settings.databaseUrl);
    if (target.kind !== 'postgres') return;
    const client = new Client({ connectionString: target.url });
    client.on('notification', (message) => {
      if (client === this.listener) this.inOrder(`event ${message.payload}`, () => this.onNotification(message.payload));
    });
    const lost = (reason: string): void => this.onListenerLost(client, reason);
    client.on('error', (error) => lost(error.message));
    client.on('end', () => lost('connection ended'));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.closing) return void (await client.end().catch(() => undefined));
    this.listener = client;
  }

  private onListenerLost(client: Client, reason: string): void {
    if (client !== this.listener) return;
    this.listener = null;
    client.end().catch(() => undefined);
    this.logger.error(`event listener connection lost (${reason}); listening again`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closing || this.reconnectTimer) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_FIRST_MS * 2 ** this.failedReconnects);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.closing) return;
      this.listen().then(() => {
        this.failedReconnects = 0;
        this.inOrder('missed events', () => this.catchUp());
      }, (error: Error) => {
        this.failedReconnects++;
        this.logger.error(`event listener reconnect failed: ${error.message}`);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  /** What committed while no connection listened: its notifications were lost, the log has it. */
  private async catchUp(): Promise<void> {
    for (let entries = await this.entriesAfter(this.lastSeq); entries.length > 0; entries = await this.entriesAfter(this.lastSeq)) {
      entries.forEach((entry) => this.dispatch(entry));
    }
  }

  private async onNotification(payload: string | undefined): Promise<void> {
    const seq = Number(payload);
    if (!Number.isInteger(seq)) return;
    const entry = await this.audit.findOne({ where: { seq } });
    if (entry) this.dispatch(entry);
  }
}
