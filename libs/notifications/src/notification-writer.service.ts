import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Settings, SETTINGS } from '@claimdesk/core';
import { Tx } from '@claimdesk/database';
import { AuditEntry, AuditService, RecordedValues } from '@claimdesk/audit';
import { findMentions, Mentionable, resolveMention } from '@claimdesk/text/mentions';
import { MailOutbox } from './mail/mail-outbox.service';
import { MailState, Notification, NotificationSetting } from './notification.entity';
import { ChangeFacts, ChangeRecord, factsNeeded, mayNotify, recipientsOf } from './recipients';

/** Second key of the advisory lock taken per recipient ("NT"): a person's notifications are numbered in commit order. */
const RECIPIENT_LOCK = 0x4e54;

type Row = Record<string, unknown>;
const parse = (json: string | null): Row | null => (json === null ? null : (JSON.parse(json) as Row));
const asRow = (value: unknown): Row | null => (value !== null && typeof value === 'object' ? (value as Row) : null);
const str = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/**
 * Writes the notifications of each change inside the change's own transaction (an audit observer):
 * they commit or roll back with it, so none is lost or invented, and the unique key (recipient, audit
 * entry) with ON CONFLICT DO NOTHING makes a second derivation of the same entry a no-op.
 * Why not a consumer that follows the log: see architecture.md, "Notifications".
 */
@Injectable()
export class NotificationWriter implements OnModuleInit {
  constructor(private readonly audit: AuditService, private readonly mail: MailOutbox, @Inject(SETTINGS) private readonly settings: Settings) {}

  onModuleInit(): void {
    this.audit.observe(async (tx, entry, values) => void (await this.derive(tx, entry, values)));
  }

  /**
   * The notifications of one audit entry, written in `tx`; safe to run again for the same entry.
   * `values`: the entry's before and after as recorded, when at hand; else parsed from its JSON.
   */
  async derive(tx: Tx, entry: AuditEntry, values?: RecordedValues): Promise<number> {
    if (!mayNotify(entry.action)) return 0;
    const { before, after } = values ?? { before: parse(entry.before), after: parse(entry.after) };
    const change: ChangeRecord = { action: entry.action, actorId: entry.actorId, before: asRow(before), after: asRow(after) };
    const recipients = recipientsOf(change, await this.facts(tx, change, entry));
    if (recipients.length === 0) return 0;
    const mail = await this.mailStates(tx, recipients.map((r) => r.recipientId));
    const ids = recipients.map((r) => r.recipientId).sort();
    if (tx.engine === 'postgres') {
      // In a fixed order, so two changes telling the same people cannot wait for each other.
      for (const id of ids) await tx.manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RECIPIENT_LOCK, id]);
    }
    const at = entry.at;
    const rows = recipients.map(({ recipientId, type }): Omit<Notification, 'seq'> => ({
      id: randomUUID(), recipientId, auditSeq: Number(entry.seq), type,
      articleId: entry.articleId, claimId: entry.claimId, entityId: entry.entityId, actorId: entry.actorId, at,
      readAt: null, mailState: mail.get(recipientId) ?? 'none', mailAttempts: 0, mailDueAt: mail.get(recipientId) === 'instant' ? at : null,
    }));
    await tx.manager.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().execute();
    if (rows.some((row) => row.mailState === 'instant')) tx.afterCommit(() => this.mail.kick());
    return rows.length;
  }

  /** What the rules need to know about this change, read in its transaction. */
  private async facts(tx: Tx, change: ChangeRecord, entry: AuditEntry): Promise<ChangeFacts> {
    const needed = new Set(factsNeeded(change));
    const facts: Omit<ChangeFacts, 'active'> = {
      mentionedIds: needed.has('mentions') ? await this.mentioned(tx, change) : [],
      repliedToAuthorId: needed.has('repliedTo') ? await this.one(tx, 'annotations', 'author_id', str(change.after?.parentId)) : null,
      editorIds: needed.has('editors') ? await this.editors(tx) : [],
      verdictAuthorIds: needed.has('verdictAuthors') ? await this.verdictAuthors(tx, change, entry) : [],
      assigneeId: needed.has('assignee') ? await this.assignee(tx, entry.claimId) : null,
    };
    const candidates = [...facts.mentionedIds, facts.repliedToAuthorId, ...facts.editorIds, ...facts.verdictAuthorIds, facts.assigneeId, str(change.after?.assigneeId)]
      .filter((id): id is string => id !== null);
    return { ...facts, active: await this.active(tx, candidates) };
  }

  /** People a note mentions; for an edit, only those it did not mention before. */
  private async mentioned(tx: Tx, change: ChangeRecord): Promise<string[]> {
    const body = str(change.after?.body);
    if (!body || !body.includes('@')) return [];
    const refs = findMentions(body);
    if (refs.length === 0) return [];
    const people = await tx.manager.createQueryBuilder().select('u.id', 'id').addSelect('u.email', 'email').addSelect('u.display_name', 'displayName').from('users', 'u')
      .where('NOT u.disabled').getRawMany<Mentionable>();
    const ids = (text: string | null): Set<string> => new Set(text ? findMentions(text).map((ref) => resolveMention(ref, people)?.id).filter((id): id is string => !!id) : []);
    const before = change.action === 'annotation.updated' ? ids(str(change.before?.body)) : new Set<string>();
    return [...ids(body)].filter((id) => !before.has(id));
  }

  private async editors(tx: Tx): Promise<string[]> {
    const rows = await tx.manager.createQueryBuilder().select('u.id', 'id').from('users', 'u')
      .where('u.role IN (:...roles)', { roles: ['editor', 'admin'] }).andWhere('NOT u.disabled').getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** The verdict's author, the corrected verdict's for a correction; for a re-marked claim, its published verdict's. */
  private async verdictAuthors(tx: Tx, change: ChangeRecord, entry: AuditEntry): Promise<string[]> {
    if (change.action === 'claim.corrected') {
      const rows = await tx.manager.createQueryBuilder().select('v.author_id', 'id').from('verdicts', 'v')
        .where('v.claim_id = :claimId', { claimId: entry.entityId }).andWhere('v.status = :published', { published: 'published' }).getRawMany<{ id: string }>();
      return rows.map((row) => row.id);
    }
    // Only publishing a correction tells the corrected verdict's author; its approval or rejection does not.
    const corrected = change.action === 'verdict.published' ? await this.one(tx, 'verdicts', 'author_id', str(change.after?.supersedes)) : null;
    return [str(change.after?.authorId), corrected].filter((id): id is string => id !== null);
  }

  /** The claim's assignee, once claims have one (the queue's `assignee_id`). */
  private async assignee(tx: Tx, claimId: string | null): Promise<string | null> {
    const claims = tx.manager.connection.entityMetadatas.find((metadata) => metadata.tableName === 'claims');
    if (!claimId || !claims?.findColumnWithDatabaseName('assignee_id')) return null;
    return this.one(tx, 'claims', 'assignee_id', claimId);
  }

  private async one(tx: Tx, table: string, column: string, id: string | null): Promise<string | null> {
    if (!id) return null;
    const row = await tx.manager.createQueryBuilder().select(`t.${column}`, 'value').from(table, 't').where('t.id = :id', { id }).getRawOne<{ value: string | null }>();
    return row?.value ?? null;
  }

  private async active(tx: Tx, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await tx.manager.createQueryBuilder().select('u.id', 'id').from('users', 'u')
      .where('u.id IN (:...ids)', { ids: [...new Set(ids)] }).andWhere('NOT u.disabled').getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }

  /** Each recipient's e-mail choice as a mail state; all `none` while the desk sends no mail. */
  private async mailStates(tx: Tx, ids: string[]): Promise<Map<string, MailState>> {
    if (!this.settings.mail) return new Map();
    const rows = await tx.manager.createQueryBuilder(NotificationSetting, 's').where('s.user_id IN (:...ids)', { ids }).getMany();
    return new Map(rows.map((row) => [row.userId, row.email === 'instant' ? 'instant' : row.email === 'daily' ? 'digest' : 'none']));
  }
}
