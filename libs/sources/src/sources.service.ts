import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Actor, assertVersion, forbidden, hasRole, containsPattern, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, notFound, nowIso, Page, pageInOrder, PageQuery, toPage, toStoredTime, validationFailed, versionConflict } from '@claimdesk/core';
import { findForChange, inChunks, selectEntityColumns, Transactions, Tx, updateAtVersion } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { ClaimsService } from '@claimdesk/claims';
import { AttachSourceDto, CreateSourceDto, SourceListQueryDto, UpdateSourceDto } from './dto/source.dto';
import { InvalidSourceUrl, normalizeSourceUrl } from './normalize-url';
import { ClaimSource, Source } from './source.entity';
import { ClaimSourceView, SourceView, toClaimSourceView, toSourceView } from './source.view';
import { SnapshotsService } from './snapshots/snapshots.service';

export interface Registered {
  source: SourceView;
  created: boolean;
}


function normalizedOrFail(url: string, path: string): string {
  try {
    return normalizeSourceUrl(url);
  } catch (error) {
    if (error instanceof InvalidSourceUrl) throw validationFailed(path, error.message);
    throw error;
  }
}

@Injectable()
export class SourcesService {
  constructor(
    @InjectRepository(Source) private readonly sources: Repository<Source>,
    @InjectRepository(ClaimSource) private readonly links: Repository<ClaimSource>,
    private readonly claims: ClaimsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly snapshots: SnapshotsService,
  ) {}

  /** Registers a source, or finds the one already known under the same normalised URL. */
  async register(actor: Actor, input: CreateSourceDto): Promise<Registered> {
    return this.transactions.run((tx) => this.registerIn(tx, actor, input, 'url'));
  }

  async list(query: SourceListQueryDto): Promise<Page<SourceView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.sources.createQueryBuilder('s').orderBy('s.created_at', 'DESC').addOrderBy('s.id', 'DESC').take(limit + 1);
    if (query.url) qb.andWhere('s.normalized_url = :url', { url: normalizedOrFail(query.url, 'url') });
    if (query.q) {
      qb.andWhere("(LOWER(s.title) LIKE :q ESCAPE '\\' OR LOWER(s.publisher) LIKE :q ESCAPE '\\' OR LOWER(s.url) LIKE :q ESCAPE '\\')", { q: containsPattern(query.q) });
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(s.created_at < :createdAt OR (s.created_at = :createdAt AND s.id < :id))', { createdAt, id });
    }
    return toPage(await qb.getMany(), limit, toSourceView, (s) => [s.createdAt, s.id]);
  }

  async get(id: string): Promise<SourceView> {
    const source = await this.sources.findOneBy({ id });
    if (!source) throw notFound('source', id);
    return toSourceView(source);
  }

  async update(actor: Actor, id: string, input: UpdateSourceDto, expectedVersion?: number): Promise<SourceView> {
    return this.transactions.run(async (tx) => {
      const before = await findForChange(tx, Source, id);
      if (!before) throw notFound('source', id);
      assertVersion(expectedVersion, before.version);
      const changes: Partial<Source> = { updatedAt: nowIso() };
      if (input.title !== undefined) changes.title = input.title;
      if (input.publisher !== undefined) changes.publisher = input.publisher;
      if (input.publishedAt !== undefined) changes.publishedAt = toStoredTime(input.publishedAt) ?? null;
      if (input.kind !== undefined) changes.kind = input.kind;
      if (input.archiveUrl !== undefined) changes.archiveUrl = input.archiveUrl;
      if (!(await updateAtVersion(tx.manager, Source, id, before.version, changes))) throw versionConflict();
      const after = toSourceView({ ...before, ...changes, version: before.version + 1 });
      await this.audit.record(tx, { actorId: actor.id, action: 'source.updated', entityType: 'source', entityId: id, articleId: null, before: toSourceView(before), after });
      return after;
    });
  }

  async attach(actor: Actor, claimId: string, input: AttachSourceDto): Promise<ClaimSourceView> {
    return this.transactions.run(async (tx) => {
      const claim = await this.claims.ref(claimId, tx);
      let source: Source | null;
      if (input.sourceId !== undefined) {
        source = await tx.manager.findOneBy(Source, { id: input.sourceId });
        if (!source) throw new DomainError('validation_failed', `source ${input.sourceId} does not exist`, [{ path: 'sourceId', message: 'unknown source' }]);
      } else {
        const registered = await this.registerIn(tx, actor, input.source as CreateSourceDto, 'source.url');
        source = await tx.manager.findOneByOrFail(Source, { id: registered.source.id });
      }
      if (await tx.manager.existsBy(ClaimSource, { claimId, sourceId: source.id })) {
        throw new DomainError('already_exists', 'this source is already attached to the claim', [{ path: 'sourceId', message: 'already attached' }]);
      }
      const link = tx.manager.create(ClaimSource, {
        claimId, sourceId: source.id, stance: input.stance, excerpt: input.excerpt ?? null, note: input.note ?? null, addedBy: actor.id, createdAt: nowIso(),
      });
      await tx.manager.insert(ClaimSource, link);
      const view = toClaimSourceView(link, source);
      await this.audit.record(tx, { actorId: actor.id, action: 'claim_source.created', entityType: 'claim_source', entityId: claimId, articleId: claim.articleId, after: view });
      tx.afterCommit(() => this.snapshots.takeInBackground(actor, view.sourceId));
      return view;
    });
  }

  /** One page of the claim's sources, oldest first; the cursor names the last source shown. */
  async listForClaim(claimId: string, query: PageQuery): Promise<Page<ClaimSourceView>> {
    await this.claims.ref(claimId);
    return pageInOrder(await this.listForClaims([claimId]), query, (link) => link.sourceId);
  }

  /**
   * Every link of the given claims with its source, oldest first, in two queries whatever the count.
   * A hot read (the workspace): raw rows with the entities' property names, without entity hydration.
   */
  async listForClaims(claimIds: readonly string[]): Promise<ClaimSourceView[]> {
    const links = (await inChunks(claimIds, (ids) => selectEntityColumns(this.links.createQueryBuilder('l'))
      .where('l.claim_id IN (:...ids)', { ids }).getRawMany<ClaimSource>()))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.sourceId.localeCompare(b.sourceId));
    const sourceIds = [...new Set(links.map((link) => link.sourceId))];
    const found = await inChunks(sourceIds, (ids) => selectEntityColumns(this.sources.createQueryBuilder('s'))
      .where('s.id IN (:...ids)', { ids }).getRawMany<Source>());
    const sources = new Map(found.map((s) => [s.id, s]));
    return links.map((link) => toClaimSourceView(link, sources.get(link.sourceId) as Source));
  }

  async detach(actor: Actor, claimId: string, sourceId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      // One at a time with the claim's verdict transitions: a submit sees the source or its removal, never both.
      const claim = await this.claims.ref(claimId, tx, 'workflow');
      if (claim.status === 'resolved' && !hasRole(actor, 'editor')) throw forbidden('the claim has a published verdict: only an editor may remove its sources');
      const link = await tx.manager.findOneBy(ClaimSource, { claimId, sourceId });
      if (!link) throw notFound('source', `${sourceId} on claim ${claimId}`);
      const source = await tx.manager.findOneByOrFail(Source, { id: sourceId });
      await tx.manager.delete(ClaimSource, { claimId, sourceId });
      await this.audit.record(tx, { actorId: actor.id, action: 'claim_source.deleted', entityType: 'claim_source', entityId: claimId, articleId: claim.articleId, before: toClaimSourceView(link, source) });
    });
  }

  /** A claim's links with their sources, oldest first, as `tx` sees them: what a verdict is published with. */
  async linksAt(tx: Tx, claimId: string): Promise<ClaimSourceView[]> {
    const links = await tx.manager.find(ClaimSource, { where: { claimId }, order: { createdAt: 'ASC', sourceId: 'ASC' } });
    const sources = new Map((links.length ? await tx.manager.findBy(Source, { id: In(links.map((link) => link.sourceId)) }) : []).map((s) => [s.id, s]));
    return links.map((link) => toClaimSourceView(link, sources.get(link.sourceId) as Source));
  }

  /** How many sources a claim has: a verdict cannot be submitted without one. */
  async countForClaim(tx: Tx, claimId: string): Promise<number> {
    return tx.manager.countBy(ClaimSource, { claimId });
  }

  private async registerIn(tx: Tx, actor: Actor, input: CreateSourceDto, path: string): Promise<Registered> {
    const normalizedUrl = normalizedOrFail(input.url, path);
    const existing = await tx.manager.findOneBy(Source, { normalizedUrl });
    if (existing) return { source: toSourceView(existing), created: false };
    const now = nowIso();
    const source = tx.manager.create(Source, {
      id: randomUUID(), url: input.url, normalizedUrl, title: input.title ?? null, publisher: input.publisher ?? null,
      publishedAt: toStoredTime(input.publishedAt) ?? null, kind: input.kind ?? 'other', archiveUrl: input.archiveUrl ?? null,
      createdBy: actor.id, createdAt: now, updatedAt: now, version: 1,
    });
    // Registered meanwhile by a concurrent request? Then that one is the source (the URL is unique).
    await tx.manager.createQueryBuilder().insert().into(Source).values(source).orIgnore().execute();
    const stored = await tx.manager.findOneByOrFail(Source, { normalizedUrl });
    if (stored.id !== source.id) return { source: toSourceView(stored), created: false };
    const view = toSourceView(source);
    await this.audit.record(tx, { actorId: actor.id, action: 'source.created', entityType: 'source', entityId: source.id, articleId: null, after: view });
    return { source: view, created: true };
  }
}
