import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Actor, DomainError, HeavyWork, nowIso, Settings, SETTINGS } from '@claimdesk/core';
import { AnnotationsService } from '@claimdesk/annotations';
import { ArticlesService } from '@claimdesk/articles';
import { ClaimsService } from '@claimdesk/claims';
import { SourcesService } from '@claimdesk/sources';
import { AnchorStatus, Reanchored } from '@claimdesk/text';
import { anchorImportTask } from './anchor-import.task';
import { ReportsService } from '../report-builder/reports.service';
import {
  AnnotationImportError,
  articleOfCollectionId,
  claimOfAnnotationId,
  ImportedAnnotation,
  ImportedReply,
  isRejected,
  parseAnnotationImport,
  pageOfAnnotationPageId,
  toAnnotationPage,
} from '../web-annotation';
import { ImportedItem } from './imported-item.entity';

export interface ImportOutcome {
  created: { index: number; claimId: string; anchor: AnchorStatus }[];
  /** Replies, each a note in the thread of a claim imported before or in the same document. */
  replies: { index: number; claimId: string; annotationId: string }[];
  /** Items imported before (by their id), or the desk's own claims of this article: left as they are. */
  existing: { index: number; claimId: string }[];
  failed: { index: number; reason: string }[];
}

const keyOf = (itemId: string): string => createHash('sha256').update(itemId).digest('hex');

/** What the items of one document became in one article, read once and kept up to date as the import goes. */
class ImportRecords {
  private constructor(private readonly known: Map<string, ImportedItem>) {}

  static async load(repository: Repository<ImportedItem>, articleId: string, itemIds: string[]): Promise<ImportRecords> {
    const known = new Map<string, ImportedItem>();
    const keys = [...new Set(itemIds.map(keyOf))];
    for (let at = 0; at < keys.length; at += 500) {
      for (const row of await repository.findBy({ articleId, itemKey: In(keys.slice(at, at + 500)) })) known.set(row.itemId, row);
    }
    return new ImportRecords(known);
  }

  get(itemId: string | null): ImportedItem | undefined {
    return itemId === null ? undefined : this.known.get(itemId);
  }

  async add(repository: Repository<ImportedItem>, articleId: string, itemId: string, claimId: string, annotationId: string | null): Promise<void> {
    const row: ImportedItem = { articleId, itemKey: keyOf(itemId), itemId, claimId, annotationId, createdAt: nowIso() };
    await repository.save(row);
    this.known.set(itemId, row);
  }
}

/**
 * Imports W3C Web Annotations and Hypothesis annotations as claims of an article. Each item is
 * placed by its selectors on the article's current text and written through the claims,
 * annotations and sources services, like any reviewer's work; one bad item does not stop the others.
 * Items are recorded by their id, so a second import of the same file changes nothing.
 */
@Injectable()
export class AnnotationImportService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly annotations: AnnotationsService,
    private readonly sources: SourcesService,
    private readonly reports: ReportsService,
    @InjectRepository(ImportedItem) private readonly imported: Repository<ImportedItem>,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly heavyWork: HeavyWork,
  ) {}

  async import(actor: Actor, articleId: string, document: unknown): Promise<ImportOutcome> {
    const article = await this.articles.textOf(articleId);
    let items;
    try {
      items = parseAnnotationImport(document, { page: await this.ownPages(document) });
    } catch (error) {
      if (error instanceof AnnotationImportError) throw new DomainError('validation_failed', error.message, [{ path: '', message: error.message }]);
      throw error;
    }
    const itemIds = items.flatMap((item) => (isRejected(item) ? [] : [item.id, ...(item.kind === 'reply' ? item.answers : [])])).filter((id): id is string => id !== null);
    const records = await ImportRecords.load(this.imported, articleId, itemIds);
    // Placed all at once before anything is written, off the event loop when article and document are large.
    const claimItems = items.filter((item): item is ImportedAnnotation => !isRejected(item) && item.kind !== 'reply');
    const anchors = claimItems.map((item) => ({ start: item.start ?? null, end: item.end ?? null, exact: item.exact, prefix: item.prefix, suffix: item.suffix }));
    const placements = await this.heavyWork.run(anchorImportTask, { text: article.text, anchors });
    const placementOf = new Map(claimItems.map((item, i) => [item, placements[i]]));
    const outcome: ImportOutcome = { created: [], replies: [], existing: [], failed: [] };
    for (const item of items) {
      if (isRejected(item)) outcome.failed.push({ index: item.index, reason: item.error });
      else if (item.kind === 'reply') await this.importReply(actor, articleId, item, records, outcome);
      else await this.importClaim(actor, articleId, placementOf.get(item) as Reanchored, item, records, outcome);
    }
    return outcome;
  }

  private async importClaim(actor: Actor, articleId: string, placed: Reanchored, item: ImportedAnnotation, records: ImportRecords, outcome: ImportOutcome): Promise<void> {
    const existing = records.get(item.id)?.claimId ?? (await this.ownClaimOf(articleId, item.id));
    if (existing) {
      outcome.existing.push({ index: item.index, claimId: existing });
      return;
    }
    if (placed.status === 'orphaned' || placed.start === null || placed.end === null) {
      outcome.failed.push({ index: item.index, reason: 'the quote is not in the article’s text' });
      return;
    }
    const claim = await this.claims.createAt(actor, articleId, { start: placed.start, end: placed.end }, placed.status, {
      tags: item.tags.slice(0, 50), claimant: item.claimant, claimReviewed: item.claimReviewed,
    });
    // Notes in document order: a reply's parent always comes before it (thread order).
    const noteIds = new Map<string, string>();
    let firstNote: string | null = null;
    for (const note of item.notes) {
      const parentId = note.replyTo === null ? undefined : noteIds.get(note.replyTo);
      const created = await this.annotations.create(actor, claim.id, { body: note.body.slice(0, 20_000), motivation: note.motivation, parentId }, note.origin);
      if (note.key !== null) noteIds.set(note.key, created.id);
      firstNote ??= created.id;
    }
    for (const link of item.sources) {
      try {
        await this.sources.attach(actor, claim.id, { source: { url: link.url, ...(link.title ? { title: link.title } : {}) }, stance: link.stance, excerpt: link.excerpt, note: link.note });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        outcome.failed.push({ index: item.index, reason: `its source ${link.url} was not attached: ${error.message}` });
      }
    }
    if (item.id !== null) await records.add(this.imported, articleId, item.id, claim.id, firstNote);
    outcome.created.push({ index: item.index, claimId: claim.id, anchor: placed.status });
  }

  private async importReply(actor: Actor, articleId: string, item: ImportedReply, records: ImportRecords, outcome: ImportOutcome): Promise<void> {
    const before = records.get(item.id);
    if (before) {
      outcome.existing.push({ index: item.index, claimId: before.claimId });
      return;
    }
    const parent = item.answers.map((id) => records.get(id)).find((record) => record !== undefined);
    if (!parent) {
      outcome.failed.push({ index: item.index, reason: 'it is a reply to an annotation that was not imported into this article' });
      return;
    }
    const { note } = item;
    const created = await this.annotations.create(actor, parent.claimId, { body: note.body.slice(0, 20_000), motivation: note.motivation, parentId: parent.annotationId ?? undefined }, note.origin);
    if (item.id !== null) await records.add(this.imported, articleId, item.id, parent.claimId, created.id);
    outcome.replies.push({ index: item.index, claimId: parent.claimId, annotationId: created.id });
  }

  /** A claim of this desk named by its export id (`…/api/v1/claims/{id}`) that lies in this article. */
  private async ownClaimOf(articleId: string, itemId: string | null): Promise<string | null> {
    const claimId = itemId === null ? null : claimOfAnnotationId(this.settings.publicUrl, itemId);
    if (claimId === null) return null;
    try {
      return (await this.claims.ref(claimId)).articleId === articleId ? claimId : null;
    } catch (error) {
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  /**
   * The pages of one of this desk's own collections, read from the database instead of fetched, so
   * that the desk's collection of any size imports as it was exported.
   */
  private async ownPages(document: unknown): Promise<((url: string) => unknown) | undefined> {
    const id = typeof document === 'object' && document !== null && 'id' in document ? (document as { id: unknown }).id : undefined;
    if (typeof id !== 'string') return undefined;
    const articleId = articleOfCollectionId(this.settings.publicUrl, id);
    if (articleId === null) return undefined;
    let report;
    try {
      report = await this.reports.article(articleId);
    } catch (error) {
      if (error instanceof DomainError) return undefined;
      throw error;
    }
    const { publicUrl } = this.settings;
    return (url) => {
      const page = pageOfAnnotationPageId(publicUrl, report.id, url);
      return page === null ? null : toAnnotationPage(report, page, { publicUrl, withContext: false });
    };
  }
}
