import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, decodePage, HeavyWork, notFound, nowIso, PageFetcher, Page, PageQuery, pageInOrder, Settings, SETTINGS } from '@claimdesk/core';
import { inChunks, runStatement, Statement, Transactions } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { articleFormatOf, canonicalTextTask } from '@claimdesk/articles';
import { Source } from '../source.entity';
import { SourceSnapshot } from './source-snapshot.entity';
import { SnapshotHead, SnapshotView, toSnapshotView } from './snapshot.view';

const INSERT = new Statement(
  'INSERT INTO source_snapshots (id, source_id, url, final_url, fetched_at, http_status, content_type, bytes, sha256, title, text, content, archive_url, created_by) ' +
  'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);
const CONTENT = new Statement('SELECT content, content_type AS "contentType", id FROM source_snapshots WHERE id = ?');

/** The stored bytes of a snapshot and how to serve them. */
export interface SnapshotContent {
  id: string;
  contentType: string | null;
  content: Buffer;
}

/**
 * Source snapshots (API.md, "Articles and sources from the web"): fetch the source's page under the
 * fetching rules, outside any transaction, then store its bytes, hash, title and text in one.
 */
@Injectable()
export class SnapshotsService implements OnModuleDestroy {
  private readonly logger = new Logger(SnapshotsService.name);
  /** Background snapshots in flight: waited for on shutdown, so none writes to a closed database. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    @InjectRepository(Source) private readonly sources: Repository<Source>,
    @InjectRepository(SourceSnapshot) private readonly snapshots: Repository<SourceSnapshot>,
    private readonly fetcher: PageFetcher,
    private readonly heavyWork: HeavyWork,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async take(actor: Actor, sourceId: string): Promise<SnapshotView> {
    const source = await this.sources.findOneBy({ id: sourceId });
    if (!source) throw notFound('source', sourceId);
    const [page, archiveUrl] = await Promise.all([this.fetcher.fetch(source.url), this.submitToArchive(source.url)]);
    const format = articleFormatOf(page.contentType);
    const decoded = format === null ? null : decodePage(page.body, page.contentType ?? undefined, format === 'html');
    // The page as the desk would import it: its main content's text (an HTML page's chrome left out).
    const imported = format === null || decoded === null ? null : await this.heavyWork.run(canonicalTextTask, { format, content: decoded });
    const snapshot: SourceSnapshot = {
      id: randomUUID(), sourceId, url: source.url, finalUrl: page.finalUrl, fetchedAt: nowIso(), httpStatus: page.httpStatus,
      contentType: page.contentType?.slice(0, 300) ?? null, bytes: page.body.length, sha256: createHash('sha256').update(page.body).digest('hex'),
      // The title an HTML import would give the page (page-metadata's one title logic).
      title: format === 'html' ? (imported?.metadata.title ?? null) : null,
      text: imported?.text ?? null,
      archiveUrl, createdBy: actor.id,
    };
    const view = toSnapshotView(snapshot);
    await this.transactions.run(async (tx) => {
      // The source may have been deleted during the fetch: then there is nothing to keep the snapshot for.
      if (!(await tx.manager.existsBy(Source, { id: sourceId }))) throw notFound('source', sourceId);
      await runStatement(tx.manager, INSERT, [snapshot.id, sourceId, snapshot.url, snapshot.finalUrl, snapshot.fetchedAt, snapshot.httpStatus,
        snapshot.contentType, snapshot.bytes, snapshot.sha256, snapshot.title, snapshot.text, page.body, snapshot.archiveUrl, actor.id]);
      await this.audit.record(tx, { actorId: actor.id, action: 'source.snapshot_taken', entityType: 'source', entityId: sourceId, articleId: null, after: { ...view, text: undefined } });
    });
    return view;
  }

  /**
   * CLAIMDESK_SNAPSHOTS=auto: a snapshot of a source just attached, unless it has one already. It runs
   * after the attach has answered; a failure is logged (warn) and stores nothing.
   */
  takeInBackground(actor: Actor, sourceId: string): void {
    if (this.settings.snapshots !== 'auto') return;
    const work = (async () => {
      if (await this.snapshots.existsBy({ sourceId })) return;
      await this.take(actor, sourceId);
    })().catch((error: unknown) => {
      this.logger.warn(`snapshot of source ${sourceId} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.pending);
  }

  /** A source's snapshots, oldest first. */
  async list(sourceId: string, query: PageQuery): Promise<Page<SnapshotView>> {
    if (!(await this.sources.existsBy({ id: sourceId }))) throw notFound('source', sourceId);
    const all = await this.snapshots.find({ where: { sourceId }, order: { fetchedAt: 'ASC', id: 'ASC' } });
    return pageInOrder(all.map(toSnapshotView), query, (snapshot) => snapshot.id);
  }

  /** Every snapshot of the sources given, without text, oldest first per source: what reports and the claim panel show. */
  async headsOf(sourceIds: readonly string[]): Promise<Record<string, SnapshotHead[]>> {
    const heads: Record<string, SnapshotHead[]> = {};
    if (sourceIds.length === 0) return heads;
    const rows = await inChunks([...new Set(sourceIds)], (ids) => this.snapshots.createQueryBuilder('s')
      .select(['s.id', 's.sourceId', 's.fetchedAt', 's.httpStatus', 's.sha256', 's.archiveUrl'])
      .where('s.source_id IN (:...ids)', { ids }).getMany());
    rows.sort((a, b) => a.fetchedAt.localeCompare(b.fetchedAt) || a.id.localeCompare(b.id));
    for (const row of rows) {
      (heads[row.sourceId] ??= []).push({ id: row.id, fetchedAt: row.fetchedAt, httpStatus: Number(row.httpStatus), sha256: row.sha256, archiveUrl: row.archiveUrl });
    }
    return heads;
  }

  async content(id: string): Promise<SnapshotContent> {
    const [row] = await runStatement<SnapshotContent>(this.snapshots.manager, CONTENT, [id]);
    if (!row) throw notFound('snapshot', id);
    return { id: row.id, contentType: row.contentType, content: Buffer.from(row.content) };
  }

  /**
   * CLAIMDESK_ARCHIVE_URL: asks a public web archive to save the page too (Wayback's `save/<url>`),
   * under the same fetching rules, and records where its copy is (the save endpoint's final URL).
   * Off by default; a failure leaves the snapshot without an archive link.
   */
  private async submitToArchive(url: string): Promise<string | null> {
    if (this.settings.archiveUrl === null) return null;
    try {
      const answer = await this.fetcher.fetch(`${this.settings.archiveUrl}/${url}`);
      if (answer.httpStatus >= 200 && answer.httpStatus < 300) return answer.finalUrl;
      this.logger.warn(`the web archive answered HTTP ${answer.httpStatus} for ${url}`);
    } catch (error) {
      this.logger.warn(`the web archive could not be reached for ${url}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return null;
  }
}
