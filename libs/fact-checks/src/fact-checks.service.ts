import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, decodeCursor, encodeCursor, notFound, nowIso, Page, Settings, SETTINGS } from '@claimdesk/core';
import { Statement, Transactions, Tx } from '@claimdesk/database';
import { FactCheckFields, readClaimReview } from './claim-review';
import { blendScores, cosine, EMBEDDING_RERANK_DEPTH, Embeddings } from './embeddings';
import { FeedSplitter } from './feed-splitter';
import { FACT_CHECK_COLUMNS, FactCheckMatch, FactCheckRow, FactCheckSource, FactCheckView, toFactCheckView } from './fact-check.view';
import { findCandidates, searchTermsOf } from './library-search';
import { AnalyzedFactCheck, analyzeFactCheck, candidateFeatures, claimQuery, probability, rawScore } from './matching/rank';
import { CALIBRATION, MATCH_WEIGHTS } from './matching/weights';

export interface ImportResult {
  created: number;
  updated: number;
  failed: { index: number; reason: string }[];
}

/** API.md: up to 100,000 ClaimReviews per request. */
export const MAX_IMPORT_ITEMS = 100_000;
const BATCH = 500;
const COLUMNS = ['id', 'source', 'url', 'claim_reviewed', 'headline', 'publisher', 'date_published', 'claimant', 'rating_label', 'rating_value',
  'rating_best', 'rating_worst', 'claim_id', 'language', 'search_terms', 'analysis', 'created_at', 'updated_at'] as const;
const NUMERIC = new Set<string>(['rating_value', 'rating_best', 'rating_worst']);
const UPDATED = COLUMNS.filter((c) => c !== 'id' && c !== 'source' && c !== 'url' && c !== 'claim_id' && c !== 'created_at');

/** An item read from the body, its row made (analysis and all) before its batch is written. */
interface PendingItem {
  index: number;
  url: string;
  row: unknown[];
}

/** What a published desk verdict puts in the library. */
export interface DeskFactCheck extends Omit<FactCheckFields, 'url' | 'publisher'> {
  claimId: string;
}

@Injectable()
export class FactChecksService {
  constructor(
    private readonly transactions: Transactions,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly embeddings: Embeddings,
  ) {}

  /**
   * Imports ClaimReviews as the body streams in, in one transaction: a body that fails as a whole
   * (malformed, too large) leaves nothing behind, while a bad item only lands in `failed`.
   */
  async import(body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): Promise<ImportResult> {
    return this.transactions.run(async (tx) => {
      const result: ImportResult = { created: 0, updated: 0, failed: [] };
      let pending: PendingItem[] = [];
      const take = (value: unknown, index: number): void => {
        if (index >= MAX_IMPORT_ITEMS) throw new DomainError('validation_failed', `at most ${MAX_IMPORT_ITEMS} ClaimReviews per request`, [{ path: '', message: 'too many items' }]);
        const reading = readClaimReview(value);
        if (reading.ok) pending.push({ index, url: reading.fields.url, row: this.rowOf(randomUUID(), 'imported', reading.fields, null, nowIso()) });
        else result.failed.push({ index, reason: reading.reason });
      };
      const splitter = new FeedSplitter((text, index) => {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          throw new DomainError('malformed_json', 'the request body is not valid JSON');
        }
        take(value, index);
      });
      const decoder = new TextDecoder('utf-8', { fatal: true });
      // One batch is written while the next is read and analysed: on PostgreSQL the database's work
      // and ours overlap. Batches are written one after another, so each sees the ones before it.
      let writing: Promise<void> = Promise.resolve();
      const flush = async (): Promise<void> => {
        await writing;
        const batch = pending;
        pending = [];
        writing = this.upsert(tx, batch, result);
        writing.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      };
      try {
        for await (const chunk of body) {
          splitter.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
          if (pending.length >= BATCH) await flush();
        }
        splitter.write(decoder.decode());
        const top = splitter.end();
        if (top !== undefined) {
          const isFeed = typeof top === 'object' && top !== null && 'dataFeedElement' in top;
          if (!isFeed) take(top, 0);
        }
        await flush();
        await writing;
      } catch (error) {
        await writing.catch(() => undefined); // the transaction rolls back only once its last statement is done
        if (error instanceof TypeError) throw new DomainError('malformed_json', 'the request body is not UTF-8');
        throw error;
      }
      result.failed.sort((a, b) => a.index - b.index);
      return result;
    });
  }

  private async upsert(tx: Tx, items: PendingItem[], result: ImportResult): Promise<void> {
    // One chunk of the body can hold thousands of items: a statement takes at most BATCH of them
    // (SQLite refuses more than 32,766 parameters in one statement).
    for (let i = 0; i < items.length; i += BATCH) await this.upsertBatch(tx, items.slice(i, i + BATCH), result);
  }

  private async upsertBatch(tx: Tx, items: PendingItem[], result: ImportResult): Promise<void> {
    if (items.length === 0) return;
    // The same url twice in one batch: the later one wins, the earlier counts as an update of it.
    const byUrl = new Map<string, PendingItem>();
    for (const item of items) {
      if (byUrl.has(item.url)) result.updated++;
      byUrl.set(item.url, item);
    }
    const urls = [...byUrl.keys()];
    const existing: { url: string; source: FactCheckSource }[] = tx.engine === 'postgres'
      ? await tx.manager.query('SELECT url, source FROM fact_checks WHERE url = ANY($1::text[])', [urls])
      : await tx.manager.query(`SELECT url, source FROM fact_checks WHERE url IN (${urls.map(() => '?').join(', ')})`, urls);
    const known = new Map(existing.map((row) => [row.url, row.source]));
    const rows: unknown[][] = [];
    for (const [url, item] of byUrl) {
      const source = known.get(url);
      if (source === 'desk') {
        result.failed.push({ index: item.index, reason: 'url is a fact-check published by this desk' });
        continue;
      }
      if (source) result.updated++;
      else result.created++;
      rows.push(item.row);
    }
    await this.write(tx, rows, 'url');
  }

  private rowOf(id: string, source: FactCheckSource, f: FactCheckFields, claimId: string | null, now: string): unknown[] {
    const analysis = analyzeFactCheck(f);
    return [id, source, f.url, f.claimReviewed, f.headline, f.publisher, f.datePublished, f.claimant, f.rating.label, f.rating.value,
      f.rating.best, f.rating.worst, claimId, f.language, searchTermsOf(analysis), JSON.stringify(analysis), now, now];
  }

  private async write(tx: Tx, rows: unknown[][], key: 'url' | 'claim_id'): Promise<void> {
    if (rows.length === 0) return;
    const conflict = `ON CONFLICT (${key}) DO UPDATE SET ${[...UPDATED, ...(key === 'claim_id' ? ['url'] : [])].map((c) => `${c} = excluded.${c}`).join(', ')}`;
    if (tx.engine === 'postgres') {
      // One array per column: PostgreSQL parses and plans 18 parameters instead of 18 per row,
      // which is most of a batch's cost with VALUES lists.
      const arrays = COLUMNS.map((_, c) => rows.map((row) => row[c]));
      const unnest = COLUMNS.map((column, c) => `$${c + 1}::${NUMERIC.has(column) ? 'float8' : 'text'}[]`).join(', ');
      await tx.manager.query(`INSERT INTO fact_checks (${COLUMNS.join(', ')}) SELECT * FROM unnest(${unnest}) ${conflict}`, arrays);
      return;
    }
    const values = rows.map(() => `(${COLUMNS.map(() => '?').join(', ')})`).join(', ');
    await tx.manager.query(`INSERT INTO fact_checks (${COLUMNS.join(', ')}) VALUES ${values} ${conflict}`, rows.flat());
  }

  /** `?` placeholders in the engine's dialect. */
  private sql(tx: Tx, text: string): string {
    return new Statement(text).textFor(tx.engine);
  }

  /** A verdict was published (or a correction replaced it): its claim's fact-check is this one now. */
  async publishDesk(tx: Tx, fact: DeskFactCheck): Promise<void> {
    const url = this.settings.reviewUrlTemplate.split('{claimId}').join(encodeURIComponent(fact.claimId));
    await this.write(tx, [this.rowOf(randomUUID(), 'desk', { ...fact, url, publisher: this.settings.orgName }, fact.claimId, nowIso())], 'claim_id');
  }

  /** A verdict was retracted: its claim has no fact-check any more. */
  async withdrawDesk(tx: Tx, claimId: string): Promise<void> {
    await tx.manager.query(this.sql(tx, 'DELETE FROM fact_checks WHERE claim_id = ?'), [claimId]);
  }

  async list(query: { q?: string; source?: FactCheckSource; limit?: number; cursor?: string }): Promise<Page<FactCheckView>> {
    const limit = query.limit ?? 50;
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.source) { where.push('source = ?'); params.push(query.source); }
    if (query.q) {
      where.push(`(lower(claim_reviewed) LIKE ? ESCAPE '\\' OR lower(headline) LIKE ? ESCAPE '\\')`);
      const like = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
    }
    if (query.cursor) { where.push('id > ?'); params.push(decodeCursor(query.cursor, ['string'])[0]); }
    const rows: FactCheckRow[] = await this.transactions.dataSource.query(
      this.sqlFor(`SELECT ${FACT_CHECK_COLUMNS} FROM fact_checks ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id LIMIT ?`),
      [...params, limit + 1],
    );
    const items = rows.slice(0, limit).map(toFactCheckView);
    return { items, nextCursor: rows.length > limit ? encodeCursor([items[items.length - 1].id]) : null };
  }

  async get(id: string): Promise<FactCheckView> {
    const rows: FactCheckRow[] = await this.transactions.dataSource.query(this.sqlFor(`SELECT ${FACT_CHECK_COLUMNS} FROM fact_checks WHERE id = ?`), [id]);
    if (rows.length === 0) throw notFound('fact-check', id);
    return toFactCheckView(rows[0]);
  }

  /** Admins remove imported fact-checks; the desk's own leave the library only by retraction. */
  async remove(id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const rows: { source: FactCheckSource }[] = await tx.manager.query(this.sql(tx, 'SELECT source FROM fact_checks WHERE id = ?'), [id]);
      if (rows.length === 0) throw notFound('fact-check', id);
      if (rows[0].source === 'desk') throw new DomainError('forbidden', 'a desk fact-check leaves the library when its verdict is retracted');
      await tx.manager.query(this.sql(tx, 'DELETE FROM fact_checks WHERE id = ?'), [id]);
    });
  }

  /**
   * The fact-checks that most likely settle `text`, best first, each with a score in 0..1; those below
   * CLAIMDESK_MATCH_SHOW are left out, those at CLAIMDESK_MATCH_LIKELY or above flagged `likelySame`.
   */
  async similar(text: string, limit: number, options: { claimant?: string | null; excludeClaimId?: string | null } = {}): Promise<FactCheckMatch[]> {
    const ranked = await this.ranked(text, limit, options);
    return ranked
      .filter((match) => match.score >= this.settings.matchShow)
      .map((match) => ({ ...match, likelySame: match.score >= this.settings.matchLikely }));
  }

  private async ranked(text: string, limit: number, options: { claimant?: string | null; excludeClaimId?: string | null }): Promise<(FactCheckView & { score: number })[]> {
    const query = claimQuery(text, options.claimant);
    const { rows, stats } = await findCandidates(this.transactions.dataSource.manager, this.transactions.engine, query, options.excludeClaimId ?? null);
    const features = candidateFeatures(query, rows.map((row) => ({ analysis: JSON.parse(row.analysis) as AnalyzedFactCheck, claimReviewed: row.claim_reviewed, headline: row.headline })), stats);
    const ranked = rows
      .map((row, i) => ({ ...toFactCheckView(row), score: probability(rawScore(features[i], MATCH_WEIGHTS), CALIBRATION) }))
      .sort((a, b) => b.score - a.score);
    if (!this.embeddings.configured) return ranked.slice(0, limit);
    const top = ranked.slice(0, Math.max(limit, EMBEDDING_RERANK_DEPTH));
    const vectors = await this.embeddings.embed([text, ...top.map((f) => [f.claimReviewed, f.headline].filter(Boolean).join('\n'))]);
    if (!vectors) return ranked.slice(0, limit);
    return top
      .map((match, i) => ({ ...match, score: blendScores(match.score, cosine(vectors[0], vectors[i + 1])) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }

  private sqlFor(text: string): string {
    return new Statement(text).textFor(this.transactions.engine);
  }
}
