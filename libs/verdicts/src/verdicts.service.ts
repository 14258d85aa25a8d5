import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, assertVersion, DomainError, forbidden, notFound, nowIso, Page, pageInOrder, PageQuery, validationFailed, versionConflict } from '@claimdesk/core';
import { findForChange, inChunks, runStatement, selectEntityColumns, Statement, Transactions, Tx, updateAtVersion } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { ClaimRef, ClaimsService } from '@claimdesk/claims';
import { SourcesService } from '@claimdesk/sources';
import { DeskFactCheck, FactChecksService } from '@claimdesk/fact-checks';
import { CreateVerdictDto, UpdateVerdictDto } from './dto/verdict.dto';
import { DEFAULT_SCALE, RatingScalesService } from './rating-scales.service';
import { Verdict } from './verdict.entity';
import { ratingOn, RatingScaleView, toVerdictView, VerdictView } from './verdict.view';
import { assertMayAct, claimStatusOf, nextStatus, TRANSITIONS, VerdictAction } from './verdict-workflow';

/** A published verdict with its claim's quote, people and place, as ClaimReview reads them. */
export interface PublishedVerdict {
  claimId: string;
  quote: string;
  claimant: string | null;
  claimReviewed: string | null;
  start: number | null;
  end: number | null;
  claimCreatedAt: string;
  scaleId: string;
  rating: string;
  ratingLabel: string;
  ratingValue: number | null;
  publishedAt: string;
}

const PUBLISHED_OF_ARTICLE = new Statement(`SELECT c.id AS "claimId", c.quote AS "quote", c.claimant AS "claimant", c.claim_reviewed AS "claimReviewed",
  c.start_offset AS "start", c.end_offset AS "end", c.created_at AS "claimCreatedAt", v.scale_id AS "scaleId", v.rating AS "rating", v.published_at AS "publishedAt"
  FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE c.article_id = ? AND v.status = 'published' ORDER BY v.created_at, v.id`);

/** The claims of an article with a verdict published in [from, to), with what puts them in reading order (a period report). */
const CLAIMS_PUBLISHED_IN = new Statement(
  'SELECT c.id, c.start_offset AS start, c.end_offset AS "end", c.created_at AS "createdAt" FROM claims c WHERE c.article_id = ? ' +
  'AND EXISTS (SELECT 1 FROM verdicts v WHERE v.claim_id = c.id AND v.published_at >= ? AND v.published_at < ?)',
);
/** A claim's words and its article's language, for the fact-check library. */
const CLAIM_FOR_LIBRARY = new Statement(`SELECT c.quote AS "quote", c.claimant AS "claimant", c.claim_reviewed AS "claimReviewed", a.language AS "language"
  FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ?`);

@Injectable()
export class VerdictsService {
  constructor(
    @InjectRepository(Verdict) private readonly verdicts: Repository<Verdict>,
    private readonly scales: RatingScalesService,
    private readonly claims: ClaimsService,
    private readonly sources: SourcesService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly library: FactChecksService,
  ) {}

  /** A new draft. A correction names the published verdict it supersedes and says what changed. */
  async create(actor: Actor, claimId: string, input: CreateVerdictDto): Promise<VerdictView> {
    const scale = await this.scaleOrFail(input.scaleId ?? DEFAULT_SCALE);
    assertRating(scale, input.rating);
    return this.transactions.run(async (tx) => {
      const claim = await this.claims.ref(claimId, tx);
      if (input.supersedes !== undefined) {
        const old = await tx.manager.findOneBy(Verdict, { id: input.supersedes });
        if (!old || old.claimId !== claimId || old.status !== 'published') {
          throw validationFailed('supersedes', 'must name a published verdict of the same claim');
        }
        if (!input.correctionNote?.trim()) throw validationFailed('correctionNote', 'a correction needs a note saying what changed');
      }
      const now = nowIso();
      const verdict = tx.manager.create(Verdict, {
        id: randomUUID(), claimId, authorId: actor.id, scaleId: scale.id, rating: input.rating, rationale: input.rationale ?? null,
        confidence: input.confidence ?? null, status: 'draft', reviewedBy: null, reviewNote: null, publishedAt: null,
        supersedes: input.supersedes ?? null, correctionNote: input.correctionNote ?? null, evidence: null, createdAt: now, updatedAt: now, version: 1,
      });
      await tx.manager.insert(Verdict, verdict);
      const view = toVerdictView(verdict, scale);
      await this.record(tx, actor, 'verdict.created', claim, undefined, view);
      return view;
    });
  }

  /** One page of the claim's verdicts, oldest first; the cursor names the last verdict shown. */
  async listForClaim(claimId: string, query: PageQuery): Promise<Page<VerdictView>> {
    await this.claims.ref(claimId);
    return pageInOrder(await this.listForClaims([claimId]), query, (verdict) => verdict.id);
  }

  /**
   * The verdicts of many claims, oldest first, labelled with their scales. A hot read (the
   * workspace): raw rows with the entity's property names, without entity hydration.
   */
  async listForClaims(claimIds: readonly string[]): Promise<VerdictView[]> {
    const rows = await inChunks(claimIds, (ids) => selectEntityColumns(this.verdicts.createQueryBuilder('v'))
      .where('v.claim_id IN (:...ids)', { ids }).getRawMany<Verdict>());
    rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const scales = await this.scales.byId();
    return rows.map((row) => toVerdictView(row, scales.get(row.scaleId)));
  }

  /**
   * The published verdicts of an article's claims, oldest first, labelled, each with what ClaimReview
   * shows of its claim: one fixed query, no notes, sources, drafts or whole claims read (a hot read).
   */
  async publishedOfArticle(articleId: string): Promise<PublishedVerdict[]> {
    const rows = await runStatement<Omit<PublishedVerdict, 'ratingLabel' | 'ratingValue'>>(this.verdicts.manager, PUBLISHED_OF_ARTICLE, [articleId]);
    const scales = await this.scales.byId();
    return rows.map((row) => ({ ...row, start: row.start === null ? null : Number(row.start), end: row.end === null ? null : Number(row.end), ...ratingOn(scales.get(row.scaleId), row.rating) }));
  }

  /**
   * Articles with a verdict published in [from, to), in id order after `afterArticleId`: the period
   * report walks them in batches, so memory stays flat however many verdicts there are.
   */
  async articlesPublishedIn(from: string, to: string, afterArticleId: string, limit: number): Promise<string[]> {
    const rows = await this.verdicts.createQueryBuilder('v').innerJoin('claims', 'c', 'c.id = v.claim_id')
      .select('c.article_id', 'articleId').distinct(true)
      .where('v.published_at >= :from AND v.published_at < :to', { from, to })
      .andWhere('c.article_id > :after', { after: afterArticleId })
      .orderBy('c.article_id', 'ASC').limit(limit).getRawMany<{ articleId: string }>();
    return rows.map((row) => row.articleId);
  }

  /** The claims of an article with a verdict published in [from, to): their ids, positions and creation times, in no order. */
  async claimsPublishedIn(articleId: string, from: string, to: string): Promise<Array<{ id: string; start: number | null; end: number | null; createdAt: string }>> {
    return runStatement(this.verdicts.manager, CLAIMS_PUBLISHED_IN, [articleId, from, to]);
  }

  async get(id: string): Promise<VerdictView> {
    const verdict = await this.load(id);
    return toVerdictView(verdict, await this.scales.get(verdict.scaleId));
  }

  /** Only the author edits, and only a draft: anything submitted is locked for review. */
  async update(actor: Actor, id: string, input: UpdateVerdictDto, expectedVersion?: number): Promise<VerdictView> {
    return this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      if (before.authorId !== actor.id) throw forbidden('only its author may edit a verdict draft');
      if (before.status !== 'draft') throw new DomainError('verdict_locked', `the verdict is ${before.status}; only drafts can be edited`);
      assertVersion(expectedVersion, before.version);
      const scale = await this.scales.get(before.scaleId);
      const changes: Partial<Verdict> = { updatedAt: nowIso() };
      if (input.rating !== undefined) {
        assertRating(scale, input.rating);
        changes.rating = input.rating;
      }
      if (input.rationale !== undefined) changes.rationale = input.rationale;
      if (input.confidence !== undefined) changes.confidence = input.confidence;
      if (input.correctionNote !== undefined) {
        if (before.supersedes && !input.correctionNote?.trim()) throw validationFailed('correctionNote', 'a correction needs a note saying what changed');
        changes.correctionNote = input.correctionNote;
      }
      if (!(await updateAtVersion(tx.manager, Verdict, id, before.version, changes))) throw versionConflict();
      const view = toVerdictView({ ...before, ...changes, version: before.version + 1 }, scale);
      await this.record(tx, actor, 'verdict.updated', await this.claims.ref(before.claimId, tx), toVerdictView(before, scale), view);
      return view;
    });
  }

  /**
   * One step of the workflow. Publishing a correction retracts the verdict it supersedes in the same
   * transaction, so readers never see two published verdicts for one claim. The steps of one claim's
   * verdicts, and the removal of its sources, run one at a time (the claim's `workflow` lock), so what
   * a step checks (a source is attached, no other verdict is published) still holds at its commit, on
   * any number of instances; a unique index on published verdicts is the last line of defence.
   */
  async transition(actor: Actor, id: string, action: VerdictAction, note?: string, expectedVersion?: number): Promise<VerdictView> {
    return this.transactions.run(async (tx) => {
      const claim = await this.claims.ref((await this.load(id, tx)).claimId, tx, 'workflow');
      const before = await this.load(id, tx, true);
      assertMayAct(action, actor, before.authorId);
      const status = nextStatus(action, before.status);
      assertVersion(expectedVersion, before.version);
      if (action === 'submit') await this.assertReadyForReview(tx, before);
      if ((action === 'reject' || action === 'retract') && !note?.trim()) throw validationFailed('note', `say why you ${action} it`);
      const now = nowIso();
      if (action === 'publish') await this.retireOthers(tx, actor, before, claim, now);
      const changes: Partial<Verdict> = { status, updatedAt: now };
      if (action === 'approve' || action === 'reject' || action === 'publish') changes.reviewedBy = actor.id;
      if (action === 'reject' || action === 'retract') changes.reviewNote = note ?? null;
      if (action === 'publish') {
        changes.publishedAt = now;
        // The published report shows the evidence as it is now, whatever later happens to the sources.
        changes.evidence = JSON.stringify(await this.sources.linksAt(tx, before.claimId));
      }
      if (!(await updateAtVersion(tx.manager, Verdict, id, before.version, changes))) throw versionConflict();
      const scale = await this.scales.get(before.scaleId);
      const view = toVerdictView({ ...before, ...changes, version: before.version + 1 }, scale);
      await this.record(tx, actor, TRANSITIONS[action].event, claim, toVerdictView(before, scale), view);
      await this.updateClaimStatus(tx, actor, claim);
      if (action === 'publish') await this.library.publishDesk(tx, await this.deskFactCheck(tx, before.claimId, view, scale));
      if (action === 'retract') await this.library.withdrawDesk(tx, before.claimId);
      return view;
    });
  }

  /** What the fact-check library keeps of a published verdict (a correction's replaces its predecessor's). */
  private async deskFactCheck(tx: Tx, claimId: string, verdict: VerdictView, scale: RatingScaleView): Promise<DeskFactCheck> {
    const [claim] = await runStatement<{ quote: string; claimant: string | null; claimReviewed: string | null; language: string | null }>(
      tx.manager, CLAIM_FOR_LIBRARY, [claimId]);
    const claimReviewed = claim.claimReviewed?.trim() || claim.quote;
    return {
      claimId,
      claimReviewed,
      headline: claimReviewed === claim.quote ? '' : claim.quote,
      datePublished: verdict.publishedAt,
      claimant: claim.claimant,
      rating: { label: verdict.ratingLabel, value: verdict.ratingValue, best: scale.bestRating, worst: scale.worstRating },
      language: claim.language,
    };
  }

  private async assertReadyForReview(tx: Tx, verdict: Verdict): Promise<void> {
    if (!verdict.rationale?.trim()) throw validationFailed('rationale', 'write the rationale before submitting the verdict');
    if ((await this.sources.countForClaim(tx, verdict.claimId)) === 0) {
      throw new DomainError('source_required', 'attach at least one source to the claim before submitting a verdict');
    }
  }

  /** The verdict being published replaces the one it supersedes; any other published one blocks it. */
  private async retireOthers(tx: Tx, actor: Actor, publishing: Verdict, claim: ClaimRef, now: string): Promise<void> {
    const published = await tx.manager.findBy(Verdict, { claimId: publishing.claimId, status: 'published' });
    for (const old of published) {
      if (old.id !== publishing.supersedes) {
        throw new DomainError('invalid_transition', `verdict ${old.id} is already published for this claim; publish a correction that supersedes it`);
      }
      const changes: Partial<Verdict> = { status: 'retracted', reviewNote: `Superseded by correction ${publishing.id}`, updatedAt: now };
      await tx.manager.update(Verdict, { id: old.id }, { ...changes, version: old.version + 1 });
      const scale = await this.scales.get(old.scaleId);
      await this.record(tx, actor, 'verdict.retracted', claim, toVerdictView(old, scale), toVerdictView({ ...old, ...changes, version: old.version + 1 }, scale));
    }
  }

  private async updateClaimStatus(tx: Tx, actor: Actor, claim: ClaimRef): Promise<void> {
    const statuses = (await tx.manager.find(Verdict, { where: { claimId: claim.id }, select: { status: true } })).map((v) => v.status);
    await this.claims.setStatus(tx, actor.id, claim.id, claimStatusOf(statuses));
  }

  private record(tx: Tx, actor: Actor, action: string, claim: ClaimRef, before: VerdictView | undefined, after: VerdictView): Promise<void> {
    return this.audit.record(tx, { actorId: actor.id, action, entityType: 'verdict', entityId: after.id, articleId: claim.articleId, claimId: claim.id, before, after });
  }

  private async scaleOrFail(id: string): Promise<RatingScaleView> {
    try {
      return await this.scales.get(id);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') throw validationFailed('scaleId', `there is no rating scale ${id}`);
      throw error;
    }
  }

  /** `forChange`: the transaction is about to change it, so it is locked (see findForChange). */
  private async load(id: string, tx?: Tx, forChange = false): Promise<Verdict> {
    const verdict = await (!tx ? this.verdicts.findOneBy({ id }) : forChange ? findForChange(tx, Verdict, id) : tx.manager.findOneBy(Verdict, { id }));
    if (!verdict) throw notFound('verdict', id);
    return verdict;
  }
}

function assertRating(scale: RatingScaleView, rating: string): void {
  if (!scale.levels.some((level) => level.key === rating)) {
    throw validationFailed('rating', `${rating} is not a rating of ${scale.id}: use one of ${scale.levels.map((l) => l.key).join(', ')}`);
  }
}
