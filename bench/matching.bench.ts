/**
 * Claim matching benchmark (API.md, "Fact-check library and claim matching"): does the library find
 * the fact-check that settles a claim, and how fast?
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/matching.bench.ts [--smoke] [--split=dev|test]
 *
 * Quality: CLEF 2020 CheckThat! Task 2 (bench/data/checkthat-2020): 10,375 Snopes fact-checks are
 * imported as ClaimReviews into a fresh SQLite desk, each tweet is a query, MAP@5 and MRR are
 * reported for the full-text index alone (FTS5's BM25 over the matcher's stems: "plain BM25") and for
 * the re-ranked answer (its weights come from bench/train-matcher.ts: `train` to fit, `dev` to choose).
 * The default run reports `dev` and `test`.
 * Speed: p50/p95 per query at the CheckThat library size, and, when BENCH_DATABASE_URL names a
 * PostgreSQL database (it is wiped), at BENCH_LIBRARY_SIZE (default 1,000,000) seeded synthetic
 * fact-checks; the import rate of each.
 */
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Transactions } from '../libs/database/src/transactions';
import { FactChecksService } from '../libs/fact-checks/src/fact-checks.service';
import { MATCH_WEIGHTS } from '../libs/fact-checks/src/matching/weights';
import { claimReviews, desk, evaluate, importAll, queries, reranked, score, tsv } from './checkthat';
import { machineLine, writeSection } from './report';

const SMOKE = process.argv.includes('--smoke');
const ONLY_SPLIT = process.argv.find((a) => a.startsWith('--split='))?.slice('--split='.length);

const percentile = (values: number[], p: number): number => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

async function latency(app: NestFastifyApplication, texts: string[]): Promise<{ p50: number; p95: number }> {
  const service = app.get(FactChecksService);
  const times: number[] = [];
  for (const text of texts) {
    const started = performance.now();
    await service.similar(text, 5);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Seeded synthetic fact-checks: CheckThat's sentences with their words shuffled among them. */
function synthetic(count: number, seed = 7): object[] {
  const words = tsv('verified_claims.docs.tsv').flatMap(([, vclaim]) => vclaim.split(' '));
  let state = seed;
  const random = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const sentence = (n: number): string => Array.from({ length: n }, () => words[Math.floor(random() * words.length)]).join(' ');
  return Array.from({ length: count }, (_, i) => ({ '@type': 'ClaimReview', url: `https://synthetic.example/${i}`, claimReviewed: sentence(12 + (i % 10)), headline: sentence(9) }));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-matching-'));
  const app = await desk(`sqlite:${join(dir, 'bench.sqlite')}`);
  const lines: string[] = [];
  try {
    const reviews = claimReviews(SMOKE ? 2000 : undefined);
    const rate = await importAll(app.get(FactChecksService), reviews);
    console.log(`imported ${reviews.length} ClaimReviews at ${rate.toFixed(0)}/s`);
    const splits = SMOKE ? ['dev'] : ONLY_SPLIT ? [ONLY_SPLIT] : ['dev', 'test'];
    lines.push('| split | queries | plain BM25 (FTS5) MAP@5 | MRR | ClaimDesk MAP@5 | MRR | candidates hold the answer |', '|---|---:|---:|---:|---:|---:|---:|');
    for (const split of splits) {
      const data = await evaluate(app, split);
      const bm25 = score(data.map((q) => ({ ranked: q.bm25, relevant: q.relevant })));
      const ours = score(reranked(data, MATCH_WEIGHTS));
      const recall = data.filter((q) => q.bm25.some((u) => q.relevant.has(u))).length / data.length;
      lines.push(`| ${split} | ${data.length} | ${bm25.map5.toFixed(3)} | ${bm25.mrr.toFixed(3)} | ${ours.map5.toFixed(3)} | ${ours.mrr.toFixed(3)} | ${(recall * 100).toFixed(1)} % |`);
      console.log(lines[lines.length - 1]);
    }
    const texts = queries('dev').map((q) => q.text);
    const small = await latency(app, texts);
    const speed = [`| SQLite | ${reviews.length.toLocaleString('en')} (CheckThat!) | ${rate.toFixed(0)} | ${small.p50.toFixed(1)} | ${small.p95.toFixed(1)} |`];
    console.log(speed[0]);
    const pg = process.env.BENCH_DATABASE_URL;
    if (pg && !SMOKE) {
      const size = Number(process.env.BENCH_LIBRARY_SIZE ?? 1_000_000);
      const client = new Client({ connectionString: pg });
      await client.connect();
      await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await client.end();
      const big = await desk(pg);
      try {
        const service = big.get(FactChecksService);
        let imported = 0;
        const started = performance.now();
        for (let i = 0; i < size; i += 100_000) {
          await importAll(service, synthetic(Math.min(100_000, size - i), i + 1));
          imported += Math.min(100_000, size - i);
          console.log(`PostgreSQL: ${imported} imported`);
        }
        await importAll(service, claimReviews());
        const pgRate = (size + 10_375) / ((performance.now() - started) / 1000);
        await big.get(Transactions).dataSource.query('ANALYZE fact_checks');
        const timing = await latency(big, texts);
        speed.push(`| PostgreSQL 15 | ${(size + 10_375).toLocaleString('en')} (synthetic + CheckThat!) | ${pgRate.toFixed(0)} | ${timing.p50.toFixed(1)} | ${timing.p95.toFixed(1)} |`);
        console.log(speed[speed.length - 1]);
      } finally {
        await big.close();
      }
    }
    if (SMOKE || ONLY_SPLIT) return;
    writeSection('matching', [
      '## Claim matching: the fact-check library',
      '',
      machineLine(),
      '',
      'CLEF 2020 CheckThat! Task 2 (bench/data/checkthat-2020): 10,375 Snopes fact-checks imported as ClaimReviews (claim and title), each tweet a query. "Plain BM25" is the full-text index alone (FTS5 bm25 over the matcher\'s stems: the candidates in the order the index gives them); ClaimDesk re-ranks its top 150 with the embedded lexical model (libs/fact-checks/src/matching). Its weights are fitted on `train` and chosen on `dev` by bench/train-matcher.ts; `test` is reported, never tuned on.',
      '',
      ...lines,
      '',
      '| engine | library size | import (ClaimReviews/s) | p50 ms / query | p95 ms / query |',
      '|---|---:|---:|---:|---:|',
      ...speed,
      '',
      'Time is the service call (`similar`, limit 5: candidates, statistics and re-ranking), without HTTP, one query at a time over the dev tweets. The import rate is the streamed import in requests of 50,000.',
    ].join('\n'));
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
