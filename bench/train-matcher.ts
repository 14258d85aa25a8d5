/**
 * Trains the claim matcher's re-ranker (libs/fact-checks/src/matching/weights.ts) on CLEF 2020
 * CheckThat! Task 2 (bench/data/checkthat-2020), reproducibly:
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only bench/train-matcher.ts [--write]
 *
 * 1. The 10,375 fact-checks are imported into a fresh SQLite desk; for each tweet of `train` and `dev`
 *    the library's full-text index gives its 150 candidates and the re-ranker computes their features
 *    (the same code the desk runs: bench/checkthat.ts `evaluate`).
 * 2. A linear model is fitted on `train` only, RankNet-style: a logistic loss on the score difference
 *    of each right fact-check against the highest-scored wrong candidates (hard negatives, re-chosen
 *    each epoch), with an L2 penalty, by full-batch gradient ascent from plain BM25.
 * 3. The L2 penalty and the number of negatives are chosen on `dev` (a small grid, printed).
 * 4. A logistic of the raw score, fitted on `train` (right candidate or not), turns it into 0..1.
 * `test` is never read here. With `--write` the chosen weights replace weights.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MatchFeatures, MatchWeights, rawScore } from '../libs/fact-checks/src/matching/rank';
import { desk, claimReviews, evaluate, Evaluated, importAll, reranked, score } from './checkthat';
import { FactChecksService } from '../libs/fact-checks/src/fact-checks.service';

type Key = keyof MatchFeatures;

interface Pairs { keys: Key[]; queries: { x: number[][]; positives: number[] }[] }

function pairsOf(data: Evaluated[], keys: Key[]): Pairs {
  return {
    keys,
    queries: data.map((q) => ({
      x: q.candidates.map((c) => keys.map((k) => c.features[k])),
      positives: q.candidates.map((c, i) => (q.relevant.has(c.url) ? i : -1)).filter((i) => i >= 0),
    })).filter((q) => q.positives.length > 0),
  };
}

const dot = (w: number[], x: number[]): number => x.reduce((sum, v, k) => sum + v * w[k], 0);

/** RankNet-style pairwise logistic regression with hard negatives. */
function fit(pairs: Pairs, options: { l2: number; negatives: number; epochs: number; rate: number }): number[] {
  const dim = pairs.keys.length;
  const w = pairs.keys.map((k) => (k === 'bm25' ? 1 : 0));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const gradient = new Array<number>(dim).fill(0);
    let count = 0;
    for (const q of pairs.queries) {
      const s = q.x.map((x) => dot(w, x));
      const negatives = q.x.map((_, i) => i).filter((i) => !q.positives.includes(i)).sort((a, b) => s[b] - s[a]).slice(0, options.negatives);
      for (const p of q.positives) {
        for (const n of negatives) {
          const push = 1 / (1 + Math.exp(s[p] - s[n]));
          for (let k = 0; k < dim; k++) gradient[k] += push * (q.x[p][k] - q.x[n][k]);
          count++;
        }
      }
    }
    for (let k = 0; k < dim; k++) w[k] += options.rate * (gradient[k] / Math.max(count, 1) - options.l2 * w[k]);
  }
  return w;
}

const weightsOf = (keys: Key[], w: number[]): MatchWeights =>
  Object.fromEntries(keys.map((k, i) => [k, Math.round(w[i] * 1000) / 1000])) as Record<Key, number>;

/** Logistic regression of "this candidate is right" on the raw score: scale and offset. */
function calibrate(data: Evaluated[], weights: MatchWeights): { scale: number; offset: number } {
  const points = data.flatMap((q) => q.candidates.map((c) => ({ raw: rawScore(c.features, weights), right: q.relevant.has(c.url) ? 1 : 0 })));
  let scale = 1;
  let offset = 0;
  for (let i = 0; i < 3000; i++) {
    let gs = 0;
    let go = 0;
    for (const { raw, right } of points) {
      const p = 1 / (1 + Math.exp(-(scale * raw + offset)));
      gs += (right - p) * raw;
      go += right - p;
    }
    scale += (2 * gs) / points.length;
    offset += (2 * go) / points.length;
  }
  return { scale: Math.round(scale * 1000) / 1000, offset: Math.round(offset * 1000) / 1000 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'claimdesk-train-'));
  const app = await desk(`sqlite:${join(dir, 'train.sqlite')}`);
  try {
    await importAll(app.get(FactChecksService), claimReviews());
    const train = await evaluate(app, 'train');
    const dev = await evaluate(app, 'dev');
    const keys = Object.keys(train[0].candidates[0].features) as Key[];
    const bm25 = weightsOf(keys, keys.map((k) => (k === 'bm25' ? 1 : 0)));
    console.log(`BM25 alone: train MAP@5 ${score(reranked(train, bm25)).map5.toFixed(3)}, dev ${score(reranked(dev, bm25)).map5.toFixed(3)}`);
    const trainPairs = pairsOf(train, keys);
    let best = { dev: -1, weights: bm25, label: '' };
    for (const l2 of [0.0001, 0.001, 0.01]) {
      for (const negatives of [10, 30, 100]) {
        const weights = weightsOf(keys, fit(trainPairs, { l2, negatives, epochs: 300, rate: 2 }));
        const t = score(reranked(train, weights)).map5;
        const d = score(reranked(dev, weights)).map5;
        const label = `l2 ${l2}, ${negatives} negatives`;
        console.log(`${label}: train MAP@5 ${t.toFixed(3)}, dev ${d.toFixed(3)}`);
        if (d > best.dev) best = { dev: d, weights, label };
      }
    }
    const calibration = calibrate(train, best.weights);
    console.log(`chosen on dev: ${best.label} (dev MAP@5 ${best.dev.toFixed(3)}); calibration ${JSON.stringify(calibration)}`);
    console.log(JSON.stringify(best.weights));
    if (process.argv.includes('--write')) {
      writeFileSync(join(__dirname, '..', 'libs', 'fact-checks', 'src', 'matching', 'weights.ts'), [
        "import { MatchWeights } from './rank';",
        '',
        '/**',
        ' * The re-ranker\'s weights, written by bench/train-matcher.ts: pairwise logistic regression on the',
        ' * `train` split of CLEF 2020 CheckThat! Task 2, L2 penalty and negatives chosen on `dev`',
        ` * (${best.label}); never fitted or chosen on \`test\`.`,
        ' */',
        `export const MATCH_WEIGHTS: MatchWeights = ${JSON.stringify(best.weights, null, 2).replace(/"(\w+)":/gu, '$1:')};`,
        '',
        '/** The logistic that turns a raw score into 0..1: the chance that a candidate is the right fact-check (fitted on `train`). */',
        `export const CALIBRATION = ${JSON.stringify(calibration).replace(/"(\w+)":/gu, '$1: ').replace(/,/gu, ', ').replace(/^\{/u, '{ ').replace(/\}$/u, ' }')};`,
        '',
      ].join('\n'));
      console.log('wrote libs/fact-checks/src/matching/weights.ts');
    }
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
