import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, Page } from '@claimdesk/core';
import { engineOf, SEARCH_KINDS, SearchKind, SQLITE_WEIGHTS, Statement } from '@claimdesk/database';
import { isEmptySearch, parseSearchQuery, SearchTerms, toFtsMatch, toPostgresTsquery } from './search-query';
import { snippetOf, wordMatcher } from './snippet';
import { SearchResult } from './search.view';
import { SearchQueryDto } from './search-query.dto';

/** A found entry, before its title and snippet are read. */
interface Hit {
  kind: SearchKind;
  id: string;
  articleId: string | null;
  claimId: string | null;
  score: number;
}

/** What a result shows, read from its row: the title, the fields a snippet is cut from, and where it is. */
interface Shown {
  title: string;
  fields: (string | null)[];
  articleId?: string | null;
  claimId?: string | null;
}

/** Snippets of an article come from its first 100,000 characters: the whole of a 5 MiB text is not read for a page of results. */
const ARTICLE_SNIPPET_SCOPE = 100_000;
const QUOTE_TITLE_LENGTH = 200;

const shorten = (text: string): string => (text.length > QUOTE_TITLE_LENGTH ? `${text.slice(0, QUOTE_TITLE_LENGTH - 1)}…` : text);
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/** How each kind's rows are read for display, `?` the ids. */
const SHOWN: Record<SearchKind, { sql: string; shown: (row: Record<string, string | null>) => Shown }> = {
  article: {
    sql: `SELECT id, title, substr(text, 1, ${ARTICLE_SNIPPET_SCOPE}) AS text FROM articles WHERE id IN (?)`,
    shown: (r) => ({ title: r.title ?? '', fields: [r.title, r.text] }),
  },
  claim: {
    sql: 'SELECT id, quote, claimant, claim_reviewed AS "claimReviewed" FROM claims WHERE id IN (?)',
    shown: (r) => ({ title: shorten(r.quote ?? ''), fields: [r.quote, r.claimReviewed, r.claimant] }),
  },
  annotation: {
    sql: 'SELECT a.id, a.body, c.quote FROM annotations a JOIN claims c ON c.id = a.claim_id WHERE a.id IN (?)',
    shown: (r) => ({ title: shorten(r.quote ?? ''), fields: [r.body] }),
  },
  source: {
    // A source is shown in the claim it was first attached to.
    sql: `SELECT s.id, s.title, s.url, c.id AS "claimId", c.article_id AS "articleId" FROM sources s
      LEFT JOIN claims c ON c.id = (SELECT cs.claim_id FROM claim_sources cs WHERE cs.source_id = s.id ORDER BY cs.created_at, cs.claim_id LIMIT 1)
      WHERE s.id IN (?)`,
    shown: (r) => ({ title: r.title ?? r.url ?? '', fields: [r.title, r.url], articleId: r.articleId, claimId: r.claimId }),
  },
  verdict: {
    sql: 'SELECT v.id, v.rationale, c.quote FROM verdicts v JOIN claims c ON c.id = v.claim_id WHERE v.id IN (?)',
    shown: (r) => ({ title: shorten(r.quote ?? ''), fields: [r.rationale] }),
  },
};

/**
 * Search across the desk (API.md, "Work": `GET /search`). Every signed-in user reads everything the
 * index holds; deleted notes are not in it. Ranked best first; the cursor is the offset into that
 * ranking (relevance has no stable key to page on).
 */
@Injectable()
export class SearchService {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: SearchQueryDto): Promise<Page<SearchResult>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [offset] = query.cursor ? decodeCursor(query.cursor, ['int']) : [0];
    const terms = parseSearchQuery(query.q);
    if (isEmptySearch(terms) || offset < 0) return { items: [], nextCursor: null };
    const kinds = query.type ? [...new Set(query.type.split(','))] as SearchKind[] : SEARCH_KINDS;
    const hits = await this.find(terms, kinds, limit + 1, offset);
    const shown = hits.slice(0, limit);
    return {
      items: await this.show(shown, terms),
      nextCursor: hits.length > limit ? encodeCursor([offset + limit]) : null,
    };
  }

  private async find(terms: SearchTerms, kinds: readonly SearchKind[], limit: number, offset: number): Promise<Hit[]> {
    const columns = 'd.kind, d.entity_id AS id, d.article_id AS "articleId", d.claim_id AS "claimId"';
    if (engineOf(this.dataSource) === 'sqlite') {
      const bm25 = `-bm25(search_index, ${SQLITE_WEIGHTS.join(', ')})`;
      if (kinds.length === SEARCH_KINDS.length) {
        // Every kind: FTS5 ranks and cuts the page alone; only the page's entries are looked up.
        const sql = `SELECT ${columns}, t.score FROM (
            SELECT rowid AS doc, ${bm25} AS score FROM search_index WHERE search_index MATCH ? ORDER BY score DESC, rowid LIMIT ? OFFSET ?
          ) t JOIN search_docs d ON d.doc = t.doc ORDER BY t.score DESC, t.doc`;
        return this.dataSource.query<Hit[]>(sql, [toFtsMatch(terms), limit, offset]);
      }
      const sql = `SELECT ${columns}, ${bm25} AS score
        FROM search_index JOIN search_docs d ON d.doc = search_index.rowid
        WHERE search_index MATCH ? AND d.kind IN (${marks(kinds.length)}) ORDER BY score DESC, d.doc LIMIT ? OFFSET ?`;
      return this.dataSource.query<Hit[]>(sql, [toFtsMatch(terms), ...kinds, limit, offset]);
    }
    const tsquery = toPostgresTsquery(terms, 1);
    let n = tsquery.parameters.length;
    const everyKind = kinds.length === SEARCH_KINDS.length;
    const kindMarks = everyKind ? '' : kinds.map(() => `$${++n}`).join(', ');
    // Weights D, C, B, A: the body (D) counts a tenth of the title (A); the rank is divided by 1 + log(length).
    // ts_rank, not ts_rank_cd: every match is ranked before the page is cut, and for a common word (16,000
    // matches at 30,000 entries) cover density took 1.7 times as long (EXPLAIN ANALYZE; docs/benchmarks.md).
    const sql = `SELECT ${columns}, ts_rank('{0.1, 0.2, 0.4, 1.0}', d.vector, q.query, 1) AS score
      FROM search_docs d, (SELECT ${tsquery.sql} AS query) q
      WHERE d.vector @@ q.query${everyKind ? '' : ` AND d.kind IN (${kindMarks})`} ORDER BY score DESC, d.kind, d.entity_id LIMIT $${n + 1} OFFSET $${n + 2}`;
    return this.dataSource.query<Hit[]>(sql, [...tsquery.parameters, ...(everyKind ? [] : kinds), limit, offset]);
  }

  /** Titles and snippets of a page of hits: one query per kind on the page. */
  private async show(hits: Hit[], terms: SearchTerms): Promise<SearchResult[]> {
    const matches = wordMatcher(terms);
    const engine = engineOf(this.dataSource);
    const rows = new Map<string, Shown>();
    for (const kind of SEARCH_KINDS) {
      const ids = hits.filter((h) => h.kind === kind).map((h) => h.id);
      if (ids.length === 0) continue;
      const sql = new Statement(SHOWN[kind].sql.replace('IN (?)', `IN (${marks(ids.length)})`)).textFor(engine);
      const found = await this.dataSource.query<Record<string, string | null>[]>(sql, ids);
      for (const row of found) rows.set(`${kind}:${row.id}`, SHOWN[kind].shown(row));
    }
    return hits.flatMap((hit) => {
      const row = rows.get(`${hit.kind}:${hit.id}`);
      // Deleted between the two reads: left out.
      if (!row) return [];
      return [{
        type: hit.kind,
        id: hit.id,
        articleId: row.articleId !== undefined ? row.articleId : hit.articleId,
        claimId: row.claimId !== undefined ? row.claimId : hit.claimId,
        title: row.title,
        snippet: snippetOf(row.fields, matches),
        score: Number(hit.score),
      }];
    });
  }
}
