import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, notFound, nowIso, Page, PageQuery, Settings, SETTINGS, toPage, resolveAllowed } from '@claimdesk/core';
import { Transactions } from '@claimdesk/database';
import { AuditEntry } from '../audit-entry.entity';
import { CreateWebhookDto } from './dto/webhook.dto';
import { Ping, PING_EVENT } from './event-filter';
import { WebhookDeliveries } from './webhook-deliveries';
import { Webhook, WebhookDelivery } from './webhook.entity';
import { DeliveryView, toDeliveryView, toWebhookView, WebhookView } from './webhook.view';

/** Adding, listing and removing webhooks, and their delivery logs (admins only, checked by the controller). */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly transactions: Transactions,
    private readonly deliveries: WebhookDeliveries,
    @InjectRepository(Webhook) private readonly webhooks: Repository<Webhook>,
    @InjectRepository(WebhookDelivery) private readonly log: Repository<WebhookDelivery>,
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** A hook is sent the events after it was added: its start is the newest audit entry now. */
  async create(actor: Actor, input: CreateWebhookDto): Promise<WebhookView> {
    await this.checkReachable(input.url);
    const hook = await this.transactions.run(async (tx) => {
      const row = await tx.manager.getRepository(AuditEntry).createQueryBuilder('a').select('MAX(a.seq)', 'max').getRawOne<{ max: number | string | null }>();
      const created: Webhook = {
        id: randomUUID(),
        url: input.url,
        events: JSON.stringify(input.events),
        secret: input.secret,
        afterSeq: Number(row?.max ?? 0),
        createdBy: actor.id,
        createdAt: nowIso(),
      };
      await tx.manager.insert(Webhook, created);
      return created;
    });
    return toWebhookView(hook);
  }

  async list(page: PageQuery): Promise<Page<WebhookView>> {
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.webhooks.createQueryBuilder('w').orderBy('w.created_at', 'DESC').addOrderBy('w.id', 'DESC').take(limit + 1);
    if (page.cursor) {
      const [createdAt, id] = decodeCursor(page.cursor, ['string', 'string']);
      qb.where('(w.created_at < :createdAt OR (w.created_at = :createdAt AND w.id < :id))', { createdAt, id });
    }
    return toPage(await qb.getMany(), limit, toWebhookView, (hook) => [hook.createdAt, hook.id]);
  }

  /** Removes the hook and its log; nothing more is sent to it, not even retries. */
  async remove(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await tx.manager.delete(WebhookDelivery, { webhookId: id });
      const result = await tx.manager.delete(Webhook, { id });
      if (!result.affected) throw notFound('webhook', id);
    });
  }

  /** The hook's deliveries, newest first. */
  async deliveryLog(id: string, page: PageQuery): Promise<Page<DeliveryView>> {
    await this.existing(id);
    const limit = page.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.log.createQueryBuilder('d').where('d.webhook_id = :id', { id }).orderBy('d.created_at', 'DESC').addOrderBy('d.id', 'DESC').take(limit + 1);
    if (page.cursor) {
      const [createdAt, deliveryId] = decodeCursor(page.cursor, ['string', 'string']);
      qb.andWhere('(d.created_at < :createdAt OR (d.created_at = :createdAt AND d.id < :deliveryId))', { createdAt, deliveryId });
    }
    return toPage(await qb.getMany(), limit, toDeliveryView, (delivery) => [delivery.createdAt, delivery.id]);
  }

  /** Sends a `ping` now and answers with its first attempt's outcome; a failed ping is retried like any delivery. */
  async test(id: string): Promise<DeliveryView> {
    await this.existing(id);
    const at = nowIso();
    const ping: Ping = { type: PING_EVENT, webhookId: id, at };
    const delivery: WebhookDelivery = {
      id: randomUUID(), webhookId: id, seq: null, event: PING_EVENT, payload: JSON.stringify(ping), state: 'pending', status: null,
      attempts: 0, lastError: null, nextAttemptAt: at, deliveredAt: null, createdAt: at,
    };
    return toDeliveryView(await this.deliveries.sendNow(delivery));
  }

  private async existing(id: string): Promise<Webhook> {
    const hook = await this.webhooks.findOne({ where: { id } });
    if (!hook) throw notFound('webhook', id);
    return hook;
  }

  /** Refuses at once a URL that could never be sent to: one that does not resolve, or to an internal address. */
  private async checkReachable(url: string): Promise<void> {
    try {
      await resolveAllowed(new URL(url).hostname, this.settings.fetchAllow);
    } catch (error) {
      throw new DomainError('validation_failed', 'the webhook cannot be sent there', [{ path: 'url', message: (error as Error).message }]);
    }
  }
}
