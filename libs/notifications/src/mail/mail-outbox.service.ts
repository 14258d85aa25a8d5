import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createTransport, Transporter } from 'nodemailer';
import { Repository } from 'typeorm';
import { redactedSmtpUrl, Settings, SETTINGS } from '@claimdesk/core';
import { constraintViolation } from '@claimdesk/database';
import { Notification, NotificationDigest } from '../notification.entity';
import { NotificationRow, NotificationsService } from '../notifications.service';
import { digestMail, instantMail } from './mail-text';

const TICK_MS = 2_000;
const BATCH = 20;
/** A claimed mail is another instance's to retry once this lease has passed (its sender died mid-send). */
const LEASE_MS = 120_000;
/** Attempts before a mail is given up (`failed`), the waits doubling from the first. */
const MAX_ATTEMPTS = 8;
const RETRY_FIRST_MS = 30_000;
const RETRY_MAX_MS = 3_600_000;

/** Only what a recipient needs: the address. */
interface Addressed extends NotificationRow { recipientEmail: string; mailAttempts: number | string; mailDueAt: string }

/**
 * Sends notification e-mail when CLAIMDESK_SMTP_URL is set: each `instant` one from the outbox in
 * the notifications table (claimed row by row, so several instances never send one twice; retried with
 * back-off; never in a request), and once per day per person the digest of their `digest` ones.
 */
@Injectable()
export class MailOutbox implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(MailOutbox.name);
  private transport: Transporter | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(NotificationDigest) private readonly digests: Repository<NotificationDigest>,
    private readonly service: NotificationsService,
  ) {}

  get enabled(): boolean {
    return this.settings.mail !== null;
  }

  onModuleInit(): void {
    if (!this.settings.mail) return;
    this.transport = createTransport(this.settings.mail.url);
    this.logger.log(`e-mail notifications through ${redactedSmtpUrl(this.settings.mail.url)}`);
  }

  /** Starts the background sender (the API does; the CLI sends digests on demand only). */
  start(): void {
    if (!this.transport || this.timer) return;
    this.timer = setInterval(() => this.kick(true), TICK_MS);
    this.timer.unref();
  }

  /** Stops the background sender (shutdown; tests that drive the rounds themselves). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.settled();
  }

  async onModuleDestroy(): Promise<void> {
    await this.stop();
    this.transport?.close();
  }

  /**
   * Runs one round now (or right after the one under way): the due instant mails, and on the timer's
   * rounds also the digests that are due. Never throws, never blocks its caller.
   */
  kick(withDigests = false): void {
    if (!this.transport) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.round(new Date(), withDigests).catch((error: Error) => this.logger.error(`mail round failed: ${error.message}`)).finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Waits for the round under way, if any (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async round(now: Date, withDigests: boolean): Promise<void> {
    await this.sendInstant(now);
    if (withDigests && now.getUTCHours() >= (this.settings.mail?.digestHour ?? 0)) await this.sendDigests(now);
  }

  /** Sends the instant mails that are due: each claimed first, so no other instance sends it too. */
  async sendInstant(now: Date): Promise<number> {
    if (!this.transport) return 0;
    const nowIso = now.toISOString();
    const due = await this.addressed().andWhere('n.mail_state = :instant', { instant: 'instant' }).andWhere('n.mail_due_at <= :now', { now: nowIso })
      .orderBy('n.seq', 'ASC').limit(BATCH).getRawMany<Addressed>();
    let sent = 0;
    for (const row of due) {
      const attempts = Number(row.mailAttempts) + 1;
      const claimed = await this.notifications.createQueryBuilder().update(Notification)
        .set({ mailDueAt: new Date(now.getTime() + LEASE_MS).toISOString(), mailAttempts: attempts })
        .where('seq = :seq AND mail_state = :instant AND mail_due_at = :due', { seq: row.seq, instant: 'instant', due: row.mailDueAt }).execute();
      if (claimed.affected !== 1) continue;
      try {
        await this.transport.sendMail({ from: this.settings.mail!.from, to: row.recipientEmail, ...instantMail(row, this.settings.publicUrl) });
        await this.notifications.update({ seq: Number(row.seq) }, { mailState: 'sent', mailDueAt: null });
        sent++;
      } catch (error) {
        const retryAt = new Date(now.getTime() + Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (attempts - 1))).toISOString();
        const giveUp = attempts >= MAX_ATTEMPTS;
        await this.notifications.update({ seq: Number(row.seq) }, giveUp ? { mailState: 'failed', mailDueAt: null } : { mailDueAt: retryAt });
        this.logger.warn(`mail for notification ${row.id} failed (attempt ${attempts}${giveUp ? ', given up' : `, again at ${retryAt}`}): ${(error as Error).message}`);
      }
    }
    return sent;
  }

  /**
   * Sends each person with `digest` notifications their digest for `now`'s UTC day, once: the day is
   * claimed by inserting (person, day), which the primary key lets only one instance do. A failed send
   * gives the day back, so a later round tries again.
   */
  async sendDigests(now: Date): Promise<number> {
    if (!this.transport) return 0;
    const day = now.toISOString().slice(0, 10);
    const waiting = await this.notifications.createQueryBuilder('n').select('DISTINCT n.recipient_id', 'id')
      .where('n.mail_state = :digest', { digest: 'digest' })
      .andWhere('NOT EXISTS (SELECT 1 FROM notification_digests d WHERE d.user_id = n.recipient_id AND d.day = :day)', { day })
      .getRawMany<{ id: string }>();
    let sent = 0;
    for (const { id } of waiting) {
      if (!(await this.claimDay(id, day, now))) continue;
      const rows = await this.addressed(id).andWhere('n.mail_state = :digest', { digest: 'digest' }).orderBy('n.seq', 'ASC').getRawMany<Addressed>();
      try {
        if (rows.length > 0) {
          await this.transport.sendMail({ from: this.settings.mail!.from, to: rows[0].recipientEmail, ...digestMail(rows, day, this.settings.publicUrl) });
          sent++;
        }
        // Everything of theirs waiting for a digest is done, readable now or not.
        await this.notifications.createQueryBuilder().update(Notification).set({ mailState: 'sent' })
          .where('recipient_id = :id AND mail_state = :digest AND seq <= :last', { id, digest: 'digest', last: rows.length > 0 ? rows[rows.length - 1].seq : Number.MAX_SAFE_INTEGER })
          .execute();
      } catch (error) {
        await this.digests.delete({ userId: id, day });
        this.logger.warn(`digest for ${day} failed, will try again: ${(error as Error).message}`);
      }
    }
    return sent;
  }

  private async claimDay(userId: string, day: string, now: Date): Promise<boolean> {
    try {
      await this.digests.insert({ userId, day, sentAt: now.toISOString() });
      return true;
    } catch (error) {
      if (constraintViolation(error)?.code === 'already_exists') return false;
      throw error;
    }
  }

  private addressed(recipientId?: string) {
    const qb = this.service.readable(recipientId ?? 'anyone');
    return qb.innerJoin('users', 'r', 'r.id = n.recipient_id').addSelect('r.email', 'recipientEmail')
      .addSelect('n.mail_attempts', 'mailAttempts').addSelect('n.mail_due_at', 'mailDueAt').andWhere('NOT r.disabled');
  }
}
