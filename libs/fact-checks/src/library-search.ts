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

/**
 * On PostgreSQL, how many index entries the candidate search may read: the rarest of the claim's terms
 * are searched until their fact-checks add up to this. Ranking every fact-check that shares a common
 * word reads a large part of a 1,000,000 library for each search, while those that share only common
 * words are rarely among the best (BM25 gives such words next to no weight).
 */
export const CANDIDATE_POSTINGS = 3_000;
/** Counting a term's fact-checks stops here: a term in 5,000 of them is common already. */
const COUNT_CAP = 5_000;

/**
 * The claim's terms to search the index by: rarest first, as long as their fact-checks add up to
 * `budget` (the rarest always, unless it is in no fact-check at all).
 */
export function rarestTerms(terms: readonly string[], documentFrequency: ReadonlyMap<string, number>, budget: number): string[] {
  const present = terms.filter((t) => (documentFrequency.get(t) ?? 0) > 0).sort((a, b) => (documentFrequency.get(a) ?? 0) - (documentFrequency.get(b) ?? 0));
  const chosen: string[] = [];
  let postings = 0;
  for (const term of present) {
    postings += documentFrequency.get(term) ?? 0;
    if (chosen.length > 0 && postings > budget) break;
    chosen.push(term);
  }
  return chosen;
}

/** Statistics change only when PostgreSQL analyses the table: read again after this long. */
const COMMON_TERMS_TTL_MS = 60_000;
const commonTermsCache = new WeakMap<object, { at: number; terms: Promise<Map<string, number>> }>();

/**
 * The library's most common terms and how many fact-checks hold each, from the statistics ANALYZE
 * keeps of the index column (about 1,000 terms), cached for a minute per database: reading pg_stats
 * costs more than a search's own counting.
 */
function commonTerms(manager: EntityManager): Promise<Map<string, number>> {
  const cached = commonTermsCache.get(manager.connection);
  if (cached && Date.now() - cached.at < COMMON_TERMS_TTL_MS) return cached.terms;
  const terms = (async () => {
    const found: { elems: string[] | null; freqs: number[] | null; rows: string }[] = await manager.query(
      `SELECT s.most_common_elems::text::text[] AS elems, s.most_common_elem_freqs AS freqs, GREATEST(c.reltuples, 0)::bigint AS rows
       FROM pg_class c LEFT JOIN pg_stats s ON s.tablename = c.relname AND s.attname = 'search_vector' AND s.schemaname = current_schema()
       WHERE c.relname = 'fact_checks' AND c.relnamespace = current_schema()::regnamespace`);
    const { elems, freqs, rows } = found[0] ?? { elems: null, freqs: null, rows: '0' };
    return new Map((elems ?? []).map((term, i) => [term, Math.round((freqs?.[i] ?? 0) * Number(rows))]));
  })();
  commonTermsCache.set(manager.connection, { at: Date.now(), terms });
  terms.catch(() => commonTermsCache.delete(manager.connection));
  return terms;
}

/**
 * How many fact-checks hold each term, on PostgreSQL: the common ones from the statistics ANALYZE
 * keeps of the index column (its most common elements and their frequencies), the rest counted,
 * up to COUNT_CAP, in one statement.
 */
async function postgresFrequencies(manager: EntityManager, terms: readonly string[]): Promise<Map<string, number>> {
  const df = new Map<string, number>();
  const common = await commonTerms(manager);
  for (const term of terms) {
    const frequency = common.get(term);
    if (frequency !== undefined) df.set(term, frequency);
  }
  const rest = terms.filter((t) => !df.has(t));
  if (rest.length > 0) {
    const counts: { term: string; n: string }[] = await manager.query(
      // With statistics, the rest are rarer than the common terms: counted whole (a LIMIT leads the
      // planner to scan the table for a rare term). Without (a table not analysed yet), capped.
      rest.map((_, i) => common.size > 0
        ? `SELECT $${i + 1}::text AS term, (SELECT count(*) FROM fact_checks WHERE search_vector @@ to_tsquery('simple', $${i + 1})) AS n`
        : `SELECT $${i + 1}::text AS term, (SELECT count(*) FROM (SELECT 1 FROM fact_checks WHERE search_vector @@ to_tsquery('simple', $${i + 1}) LIMIT ${COUNT_CAP}) s) AS n`).join(' UNION ALL '),
      rest,
    );
    for (const c of counts) df.set(c.term, Number(c.n));
  }
  return df;
}

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
    for (const [term, n] of await postgresFrequencies(manager, terms)) df.set(term, n);
    // The planner's estimate: exact counting of a large library on every search would cost more than the match.
    const estimate: { n: string }[] = await manager.query(`SELECT GREATEST(reltuples, 0)::bigint AS n FROM pg_class WHERE relname = 'fact_checks'`);
    documents = Math.max(Number(estimate[0]?.n ?? 0), ...df.values());
    if (documents < 10_000) documents = Number((await manager.query('SELECT count(*) AS n FROM fact_checks'))[0].n);
    const chosen = rarestTerms(terms, df, CANDIDATE_POSTINGS);
    if (chosen.length === 0) return none;
    // Ordered by the chosen terms' inverse document frequencies (a BM25 without term counts), not ts_rank,
    // which weighs a word in half the library like a name found once.
    const weight = (t: string): string => Math.log(1 + documents / Math.max(df.get(t) ?? 1, 1)).toFixed(4);
    const order = chosen.map((t, i) => `CASE WHEN search_vector @@ to_tsquery('simple', $${i + 4}) THEN ${weight(t)} ELSE 0 END`).join(' + ');
    rows = await manager.query(
      `SELECT ${FACT_CHECK_COLUMNS}, analysis FROM fact_checks
       WHERE search_vector @@ to_tsquery('simple', $1) AND (claim_id IS NULL OR claim_id <> $2) ORDER BY ${order} DESC LIMIT $3`,
      [chosen.join(' | '), exclude, limit, ...chosen],
    );
  }
  return { rows, stats: { documents, documentFrequency: (t) => df.get(t) ?? 0 } };
}
