import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A newsroom system (Slack bridge, CMS) that is sent the desk's live events. */
@Entity({ name: 'webhooks' })
export class Webhook {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'text' })
  url!: string;

  /** JSON array of live-event types, or `["*"]`. */
  @Column({ type: 'text' })
  events!: string;

  /** Kept to sign each delivery; never sent back (only its last four characters). */
  @Column({ type: 'varchar', length: 200 })
  secret!: string;

  /** The newest audit entry when the webhook was added: it is sent what comes after. */
  @Column({ name: 'after_seq', type: 'integer' })
  afterSeq!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/** One event for one webhook: its attempts so far, and when the next is due. */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDelivery {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'webhook_id', type: 'varchar', length: 36 })
  webhookId!: string;

  /** The audit entry (the live event's id); null for a test `ping`. Unique per webhook. */
  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  @Column({ type: 'varchar', length: 64 })
  event!: string;

  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16 })
  state!: DeliveryState;

  /** The HTTP status of the last answer; null before any, or when the last attempt got none. */
  @Column({ type: 'integer', nullable: true })
  status!: number | null;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** When a pending delivery is next tried (pushed ahead while an instance tries it); null once done. */
  @Column({ name: 'next_attempt_at', type: 'varchar', length: 30, nullable: true })
  nextAttemptAt!: string | null;

  @Column({ name: 'delivered_at', type: 'varchar', length: 30, nullable: true })
  deliveredAt!: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 30 })
  createdAt!: string;
}

/** How far the desk has read the audit log for webhooks: one row, shared by every instance. */
@Entity({ name: 'webhook_cursor' })
export class WebhookCursor {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  name!: string;

  @Column({ type: 'integer' })
  seq!: number;
}
