import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { NotificationType } from './recipients';

/** What becomes of a notification by e-mail: nothing, sent soon, kept for the digest, sent, given up. */
export type MailState = 'none' | 'instant' | 'digest' | 'sent' | 'failed';

/** One person told about one change (the audit entry `auditSeq`); see the migration for the keys. */
@Entity({ name: 'notifications' })
export class Notification {
  /** Numbers a person's notifications in commit order: the id of their `/me/events` stream. */
  @PrimaryGeneratedColumn('increment') seq!: number;
  @Column({ type: 'varchar', length: 36 }) id!: string;
  @Column({ name: 'recipient_id', type: 'varchar', length: 36 }) recipientId!: string;
  @Column({ name: 'audit_seq', type: 'integer' }) auditSeq!: number;
  @Column({ type: 'varchar', length: 16 }) type!: NotificationType;
  @Column({ name: 'article_id', type: 'varchar', length: 36, nullable: true }) articleId!: string | null;
  @Column({ name: 'claim_id', type: 'varchar', length: 36, nullable: true }) claimId!: string | null;
  @Column({ name: 'entity_id', type: 'varchar', length: 64 }) entityId!: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId!: string | null;
  @Column({ type: 'varchar', length: 30 }) at!: string;
  @Column({ name: 'read_at', type: 'varchar', length: 30, nullable: true }) readAt!: string | null;
  @Column({ name: 'mail_state', type: 'varchar', length: 8 }) mailState!: MailState;
  @Column({ name: 'mail_attempts', type: 'integer', default: 0 }) mailAttempts!: number;
  /** For `instant`: when the next attempt may start (a claimed mail's lease ends then too). */
  @Column({ name: 'mail_due_at', type: 'varchar', length: 30, nullable: true }) mailDueAt!: string | null;
}

export const EMAIL_CHOICES = ['none', 'instant', 'daily'] as const;
export type EmailChoice = (typeof EMAIL_CHOICES)[number];

/** A person's choice of e-mail; no row means `none`. */
@Entity({ name: 'notification_settings' })
export class NotificationSetting {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @Column({ type: 'varchar', length: 8 }) email!: EmailChoice;
  @Column({ name: 'updated_at', type: 'varchar', length: 30 }) updatedAt!: string;
}

/** A day whose digest went (or is going) to a person: the key makes it once per day on any number of instances. */
@Entity({ name: 'notification_digests' })
export class NotificationDigest {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 }) userId!: string;
  @PrimaryColumn({ type: 'varchar', length: 10 }) day!: string;
  @Column({ name: 'sent_at', type: 'varchar', length: 30 }) sentAt!: string;
}
