import { EntityManager } from 'typeorm';
import { Engine } from '@claimdesk/database';
import { AnalyzedFactCheck, ClaimQuery, LibraryStats } from './matching/rank';
import { FACT_CHECK_COLUMNS, FactCheckRow } from './fact-check.view';

/** How many candidates the full-text index hands to the re-ranker. */
export const CANDIDATES = 150;

/** The terms a fact-check is indexed under: the matcher's own stems of its claim, headline and claimant. */
export function searchTermsOf(analysis: AnalyzedFactCheck): string {
  return [...analysis.claim.terms, ...analysis.headline.terms, ...analysis.claimant].join(' ');
}

/** A candidate: its row, with the matcher's stored reading of it. */
export type CandidateRow = FactCheckRow & { analysis: string };

/** Index terms are stems of letters and digits only; anything else could not be quoted safely. */
const SAFE = /^[\p{L}\p{N}.]+$/u;

/**
 * Candidates for a claim from the engine's full-text index (any of its terms, ranked by the
 * engine: BM25 in FTS5, ts_rank on PostgreSQL), and how common each term is, for the re-ranker.
 */
export async function findCandidates(
  manager: EntityManager,
  engine: Engine,
  query: ClaimQuery,
  excludeClaimId: string | null,
  limit = CANDIDATES,
): Promise<{ rows: CandidateRow[]; stats: LibraryStats }> {
  const terms = [...new Set([...query.terms, ...query.people])].filter((t) => SAFE.test(t)).slice(0, 64);
  const df = new Map<string, number>();
  const none = { rows: [], stats: { documents: 0, documentFrequency: () => 0 } };
  if (terms.length === 0) return none;
  const exclude = excludeClaimId ?? '';
  let rows: CandidateRow[];
  let documents: number;
  if (engine === 'sqlite') {
    const match = terms.map((t) => `"${t}"`).join(' OR ');
    rows = await manager.query(
      `SELECT ${FACT_CHECK_COLUMNS.split(', ').map((c) => `f.${c}`).join(', ')}, f.analysis FROM fact_checks_fts JOIN fact_checks f ON f.rowid = fact_checks_fts.rowid
       WHERE fact_checks_fts MATCH ? AND (f.claim_id IS NULL OR f.claim_id <> ?) ORDER BY bm25(fact_checks_fts) LIMIT ?`,
      [match, exclude, limit],
    );
    const vocab: { term: string; doc: number }[] = await manager.query(
      `SELECT term, doc FROM fact_checks_vocab WHERE term IN (${terms.map(() => '?').join(', ')})`, terms);
    for (const v of vocab) df.set(v.term, Number(v.doc));
    documents = Number((await manager.query('SELECT count(*) AS n FROM fact_checks'))[0].n);
  } else {
    const tsquery = terms.join(' | ');
    rows = await manager.query(
      `SELECT ${FACT_CHECK_COLUMNS}, analysis FROM fact_checks, to_tsquery('simple', $1) q
       WHERE search_vector @@ q AND (claim_id IS NULL OR claim_id <> $2) ORDER BY ts_rank(search_vector, q) DESC LIMIT $3`,
      [tsquery, exclude, limit],
    );
    // Counting past a cap costs time and changes little: a term in 5,000 fact-checks is common already.
    const counts: { term: string; n: string }[] = await manager.query(
      terms.map((_, i) => `SELECT $${i + 1}::text AS term, (SELECT count(*) FROM (SELECT 1 FROM fact_checks WHERE search_vector @@ to_tsquery('simple', $${i + 1}) LIMIT 5000) s) AS n`).join(' UNION ALL '),
      terms,
    );
    for (const c of counts) df.set(c.term, Number(c.n));
    // The planner's estimate: exact counting of a large library on every search would cost more than the match.
    const estimate: { n: string }[] = await manager.query(`SELECT GREATEST(reltuples, 0)::bigint AS n FROM pg_class WHERE relname = 'fact_checks'`);
    documents = Math.max(Number(estimate[0]?.n ?? 0), rows.length, ...df.values());
    if (documents < 10_000) documents = Number((await manager.query('SELECT count(*) AS n FROM fact_checks'))[0].n);
  }
  return { rows, stats: { documents, documentFrequency: (t) => df.get(t) ?? 0 } };
}
