/**
 * CLEF 2020 CheckThat! Task 2 (bench/data/checkthat-2020) as the matching benchmark and the matcher's
 * training script read it: the fact-checks as ClaimReviews, each split's tweets with the fact-checks
 * that settle them, the candidates the library's full-text index gives for each, and MAP@5 / MRR.
 */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readSettings } from '../libs/core/src/settings';
import { Transactions } from '../libs/database/src/transactions';
import { FactChecksService } from '../libs/fact-checks/src/fact-checks.service';
import { findCandidates } from '../libs/fact-checks/src/library-search';
import { AnalyzedFactCheck, candidateFeatures, claimQuery, MatchFeatures, MatchWeights, rawScore } from '../libs/fact-checks/src/matching/rank';
import { createApp } from '../apps/api/src/create-app';

const DATA = join(__dirname, 'data', 'checkthat-2020');

export const tsv = (file: string): string[][] => readFileSync(join(DATA, file), 'utf8').split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));
const urlOf = (vclaimId: string): string => `https://www.snopes.com/checkthat-2020/${vclaimId}`;

export function claimReviews(limit?: number): object[] {
  return tsv('verified_claims.docs.tsv').slice(0, limit).map(([id, vclaim, title]) => ({
    '@type': 'ClaimReview', url: urlOf(id), claimReviewed: vclaim, headline: title ?? '', author: { name: 'Snopes' },
  }));
}

export interface Query { text: string; relevant: Set<string> }

export function queries(split: string): Query[] {
  const relevant = new Map<string, Set<string>>();
  for (const line of readFileSync(join(DATA, split, 'tweet-vclaim-pairs.qrels'), 'utf8').split('\n').filter(Boolean)) {
    const [q, , d] = line.split('\t');
    if (!relevant.has(q)) relevant.set(q, new Set());
    relevant.get(q)?.add(urlOf(d));
  }
  // The first line of the queries file is a header.
  return readFileSync(join(DATA, split, 'tweets.queries.tsv'), 'utf8').split('\n').slice(1).filter(Boolean)
    .map((line) => line.split('\t')).filter(([id]) => relevant.has(id)).map(([id, text]) => ({ text, relevant: relevant.get(id) ?? new Set() }));
}

/** MAP@5 as the CheckThat! scorer counts it, and MRR over the whole ranking. */
export function score(rankings: { ranked: string[]; relevant: Set<string> }[]): { map5: number; mrr: number } {
  let map = 0;
  let mrr = 0;
  for (const { ranked, relevant } of rankings) {
    let hits = 0;
    let ap = 0;
    ranked.slice(0, 5).forEach((url, k) => {
      if (relevant.has(url)) ap += ++hits / (k + 1);
    });
    map += ap / Math.min(relevant.size, 5);
    const rank = ranked.findIndex((url) => relevant.has(url));
    mrr += rank < 0 ? 0 : 1 / (rank + 1);
  }
  return { map5: map / rankings.length, mrr: mrr / rankings.length };
}

function* chunks(text: string, size = 64 * 1024): Generator<Buffer> {
  for (let i = 0; i < text.length; i += size) yield Buffer.from(text.slice(i, i + size));
}

export async function importAll(service: FactChecksService, reviews: object[]): Promise<number> {
  const started = performance.now();
  const per = 50_000;
  for (let i = 0; i < reviews.length; i += per) {
    const result = await service.import(chunks(JSON.stringify(reviews.slice(i, i + per))));
    if (result.failed.length > 0) throw new Error(`import failed: ${JSON.stringify(result.failed.slice(0, 3))}`);
  }
  return reviews.length / ((performance.now() - started) / 1000);
}

export async function desk(databaseUrl: string): Promise<NestFastifyApplication> {
  return createApp(readSettings({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', CLAIMDESK_ORG_NAME: 'Bench' }));
}

/** A query with its candidates in the index's order (plain BM25 on SQLite) and the re-ranker's features of each. */
export interface Evaluated extends Query { bm25: string[]; candidates: { url: string; features: MatchFeatures }[] }

export async function evaluate(app: NestFastifyApplication, split: string): Promise<Evaluated[]> {
  const transactions = app.get(Transactions);
  const out: Evaluated[] = [];
  for (const q of queries(split)) {
    const query = claimQuery(q.text);
    const { rows, stats } = await findCandidates(transactions.dataSource.manager, transactions.engine, query, null);
    const features = candidateFeatures(query, rows.map((r) => ({ analysis: JSON.parse(r.analysis) as AnalyzedFactCheck, claimReviewed: r.claim_reviewed, headline: r.headline })), stats);
    out.push({ ...q, bm25: rows.map((r) => r.url), candidates: rows.map((r, i) => ({ url: r.url, features: features[i] })) });
  }
  return out;
}

/** Each query's candidates in the re-ranker's order under `weights`. */
export const reranked = (data: Evaluated[], weights: MatchWeights): { ranked: string[]; relevant: Set<string> }[] =>
  data.map((q) => ({ relevant: q.relevant, ranked: [...q.candidates].sort((a, b) => rawScore(b.features, weights) - rawScore(a.features, weights)).map((c) => c.url) }));
