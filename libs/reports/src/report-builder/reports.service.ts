import { Inject, Injectable } from '@nestjs/common';
import { HeavyWork, nowIso, Settings, SETTINGS } from '@claimdesk/core';
import { ArticlesService } from '@claimdesk/articles';
import { ClaimsService } from '@claimdesk/claims';
import { TextIndex } from '@claimdesk/text';
import { RatingScalesService, RatingScaleView, VerdictsService, VerdictView } from '@claimdesk/verdicts';
import { ClaimReviewArticle, ClaimReviewClaim, renderArticleClaimReviews, renderReport, ReportFormat, reportFileName } from '../render';
import { pdfReportTask } from '../render/pdf.task';
import type { ArticleInParts, VerdictReport } from '../report.model';
import { ArticleReport, ClaimReport, compareClaimsInReadingOrder, currentVerdictOf, PersonRef, ReportedSnapshot, ReportedVerdict, ReportHeader } from '../report.model';
import { Workspace, WorkspaceClaim, WorkspaceService } from '../workspace/workspace.service';
import { sentenceAround } from './sentence-context';

const PERIOD_BATCH = 50;
/** Claims of an article read at a time in a period report: a batch's rows die young (a few hundred kilobytes). */
export const PERIOD_CLAIM_BATCH = 32;

/** Assembles report models from the desk's data: one model, rendered by every format. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly workspace: WorkspaceService,
    private readonly articles: ArticlesService,
    private readonly verdicts: VerdictsService,
    private readonly claims: ClaimsService,
    private readonly scales: RatingScalesService,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly heavyWork: HeavyWork,
  ) {}

  /** One article's report in a format, ready to send with its file name. */
  async articleDownload(articleId: string, format: ReportFormat): Promise<{ fileName: string; body: string | Buffer }> {
    const header = this.header();
    if (format === 'claimreview') {
      // ClaimReview shows only published verdicts: read only those, not the whole workspace.
      const article = await this.claimReviewArticle(articleId);
      return { fileName: reportFileName({ ...header, articles: [article] }, format), body: renderArticleClaimReviews(article, header) };
    }
    const model = { ...header, articles: [await this.article(articleId)] };
    return { fileName: reportFileName(model, format), body: format === 'pdf' ? await this.drawPdf(model) : await renderReport(format, model) };
  }

  /** PDFs are drawn in a worker thread: a large report must not stall other requests (API.md Hardening). */
  async drawPdf(report: VerdictReport): Promise<Buffer> {
    const bytes = await this.heavyWork.run(pdfReportTask, report);
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  header(period?: { from: string; to: string }): ReportHeader {
    return {
      generatedAt: nowIso(),
      organisation: { name: this.settings.orgName, url: this.settings.orgUrl },
      publicUrl: this.settings.publicUrl,
      reviewUrlTemplate: this.settings.reviewUrlTemplate,
      ...(period ? { period } : {}),
    };
  }

  async article(articleId: string): Promise<ArticleReport> {
    return toArticleReport(await this.workspace.load(articleId), await this.scales.byId());
  }

  /**
   * An article as ClaimReview shows it, and no more: its head and the claims with a published verdict,
   * without the notes, sources, people and sentence context of the full report (a hot read).
   */
  async claimReviewArticle(articleId: string): Promise<ClaimReviewArticle & Pick<ArticleReport, 'id'>> {
    const [article, published, scales] = await Promise.all([this.articles.headOf(articleId), this.verdicts.publishedOfArticle(articleId), this.scales.byId()]);
    const claims = new Map<string, ClaimReviewClaim & Pick<ClaimReport, 'start' | 'end' | 'createdAt'>>();
    for (const v of published) {
      const verdict = { rating: v.rating, ratingLabel: v.ratingLabel, ratingValue: v.ratingValue, scale: scaleRef(scales, v.scaleId), status: 'published' as const, publishedAt: v.publishedAt };
      const claim = claims.get(v.claimId);
      if (claim) claim.verdicts.push(verdict);
      else claims.set(v.claimId, { id: v.claimId, quote: v.quote, claimant: v.claimant, claimReviewed: v.claimReviewed, start: v.start, end: v.end, createdAt: v.claimCreatedAt, verdicts: [verdict] });
    }
    return { ...article, claims: [...claims.values()].sort(compareClaimsInReadingOrder) };
  }

  /**
   * The articles of a period report, one at a time, each with the claims whose verdict was published then.
   * Each article's claims are read `PERIOD_CLAIM_BATCH` at a time as they are written, so the report holds
   * a few claims at a time whatever the number of verdicts (issue 11, flat memory).
   */
  async *period(from: string, to: string): AsyncGenerator<ArticleInParts> {
    let after = '';
    const scales = await this.scales.byId();
    for (;;) {
      const ids = await this.verdicts.articlesPublishedIn(from, to, after, PERIOD_BATCH);
      for (const id of ids) yield await this.periodArticle(id, from, to, scales);
      if (ids.length < PERIOD_BATCH) return;
      after = ids[ids.length - 1];
    }
  }

  private async periodArticle(id: string, from: string, to: string, scales: ReadonlyMap<string, RatingScaleView>): Promise<ArticleInParts> {
    const [article, keys] = await Promise.all([this.articles.get(id), this.verdicts.claimsPublishedIn(id, from, to)]);
    // Only the ids stay for the whole article; everything else of a claim is read with its batch.
    const claimIds = keys.sort(compareClaimsInReadingOrder).map((claim) => claim.id);
    const index = new TextIndex(article.text);
    const workspace = this.workspace;
    const claims = this.claims;
    return {
      article: { id: article.id, title: article.title, url: article.url, publisher: article.publisher, authors: article.authors, publishedAt: article.publishedAt, language: article.language, revision: article.revision },
      claimCount: claimIds.length,
      async *claims(): AsyncGenerator<ClaimReport> {
        for (let start = 0; start < claimIds.length; start += PERIOD_CLAIM_BATCH) {
          // SQLite answers synchronously and a fast client never pushes back: without a turn of the event
          // loop a long report would run in promise callbacks alone, other requests (and V8's own
          // collection tasks) waiting for its end.
          await new Promise((resolve) => setImmediate(resolve));
          const batch = claimIds.slice(start, start + PERIOD_CLAIM_BATCH);
          const details = await workspace.detailsOf(await claims.byIds(batch));
          const report = claimReporter(index, details, scales);
          const byId = new Map(details.claims.map((claim) => [claim.id, claim]));
          for (const claimId of batch) {
            const claim = byId.get(claimId);
            if (claim) yield report(claim);
          }
        }
      },
    };
  }
}

/** A verdict's scale as reports name it; an unknown scale by its id. */
function scaleRef(scales: ReadonlyMap<string, RatingScaleView>, id: string): ReportedVerdict['scale'] {
  const scale = scales.get(id);
  return scale ? { id, name: scale.name, bestRating: scale.bestRating, worstRating: scale.worstRating } : { id, name: id, bestRating: 0, worstRating: 0 };
}

/** The report model of an article from its workspace: reading order, context, people by name. */
export function toArticleReport(workspace: Workspace, scales: ReadonlyMap<string, RatingScaleView>): ArticleReport {
  const { article } = workspace;
  const claim = claimReporter(new TextIndex(article.text), workspace, scales);
  return {
    id: article.id, title: article.title, url: article.url, publisher: article.publisher, authors: article.authors,
    publishedAt: article.publishedAt, language: article.language, revision: article.revision,
    claims: workspace.claims.map(claim).sort(compareClaimsInReadingOrder),
  };
}

/** The report model of a claim of a workspace (or of a batch of its claims): its sentence, people by name, evidence as published. */
function claimReporter(index: TextIndex, workspace: Pick<Workspace, 'users' | 'snapshots'>, scales: ReadonlyMap<string, RatingScaleView>): (c: WorkspaceClaim) => ClaimReport {
  const { users } = workspace;
  const person = (id: string): PersonRef => ({ id, displayName: users[id]?.displayName ?? 'Unknown user' });
  const verdictOf = (v: VerdictView): ReportedVerdict => ({
    id: v.id, rating: v.rating, ratingLabel: v.ratingLabel, ratingValue: v.ratingValue,
    scale: scaleRef(scales, v.scaleId),
    rationale: v.rationale, confidence: v.confidence, status: v.status, author: person(v.authorId),
    reviewer: v.reviewedBy ? person(v.reviewedBy) : null, reviewNote: v.reviewNote, publishedAt: v.publishedAt,
    supersedes: v.supersedes, correctionNote: v.correctionNote, createdAt: v.createdAt, updatedAt: v.updatedAt,
  });
  const claim = (c: WorkspaceClaim): ClaimReport => {
    const context = c.start !== null && c.end !== null ? sentenceAround(index, c.start, c.end) : { before: c.prefix, after: c.suffix };
    const verdicts = c.verdicts.map(verdictOf);
    const current = currentVerdictOf(verdicts);
    // A published verdict is reported with the evidence it was published with, not the sources as they are now.
    const publishedVerdict = current?.status === 'published' ? c.verdicts.find((v) => v.id === current.id) : undefined;
    const published = publishedVerdict?.evidence;
    // Snapshots are archival: evidence as published shows what had been archived by then, so a later snapshot leaves the published report as it was.
    const snapshotOf = (sourceId: string): ReportedSnapshot | null => {
      const heads = (workspace.snapshots[sourceId] ?? []).filter((h) => !published || !publishedVerdict?.publishedAt || h.fetchedAt <= publishedVerdict.publishedAt);
      const latest = heads.at(-1);
      return latest ? { id: latest.id, fetchedAt: latest.fetchedAt, sha256: latest.sha256 } : null;
    };
    return {
      id: c.id, quote: c.quote, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end,
      startUtf16: c.startUtf16, endUtf16: c.endUtf16,
      contextBefore: context.before, contextAfter: context.after, anchor: c.anchor, claimant: c.claimant,
      claimReviewed: c.claimReviewed, tags: c.tags, status: c.status, createdBy: person(c.createdBy),
      createdAt: c.createdAt, updatedAt: c.updatedAt, currentVerdict: current, verdicts,
      sources: (published ?? c.sources).map((s) => ({
        stance: s.stance, excerpt: s.excerpt, note: s.note,
        source: { id: s.source.id, url: s.source.url, title: s.source.title, publisher: s.source.publisher, publishedAt: s.source.publishedAt, kind: s.source.kind, archiveUrl: s.source.archiveUrl },
        snapshot: snapshotOf(s.source.id),
      })),
      annotations: c.annotations.map((a) => ({
        id: a.id, parentId: a.parentId, author: person(a.authorId), body: a.body, motivation: a.motivation,
        createdAt: a.createdAt, editedAt: a.editedAt, deleted: a.deleted,
      })),
      corrections: c.corrections.map((k) => ({ quote: k.quote, note: k.note, correctedBy: person(k.correctedBy), correctedAt: k.correctedAt })),
    };
  };
  return claim;
}
