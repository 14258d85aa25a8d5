import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Brackets, Repository } from 'typeorm';
import { Actor, decodeCursor, DEFAULT_PAGE_SIZE, nowIso, Page, PageQuery, toPage } from '@claimdesk/core';
import { runStatement, Statement, Tx } from '@claimdesk/database';
import { AuditEntityType, AuditEntry } from './audit-entry.entity';
import { LiveEvents } from './live-events.service';
import { redactAuditEntry, seesDeletedNotes } from './redaction';

export interface AuditRecord {
  actorId: string | null;
  action: string;
  entityType: AuditEntityType;
  entityId: string;
  articleId: string | null;
  /** The claim the change belongs to (the claim itself, its annotations, sources and verdicts). */
  claimId?: string | null;
  before?: unknown;
  after?: unknown;
}

export class AuditView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'order of the log; also the live event id' }) seq!: number;
  @ApiProperty() at!: string;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty({ example: 'claim.created' }) action!: string;
  @ApiProperty({ enum: ['article', 'claim', 'annotation', 'source', 'claim_source', 'verdict', 'user', 'rating_scale', 'session'] }) entityType!: AuditEntityType;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: String, nullable: true }) articleId!: string | null;
  @ApiProperty({ type: String, nullable: true }) claimId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the entity before the change' }) before!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'the entity after the change' }) after!: unknown;
}

export interface AuditQuery {
  entityType?: AuditEntityType;
  entityId?: string;
  articleId?: string;
  claimId?: string;
  limit?: number;
  cursor?: string;
}

const INSERT_ENTRY = new Statement(
  'INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, article_id, claim_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq',
);

/**
 * Work that must commit or roll back with the change it follows (notifications): runs inside its
 * transaction. `change` is the entry's before and after as the caller gave them, the values whose
 * JSON the entry holds, so an observer need not parse that JSON again.
 */
export type AuditObserver = (tx: Tx, entry: AuditEntry, change: RecordedValues) => Promise<void>;

/** An audit entry's before and after, unserialised (null where the entry has none). */
export interface RecordedValues {
  before: unknown;
  after: unknown;
}

const json = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

@Injectable()
export class AuditService {
  private readonly observers: AuditObserver[] = [];

  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly events: LiveEvents,
  ) {}

  /** Writes the audit row inside the caller's transaction; its live event goes out on commit. */
  async record(tx: Tx, record: AuditRecord): Promise<void> {
    const entry: Omit<AuditEntry, 'seq'> = {
      id: randomUUID(),
      at: nowIso(),
      actorId: record.actorId,
      action: record.action,
      entityType: record.entityType,
      entityId: record.entityId,
      articleId: record.articleId,
      claimId: record.claimId ?? (record.entityType === 'claim' || record.entityType === 'claim_source' ? record.entityId : null),
      before: json(record.before),
      after: json(record.after),
    };
    await this.events.orderAfterEarlierChanges(tx, entry.articleId);
    // Every write of the desk passes here: a fixed statement rather than TypeORM's insert machinery.
    const [row] = await runStatement<{ seq: number | string }>(tx.manager, INSERT_ENTRY, [
      entry.id, entry.at, entry.actorId, entry.action, entry.entityType, entry.entityId, entry.articleId, entry.claimId, entry.before, entry.after,
    ]);
    const recorded = { ...entry, seq: Number(row.seq) };
    await this.events.announce(tx, recorded);
    const values: RecordedValues = { before: record.before ?? null, after: record.after ?? null };
    for (const observer of this.observers) await observer(tx, recorded, values);
  }

  /** Registers work to run inside every recorded change's transaction, after its entry is written. */
  observe(observer: AuditObserver): void {
    this.observers.push(observer);
  }

  /** Newest first, keyset-paged by sequence number. */
  async list(query: AuditQuery): Promise<Page<AuditView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.entries.createQueryBuilder('a').orderBy('a.seq', 'DESC').take(limit + 1);
    if (query.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: query.entityId });
    if (query.articleId) qb.andWhere('a.article_id = :articleId', { articleId: query.articleId });
    if (query.claimId) qb.andWhere('a.claim_id = :claimId', { claimId: query.claimId });
    if (query.cursor) {
      const [seq] = decodeCursor(query.cursor, ['int']);
      qb.andWhere('a.seq < :seq', { seq });
    }
    const rows = await qb.getMany();
    return toPage(rows, limit, toAuditView, (row) => [Number(row.seq)]);
  }

  /** A claim's history as `reader` may read it: a deleted note's body only for editors and admins. */
  async claimHistory(reader: Actor, claimId: string, page: PageQuery): Promise<Page<AuditView>> {
    const entries = await this.list({ claimId, limit: page.limit, cursor: page.cursor });
    if (seesDeletedNotes(reader)) return entries;
    // Read after the entries, so a note deleted meanwhile is hidden too.
    const deleted = await this.deletedNotes({ claimId });
    return { ...entries, items: entries.items.map((entry) => redactAuditEntry(entry, deleted)) };
  }

  /**
   * The notes of an article or claim that are deleted now: deleted themselves, or gone with their
   * claim (a claim's deletion does not list its notes). One query, for redacting a whole response.
   */
  async deletedNotes(scope: { articleId: string } | { claimId: string }): Promise<Set<string>> {
    const qb = this.entries.createQueryBuilder('n').select('DISTINCT n.entity_id', 'id').where('n.entity_type = :note', { note: 'annotation' });
    if ('articleId' in scope) qb.andWhere('n.article_id = :articleId', { articleId: scope.articleId });
    else qb.andWhere('n.claim_id = :claimId', { claimId: scope.claimId });
    qb.andWhere(new Brackets((gone) => gone.where('n.action = :noteDeleted', { noteDeleted: 'annotation.deleted' }).orWhere(
      'EXISTS (SELECT 1 FROM audit_log c WHERE c.entity_type = :claim AND c.entity_id = n.claim_id AND c.action = :claimDeleted)',
      { claim: 'claim', claimDeleted: 'claim.deleted' },
    )));
    const rows = await qb.getRawMany<{ id: string }>();
    return new Set(rows.map((row) => row.id));
  }
}

export function toAuditView(entry: AuditEntry): AuditView {
  return {
    id: entry.id,
    seq: Number(entry.seq),
    at: entry.at,
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    articleId: entry.articleId,
    claimId: entry.claimId,
    before: entry.before === null ? null : JSON.parse(entry.before),
    after: entry.after === null ? null : JSON.parse(entry.after),
  };
}
