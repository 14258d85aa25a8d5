import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { MoreThan, Repository } from 'typeorm';
import { Settings, SETTINGS } from '@claimdesk/core';
import { runStatement, Statement, Transactions } from '@claimdesk/database';
import { AuditEntry } from '../audit-entry.entity';
import { AuditService } from '../audit.service';
import { LiveEvent, toLiveEvent } from '../live-event';
import { EVERY_ARTICLE, LiveEvents } from '../live-events.service';
import { redactLiveEvent } from '../redaction';
import { Ping, subscribesTo } from './event-filter';
import { retryDelayMs } from './retry-schedule';
import { Attempt, sendDelivery } from './webhook-sender';
import { Webhook, WebhookDelivery } from './webhook.entity';

/**
 * Rounds run when an event is written (heard on every instance) or a retry falls due, never on a
 * clock: an idle desk costs its database nothing. A round after an event waits a little, so a burst
 * of events is enqueued together, and starts no sooner than this after the round before.
 */
const ROUND_GAP_MS = 500;
const GATHER_MS = 20;
/** The longest wait when nothing is due: a safety net (a missed wake, a clock step), not how work is found. */
const IDLE_MS = 60_000;
/** Audit entries read per query. */
const BATCH = 500;
/** Deliveries one instance claims per round. */
const CLAIM_BATCH = 20;
/**
 * Sequence numbers are handed out at insert but seen at commit, so a number can show up after a higher
 * one (or never, when its transaction rolled back). The cursor does not pass a missing number until
 * the entry after it is this old: longer than any transaction of the desk runs.
 */
const SETTLE_MS = 60_000;
/** How long past the timeout a claimed delivery stays with the instance that claimed it (should it die meanwhile). */
const LEASE_SLACK_MS = 30_000;
const CURSOR = 'audit';

const ENQUEUE = new Statement(
  `INSERT INTO webhook_deliveries (id, webhook_id, seq, event, payload, state, status, attempts, last_error, next_attempt_at, delivered_at, created_at)
   VALUES (?, ?, ?, ?, ?, 'pending', NULL, 0, NULL, ?, NULL, ?) ON CONFLICT (webhook_id, seq) DO NOTHING`,
);
const READ_CURSOR = new Statement('SELECT seq FROM webhook_cursor WHERE name = ?');
const START_CURSOR = new Statement('INSERT INTO webhook_cursor (name, seq) VALUES (?, 0) ON CONFLICT (name) DO NOTHING');
const ADVANCE_CURSOR = new Statement('UPDATE webhook_cursor SET seq = ? WHERE name = ? AND seq < ?');
/**
 * Claiming pushes `next_attempt_at` past the attempt's end: no other instance takes it meanwhile, and
 * the pushed time identifies this claim when the outcome is written. On PostgreSQL rows another
 * instance is claiming are skipped rather than waited for; SQLite has one instance.
 */
const claimStatement = (engine: 'postgres' | 'sqlite'): Statement => {
  const update = `UPDATE webhook_deliveries SET next_attempt_at = ? WHERE id IN (SELECT id FROM webhook_deliveries
   WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ${CLAIM_BATCH}${engine === 'postgres' ? ' FOR UPDATE SKIP LOCKED' : ''})
   RETURNING id`;
  // TypeORM answers an UPDATE on PostgreSQL with [rows, count]; as a SELECT it answers the rows.
  return new Statement(engine === 'postgres' ? `WITH claimed AS (${update}) SELECT id FROM claimed` : update);
};
const NEXT_DUE = new Statement("SELECT MIN(next_attempt_at) AS due FROM webhook_deliveries WHERE state = 'pending'");
const RECORD = new Statement(
  `UPDATE webhook_deliveries SET attempts = attempts + 1, state = ?, status = ?, last_error = ?, next_attempt_at = ?, delivered_at = ?
   WHERE id = ? AND next_attempt_at = ?`,
);

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The webhooks' delivery machinery (API.md, Webhooks): follows the audit log with a cursor kept in the
 * database and enqueues one delivery per event and subscribed hook (unique per hook and event, so
 * instances reading the same entries add it once); then sends what is due, each attempt by one
 * instance, and records the outcome with the next attempt's time. Everything lives in the database, so
 * a restarted instance carries on with what was pending.
 */
@Injectable()
export class WebhookDeliveries implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WebhookDeliveries.name);
  private timer: NodeJS.Timeout | null = null;
  /** When the timer fires. */
  private wakeAt = Infinity;
  /** When the last round started. */
  private roundAt = 0;
  /** The earliest pending delivery's next attempt, as last read (Infinity: none). */
  private nextDueAt = Infinity;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;
  private stopListening: () => void = () => undefined;
  /** Entries above the cursor already enqueued by this instance, so a held-back cursor does not re-enqueue them. */
  private readonly enqueued = new Set<number>();
  private readonly claimDue: Statement;

  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly deliveries: Repository<WebhookDelivery>,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly liveEvents: LiveEvents,
  ) {
    this.claimDue = claimStatement(transactions.engine);
  }

  onApplicationBootstrap(): void {
    this.stopListening = this.liveEvents.subscribe(EVERY_ARTICLE, () => this.wake(Math.max(GATHER_MS, this.roundAt + ROUND_GAP_MS - Date.now())));
    this.wake(0);
  }

  /** Stops the rounds and waits for the attempts under way (each ends within the timeout). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.stopListening();
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  /** One round: enqueue new events, then send what is due. Rounds never overlap. */
  tick(): Promise<void> {
    this.round = this.round.then(async () => {
      this.roundAt = Date.now();
      await this.enqueueNewEvents();
      await this.sendDue();
    }).catch((error: Error) => this.logger.error(`webhook round failed: ${error.message}`));
    return this.round;
  }

  /**
   * Stores a delivery already claimed by this instance and makes its first attempt at once (the test
   * ping); answers with the delivery as it then is. Should that attempt fail, it is retried as usual.
   */
  async sendNow(delivery: WebhookDelivery): Promise<WebhookDelivery> {
    const lease = this.leaseFrom(Date.now());
    await this.transactions.run((tx) => tx.manager.insert(WebhookDelivery, { ...delivery, state: 'pending', attempts: 0, nextAttemptAt: lease }));
    await this.attempt({ id: delivery.id, lease });
    this.wake(GATHER_MS); // a failed ping's retry is due later: the next round reads when
    return (await this.deliveries.findOne({ where: { id: delivery.id } })) ?? delivery;
  }

  /** Runs a round in `delayMs`, unless one is already set to run sooner; after it, waits for the next due retry. */
  private wake(delayMs: number): void {
    const at = Date.now() + delayMs;
    if (this.stopped || at >= this.wakeAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.wakeAt = Infinity;
      void this.tick().then(() => this.wake(Math.min(IDLE_MS, Math.max(GATHER_MS, this.nextDueAt - Date.now()))));
    }, delayMs);
  }

  private async enqueueNewEvents(): Promise<void> {
    const hooks = (await this.webhooks.find()).map((hook) => ({ ...hook, afterSeq: Number(hook.afterSeq), events: JSON.parse(hook.events) as string[] }));
    if (hooks.length === 0) return;
    const cursor = await this.readCursor();
    let from = Math.max(cursor, Math.min(...hooks.map((hook) => hook.afterSeq)));
    for (;;) {
      const entries = await this.entries.find({ where: { seq: MoreThan(from) }, order: { seq: 'ASC' }, take: BATCH });
      if (entries.length === 0) return;
      const fresh = entries.filter((entry) => !this.enqueued.has(Number(entry.seq)));
      await this.transactions.run(async (tx) => {
        for (const entry of fresh) {
          const event = toLiveEvent(entry);
          if (!event) continue;
          const now = new Date().toISOString();
          for (const hook of hooks) {
            if (event.id <= hook.afterSeq || !subscribesTo(hook.events, event.type)) continue;
            await runStatement(tx.manager, ENQUEUE, [randomUUID(), hook.id, event.id, event.type, JSON.stringify(event), now, now]);
          }
        }
      });
      fresh.forEach((entry) => this.enqueued.add(Number(entry.seq)));
      const settled = settledUpTo(from, entries, Date.now());
      if (settled > from) await this.advanceCursor(settled);
      for (const seq of this.enqueued) if (seq <= settled) this.enqueued.delete(seq);
      if (entries.length < BATCH) return;
      from = Number(entries[entries.length - 1].seq);
    }
  }

  private async readCursor(): Promise<number> {
    const [row] = await runStatement<{ seq: number | string }>(this.transactions.dataSource.manager, READ_CURSOR, [CURSOR]);
    if (row) return Number(row.seq);
    await this.transactions.run((tx) => runStatement(tx.manager, START_CURSOR, [CURSOR]));
    return 0;
  }

  private advanceCursor(seq: number): Promise<unknown> {
    return this.transactions.run((tx) => runStatement(tx.manager, ADVANCE_CURSOR, [seq, CURSOR, seq]));
  }

  private async sendDue(): Promise<void> {
    for (;;) {
      const now = Date.now();
      const claimed = await this.claim(now);
      if (claimed.length === 0 || this.stopped) return;
      await Promise.all(claimed.map((claim) => this.attempt(claim)));
      if (claimed.length < CLAIM_BATCH) return;
    }
  }

  /** Until when an attempt started at `now` belongs to this instance. */
  private leaseFrom(now: number): string {
    return iso(now + this.settings.webhooks.timeoutMs + LEASE_SLACK_MS);
  }

  private async claim(now: number): Promise<{ id: string; lease: string }[]> {
    // A read first: most rounds find nothing due, and need not queue a write transaction for that. It
    // also tells when the next round is needed (a lease taken by an instance that died ends then too).
    const [next] = await runStatement<{ due: string | Date | null }>(this.transactions.dataSource.manager, NEXT_DUE, []);
    this.nextDueAt = next?.due == null ? Infinity : new Date(next.due).getTime();
    if (this.nextDueAt > now) return [];
    const lease = this.leaseFrom(now);
    const rows = await this.transactions.run((tx) => runStatement<{ id: string }>(tx.manager, this.claimDue, [lease, iso(now)]));
    return rows.map((row) => ({ id: row.id, lease }));
  }

  private async attempt({ id, lease }: { id: string; lease: string }): Promise<void> {
    const delivery = await this.deliveries.findOne({ where: { id } });
    const hook = delivery && (await this.webhooks.findOne({ where: { id: delivery.webhookId } }));
    if (!delivery || !hook) return; // removed meanwhile: nothing more is sent
    const body = JSON.stringify(await this.redacted(JSON.parse(delivery.payload) as LiveEvent | Ping));
    const outcome = await sendDelivery({ url: hook.url, secret: hook.secret, deliveryId: id, event: delivery.event, body }, this.settings.fetchAllow, this.settings.webhooks.timeoutMs);
    await this.record(delivery, lease, outcome);
  }

  /** A note deleted since the event (or by it) is sent without its body, as to any reader who is not an editor. */
  private async redacted(event: LiveEvent | Ping): Promise<LiveEvent | Ping> {
    if (!('articleId' in event) || !event.type.startsWith('annotation.')) return event;
    return redactLiveEvent(event, await this.audit.deletedNotes({ articleId: event.articleId }));
  }

  private async record(delivery: WebhookDelivery, lease: string, outcome: Attempt): Promise<void> {
    const now = Date.now();
    const attempts = delivery.attempts + 1;
    const wait = outcome.error === null ? null : retryDelayMs(attempts, this.settings.webhooks.retryBaseMs);
    const state = outcome.error === null ? 'delivered' : wait === null ? 'failed' : 'pending';
    if (outcome.error !== null) this.logger.warn(`webhook delivery ${delivery.id} (${delivery.event}) attempt ${attempts} failed: ${outcome.error}`);
    await this.transactions.run((tx) => runStatement(tx.manager, RECORD, [
      state, outcome.status, outcome.error, wait === null ? null : iso(now + wait), state === 'delivered' ? iso(now) : null, delivery.id, lease,
    ]));
  }
}

/**
 * How far the cursor may move from `from` over `entries` (ascending): through consecutive numbers, and
 * past a missing one only once the entry after it is older than the settling time.
 */
export function settledUpTo(from: number, entries: readonly Pick<AuditEntry, 'seq' | 'at'>[], now: number): number {
  let settled = from;
  for (const entry of entries) {
    const seq = Number(entry.seq);
    if (seq !== settled + 1 && now - Date.parse(entry.at) < SETTLE_MS) break;
    settled = seq;
  }
  return settled;
}
