import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository, SelectQueryBuilder } from 'typeorm';
import { Actor, assertVersion, assigneeCondition, AssignmentDto, checkedAssignment, decodeCursor, DEFAULT_PAGE_SIZE, DomainError, forbidden, hasRole, HeavyWork, notFound, nowIso, Page, toPage, validationFailed, versionConflict } from '@claimdesk/core';
import { findForChange, inChunks, jsonText, runStatement, selectEntityColumns, Statement, Transactions, Tx, updateAtVersion } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { UsersService } from '@claimdesk/identity';
import { ArticlesService, TextChangedMeanwhile } from '@claimdesk/articles';
import { AnchorStatus, describeQuote, TextIndex } from '@claimdesk/text';
import { ClaimAnchoring, ClaimCorrection, ClaimSpan, ClaimStatus } from './claim.entity';
import { ClaimCorrectionView, ClaimView, toClaimCorrectionView, toClaimView } from './claim.view';
import { carrySpanTask } from './carry-span.task';
import { ClaimListQueryDto, CreateClaimDto, SelectorDto, UpdateClaimDto } from './dto/claim.dto';
import { markSpan } from './mark-span';

/** What other modules need to know of a claim to attach things to it. */
const SELECT_REF_SQL = 'SELECT id, article_id AS "articleId", created_by AS "createdBy", status FROM claims WHERE id = ?';
const SELECT_REF = new Statement(SELECT_REF_SQL);
/**
 * Inside a transaction on PostgreSQL the claim is locked until commit. `attach` (a key-share lock):
 * the claim cannot be deleted while a note, source or verdict is being attached to it, and one
 * deleted first is not found (404). `workflow`: also one at a time with the claim's other verdict
 * transitions and source removals, so what they check (a source is attached, no other verdict is
 * published) still holds when they commit. SQLite runs one transaction at a time.
 */
export type ClaimLock = 'attach' | 'workflow';
const LOCKED_REF: Record<ClaimLock, Statement> = {
  attach: new Statement(`${SELECT_REF_SQL} FOR KEY SHARE`),
  workflow: new Statement(`${SELECT_REF_SQL} FOR NO KEY UPDATE`),
};

/** Whether a verdict of the claim is published: its words are then corrected, not simply re-marked. */
const HAS_PUBLISHED_VERDICT = new Statement("SELECT 1 AS one FROM verdicts WHERE claim_id = ? AND status = 'published'");

/**
 * A reviewer's selector, made to refer to the current text: `revision` is the revision it was placed
 * on, null when it does not depend on one (a quote, or no revision given).
 */
interface PlacedSelector {
  selector: SelectorDto;
  revision: number | null;
}

/** Times a selector is placed again when a revision landed between placing it and writing the claim. */
const MAX_PLACING_ATTEMPTS = 3;

export interface ClaimRef {
  id: string;
  articleId: string;
  createdBy: string;
  status: ClaimStatus;
}

export class ClaimCountsView {
  @ApiProperty() open!: number;
  @ApiProperty() in_review!: number;
  @ApiProperty() resolved!: number;
  @ApiProperty({ description: 'placed approximately after a revision: to confirm' }) fuzzy!: number;
  @ApiProperty({ description: 'lost in a revision: to re-mark' }) orphaned!: number;
  @ApiProperty() total!: number;
}
export type ClaimCounts = ClaimCountsView;

export interface ClaimFields {
  claimant?: string | null;
  claimReviewed?: string | null;
  tags?: string[];
}

/** A new claim and each anchoring record: fixed statements on the hot path of marking (see Statement). */
const INSERT_CLAIM = new Statement(`INSERT INTO claims (id, article_id, revision, start_offset, end_offset, start_utf16, end_utf16, quote, prefix, suffix,
  anchor, claimant, claim_reviewed, tags, status, created_by, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
const INSERT_ANCHORING = new Statement(`INSERT INTO claim_anchorings (id, claim_id, revision, status, start_offset, end_offset, quote, prefix, suffix, actor_id, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);

/** Orphans have no position; they sort after every placed claim. */
const ORPHAN_ORDER = 2147483647;
/** The `tags` column's stored form (as in claim.entity.ts), for raw reads that skip entity hydration. */
const claimTags = jsonText<string[]>([]);

@Injectable()
export class ClaimsService {
  constructor(
    @InjectRepository(ClaimSpan) private readonly claims: Repository<ClaimSpan>,
    @InjectRepository(ClaimCorrection) private readonly corrections: Repository<ClaimCorrection>,
    private readonly articles: ArticlesService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly heavyWork: HeavyWork,
    private readonly users: UsersService,
  ) {}

  async create(actor: Actor, articleId: string, input: CreateClaimDto): Promise<ClaimView> {
    return this.withPlacedSelector(articleId, input.selector, input.revision, async (tx, placed) => {
      const { revision, index } = await this.articles.indexedTextOf(articleId, tx, true);
      assertPlacedOn(placed, revision);
      return this.insert(tx, actor, revision, articleId, index, markSpan(index, placed.selector), 'anchored', input);
    });
  }

  /**
   * API.md, "Integrity": offsets given for an earlier `revision` are carried to the current text (the
   * diff runs off the event loop, outside the transaction), or refused with 409 stale_revision when
   * the words at them changed; a quote is matched in the current text as usual. `write` runs in a
   * transaction and checks (assertPlacedOn) that no revision landed meanwhile; if one did, the
   * selector is placed again.
   */
  private async withPlacedSelector<T>(articleId: string, selector: SelectorDto, revision: number | undefined, write: (tx: Tx, placed: PlacedSelector) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const placed = await this.placeOnCurrentText(articleId, selector, revision);
      try {
        return await this.transactions.run((tx) => write(tx, placed));
      } catch (error) {
        if (!(error instanceof TextChangedMeanwhile)) throw error;
        if (attempt === MAX_PLACING_ATTEMPTS) throw versionConflict();
      }
    }
  }

  private async placeOnCurrentText(articleId: string, selector: SelectorDto, revision: number | undefined): Promise<PlacedSelector> {
    if (revision === undefined || selector.type !== 'TextPositionSelector') return { selector, revision: null };
    const current = await this.articles.textOf(articleId);
    if (revision === current.revision) return { selector, revision };
    const earlier = await this.articles.getRevision(articleId, revision);
    // The offsets are judged against the text they were given for.
    const span = markSpan(new TextIndex(earlier.text), selector);
    const carried = await this.heavyWork.run(carrySpanTask, { earlierText: earlier.text, laterText: current.text, start: span.start, end: span.end });
    if (!carried) {
      throw new DomainError('stale_revision', `the words at these offsets of revision ${revision} changed since; the article is at revision ${current.revision}`, [
        { path: 'revision', message: `re-mark on revision ${current.revision}` },
      ]);
    }
    return { selector: { type: 'TextPositionSelector', start: carried.start, end: carried.end }, revision: current.revision };
  }

  /**
   * A claim at a span already located by the caller (imports), with how well it anchored: a fuzzy
   * placement stays flagged for a reviewer to confirm.
   */
  async createAt(actor: Actor, articleId: string, span: { start: number; end: number }, anchor: AnchorStatus, fields: ClaimFields): Promise<ClaimView> {
    return this.transactions.run(async (tx) => {
      const { revision, index } = await this.articles.indexedTextOf(articleId, tx, true);
      if (!index.isRange(span.start, span.end) || span.start >= span.end) throw new DomainError('offset_out_of_range', 'the span is outside the text');
      return this.insert(tx, actor, revision, articleId, index, span, anchor, fields);
    });
  }

  private async insert(tx: Tx, actor: Actor, revision: number, articleId: string, index: TextIndex, span: { start: number; end: number }, anchor: AnchorStatus, fields: ClaimFields): Promise<ClaimView> {
    const quote = describeQuote(index, span.start, span.end);
    const now = nowIso();
    const claim: ClaimSpan = {
      id: randomUUID(), articleId, revision, start: span.start, end: span.end,
      startUtf16: index.toUtf16(span.start), endUtf16: index.toUtf16(span.end),
      quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, anchor,
      claimant: fields.claimant ?? null, claimReviewed: fields.claimReviewed ?? null, tags: fields.tags ?? [],
      status: 'open', createdBy: actor.id, createdAt: now, updatedAt: now, version: 1, assigneeId: null, dueAt: null, assignedAt: null,
    };
    await runStatement(tx.manager, INSERT_CLAIM, [
      claim.id, articleId, revision, claim.start, claim.end, claim.startUtf16, claim.endUtf16, claim.quote, claim.prefix, claim.suffix,
      anchor, claim.claimant, claim.claimReviewed, claimTags.to(claim.tags), claim.status, actor.id, now, now, claim.version,
    ]);
    await this.recordAnchoring(tx, claim, actor.id);
    const view = toClaimView(claim);
    await this.audit.record(tx, { actorId: actor.id, action: 'claim.created', entityType: 'claim', entityId: claim.id, articleId, after: view });
    return view;
  }

  /** The article's claims in reading order (orphans last), optionally filtered by anchor and status. */
  async list(articleId: string, query: ClaimListQueryDto, reader?: Actor): Promise<Page<ClaimView>> {
    await this.articles.assertExists(articleId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const order = `COALESCE(c.start_offset, ${ORPHAN_ORDER})`;
    const qb = this.claims.createQueryBuilder('c').where('c.article_id = :articleId', { articleId })
      .orderBy(order, 'ASC').addOrderBy('c.id', 'ASC').take(limit + 1);
    if (query.anchor?.length) qb.andWhere('c.anchor IN (:...anchors)', { anchors: query.anchor });
    if (query.status?.length) qb.andWhere('c.status IN (:...statuses)', { statuses: query.status });
    if (query.assignee) {
      const { where, parameters } = assigneeCondition('c.assignee_id', query.assignee, reader);
      qb.andWhere(where, parameters);
    }
    if (query.cursor) {
      const [position, id] = decodeCursor(query.cursor, ['int', 'string']);
      qb.andWhere(`(${order} > :position OR (${order} = :position AND c.id > :id))`, { position, id });
    }
    return toPage(await qb.getMany(), limit, toClaimView, (c) => [c.start ?? ORPHAN_ORDER, c.id]);
  }

  /**
   * Every claim of an article, in reading order: for the workspace and reports. A hot read: raw rows
   * with the entity's property names, without entity hydration (so `tags` is parsed here).
   */
  allOf(articleId: string): Promise<ClaimView[]> {
    return this.rawViews((qb) => qb.where('c.article_id = :articleId', { articleId })
      .orderBy(`COALESCE(c.start_offset, ${ORPHAN_ORDER})`, 'ASC').addOrderBy('c.end_offset', 'DESC').addOrderBy('c.id', 'ASC'));
  }

  /** Some claims by id, in no particular order (a batch of a period report), read as `allOf` reads them. */
  async byIds(ids: readonly string[]): Promise<ClaimView[]> {
    return ids.length === 0 ? [] : this.rawViews((qb) => qb.where('c.id IN (:...ids)', { ids: [...ids] }));
  }

  /** Claims as raw rows with the entity's property names, without entity hydration (so `tags` is parsed here). */
  private async rawViews(shape: (qb: SelectQueryBuilder<ClaimSpan>) => SelectQueryBuilder<ClaimSpan>): Promise<ClaimView[]> {
    const rows = await shape(selectEntityColumns(this.claims.createQueryBuilder('c')))
      .getRawMany<Omit<ClaimSpan, 'tags'> & { tags: string | null }>();
    return rows.map((row) => toClaimView({ ...row, tags: claimTags.from(row.tags) as string[] }));
  }

  /** Claims per status and per weak anchor of each article, for the article list. */
  async countsFor(articleIds: readonly string[]): Promise<Record<string, ClaimCounts>> {
    const counts: Record<string, ClaimCounts> = {};
    for (const id of articleIds) counts[id] = { open: 0, in_review: 0, resolved: 0, fuzzy: 0, orphaned: 0, total: 0 };
    if (articleIds.length === 0) return counts;
    const rows = await this.claims.createQueryBuilder('c').select('c.article_id', 'articleId').addSelect('c.status', 'status')
      .addSelect('c.anchor', 'anchor').addSelect('COUNT(*)', 'n').where('c.article_id IN (:...ids)', { ids: [...articleIds] })
      .groupBy('c.article_id').addGroupBy('c.status').addGroupBy('c.anchor').getRawMany<{ articleId: string; status: ClaimStatus; anchor: AnchorStatus; n: string | number }>();
    for (const row of rows) {
      const entry = counts[row.articleId];
      const n = Number(row.n);
      entry[row.status] += n;
      entry.total += n;
      if (row.anchor === 'fuzzy' || row.anchor === 'orphaned') entry[row.anchor] += n;
    }
    return counts;
  }

  async get(id: string): Promise<ClaimView> {
    return toClaimView(await this.load(id));
  }

  /** A claim's identity for modules that attach to it; inside their transaction when given. */
  /** What the claim's notes, sources and verdicts need of it; every write to them reads this first. */
  async ref(id: string, tx?: Tx, lock: ClaimLock = 'attach'): Promise<ClaimRef> {
    const statement = tx?.engine === 'postgres' ? LOCKED_REF[lock] : SELECT_REF;
    const [claim] = await runStatement<ClaimRef>(tx?.manager ?? this.claims.manager, statement, [id]);
    if (!claim) throw notFound('claim', id);
    return claim;
  }

  async update(actor: Actor, id: string, input: UpdateClaimDto, expectedVersion?: number): Promise<ClaimView> {
    if (!input.selector) {
      if (input.revision !== undefined) throw validationFailed('revision', 'revision says what a selector\'s offsets refer to: send it with a selector');
      return this.transactions.run((tx) => this.applyUpdate(tx, actor, id, input, null, expectedVersion));
    }
    const { articleId } = await this.load(id);
    return this.withPlacedSelector(articleId, input.selector, input.revision, (tx, placed) => this.applyUpdate(tx, actor, id, input, placed, expectedVersion));
  }

  private async applyUpdate(tx: Tx, actor: Actor, id: string, input: UpdateClaimDto, placed: PlacedSelector | null, expectedVersion?: number): Promise<ClaimView> {
    const before = await this.load(id, tx, true);
    this.assertMayEdit(actor, before);
    assertVersion(expectedVersion, before.version);
    const changes: Partial<ClaimSpan> = { updatedAt: nowIso() };
    let correction: { note: string } | null = null;
    if (input.claimant !== undefined) changes.claimant = input.claimant;
    if (input.claimReviewed !== undefined) changes.claimReviewed = input.claimReviewed;
    if (input.tags !== undefined) changes.tags = input.tags;
    if (placed) {
      // Re-marking: the reviewer has confirmed the place, so the claim is anchored on the current text.
      const article = await this.articles.indexedTextOf(before.articleId, tx, true);
      assertPlacedOn(placed, article.revision);
      const index = article.index;
      const span = markSpan(index, placed.selector);
      const quote = describeQuote(index, span.start, span.end);
      // Read under the claim's lock: publishing a verdict locks the claim too, so this holds until commit.
      // The same words at the same place (a fuzzy claim confirmed by its span) correct nothing.
      const sameWords = span.start === before.start && span.end === before.end && quote.exact === before.quote;
      if (!sameWords) correction = await this.correctionOf(tx, actor, id, input.correctionNote);
      Object.assign(changes, {
        start: span.start, end: span.end, startUtf16: index.toUtf16(span.start), endUtf16: index.toUtf16(span.end),
        quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, anchor: 'anchored' as AnchorStatus, revision: article.revision,
      });
    }
    else if (input.confirm) {
      // A reviewer confirms the place a revision flagged: the claim is anchored where it stands.
      if (before.anchor === 'orphaned') {
        throw new DomainError('claim_orphaned', 'an orphaned claim has no place to confirm: re-mark it with a selector', [{ path: 'confirm', message: 're-mark the claim instead' }]);
      }
      changes.anchor = 'anchored';
    }
    if (!correction && input.correctionNote !== undefined) {
      throw validationFailed('correctionNote', 'a correction note goes with a re-mark (selector) that changes the words of a claim with a published verdict');
    }
    if (!(await updateAtVersion(tx.manager, ClaimSpan, id, before.version, changes))) throw versionConflict();
    const after: ClaimSpan = { ...before, ...changes, version: before.version + 1 };
    if (placed || input.confirm) await this.recordAnchoring(tx, after, actor.id);
    const view = toClaimView(after);
    if (correction) {
      await tx.manager.insert(ClaimCorrection, {
        id: randomUUID(), claimId: id, revision: before.revision, start: before.start, end: before.end, quote: before.quote,
        note: correction.note, correctedBy: actor.id, createdAt: after.updatedAt,
      });
    }
    await this.audit.record(tx, {
      actorId: actor.id, action: correction ? 'claim.corrected' : 'claim.updated', entityType: 'claim', entityId: id, articleId: before.articleId,
      before: toClaimView(before), after: correction ? { ...view, correctionNote: correction.note } : view,
    });
    return view;
  }

  /** API.md, "Work": an editor assigns anyone; a reviewer takes an unassigned claim or gives back their own. */
  async assign(actor: Actor, id: string, input: AssignmentDto, expectedVersion?: number): Promise<ClaimView> {
    return this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      const now = nowIso();
      const assignment = await checkedAssignment(actor, before, input, expectedVersion, (userId) => this.users.assertAssignable(tx, userId), now);
      const changes: Partial<ClaimSpan> = { ...assignment, updatedAt: now };
      if (!(await updateAtVersion(tx.manager, ClaimSpan, id, before.version, changes))) throw versionConflict();
      const view = toClaimView({ ...before, ...changes, version: before.version + 1 });
      await this.audit.record(tx, { actorId: actor.id, action: 'claim.assigned', entityType: 'claim', entityId: id, articleId: before.articleId, before: toClaimView(before), after: view });
      return view;
    });
  }

  /**
   * API.md: re-marking a claim that has a published verdict corrects the words the verdict stands
   * under, so it needs an editor and a note for readers. Null when the claim has no published verdict.
   */
  private async correctionOf(tx: Tx, actor: Actor, id: string, note: string | undefined): Promise<{ note: string } | null> {
    const published = await runStatement<{ one: number }>(tx.manager, HAS_PUBLISHED_VERDICT, [id]);
    if (published.length === 0) return null;
    if (!hasRole(actor, 'editor')) throw forbidden('the claim has a published verdict: only an editor may re-mark it, with a correctionNote');
    if (!note) throw validationFailed('correctionNote', 'the claim has a published verdict: say in correctionNote why its words change');
    return { note };
  }

  /** The corrections of the given claims, oldest first: for the workspace and reports. */
  async correctionsFor(claimIds: readonly string[]): Promise<ClaimCorrectionView[]> {
    const rows = await inChunks(claimIds, (ids) => this.corrections.createQueryBuilder('c').where('c.claim_id IN (:...ids)', { ids }).getMany());
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    return rows.map(toClaimCorrectionView);
  }

  /** API.md: deleting a claim (with its notes, sources and verdicts) is an editor's call, even for its author. */
  async remove(actor: Actor, id: string, expectedVersion?: number): Promise<void> {
    await this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      if (!hasRole(actor, 'editor')) throw forbidden('only an editor may delete a claim; its author may re-mark or edit it');
      assertVersion(expectedVersion, before.version);
      await tx.manager.delete(ClaimSpan, { id });
      await this.audit.record(tx, { actorId: actor.id, action: 'claim.deleted', entityType: 'claim', entityId: id, articleId: before.articleId, before: toClaimView(before) });
    });
  }

  /** A claim's status follows its verdicts; the verdict workflow sets it in its own transaction. */
  async setStatus(tx: Tx, actorId: string, id: string, status: ClaimStatus): Promise<void> {
    const before = await this.load(id, tx);
    if (before.status === status) return;
    const updatedAt = nowIso();
    await tx.manager.update(ClaimSpan, { id }, { status, updatedAt, version: before.version + 1 });
    const after = toClaimView({ ...before, status, updatedAt, version: before.version + 1 });
    await this.audit.record(tx, { actorId, action: 'claim.updated', entityType: 'claim', entityId: id, articleId: before.articleId, before: toClaimView(before), after });
  }

  /** Writes one re-anchoring outcome (used by article revisions). */
  async applyAnchoring(tx: Tx, actorId: string, claim: ClaimSpan, changes: Partial<ClaimSpan>): Promise<ClaimView> {
    const updatedAt = nowIso();
    const after: ClaimSpan = { ...claim, ...changes, updatedAt, version: claim.version + 1 };
    await tx.manager.update(ClaimSpan, { id: claim.id }, { ...changes, updatedAt, version: after.version });
    await this.recordAnchoring(tx, after, actorId);
    const view = toClaimView(after);
    await this.audit.record(tx, { actorId, action: 'claim.updated', entityType: 'claim', entityId: claim.id, articleId: claim.articleId, before: toClaimView(claim), after: view });
    return view;
  }

  async entitiesOf(articleId: string, tx: Tx): Promise<ClaimSpan[]> {
    return tx.manager.find(ClaimSpan, { where: { articleId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  private assertMayEdit(actor: Actor, claim: ClaimSpan): void {
    if (claim.createdBy !== actor.id && !hasRole(actor, 'editor')) throw forbidden('only the claim’s author or an editor may change it');
  }

  private async recordAnchoring(tx: Tx, claim: ClaimSpan, actorId: string | null): Promise<void> {
    await runStatement(tx.manager, INSERT_ANCHORING, [
      randomUUID(), claim.id, claim.revision, claim.anchor, claim.start, claim.end, claim.quote, claim.prefix, claim.suffix, actorId, nowIso(),
    ]);
  }

  /** `forChange`: the transaction is about to change or delete it, so it is locked (see findForChange). */
  private async load(id: string, tx?: Tx, forChange = false): Promise<ClaimSpan> {
    const claim = await (!tx ? this.claims.findOne({ where: { id } }) : forChange ? findForChange(tx, ClaimSpan, id) : tx.manager.findOne(ClaimSpan, { where: { id } }));
    if (!claim) throw notFound('claim', id);
    return claim;
  }
}

/** The selector was placed on the text of `placed.revision`: a revision that landed since means placing it again. */
function assertPlacedOn(placed: PlacedSelector, currentRevision: number): void {
  if (placed.revision !== null && placed.revision !== currentRevision) throw new TextChangedMeanwhile();
}
