import { http } from '../api/http';

/** The search route's answer (API.md, "Work": `GET /search`). */
export type SearchType = 'article' | 'claim' | 'annotation' | 'source' | 'verdict';
export const SEARCH_TYPES: readonly SearchType[] = ['article', 'claim', 'annotation', 'source', 'verdict'];
export const SEARCH_TYPE_LABELS: Record<SearchType, string> = { article: 'Articles', claim: 'Claims', annotation: 'Notes', source: 'Sources', verdict: 'Verdicts' };
export const SEARCH_TYPE_NAMES: Record<SearchType, string> = { article: 'Article', claim: 'Claim', annotation: 'Note', source: 'Source', verdict: 'Verdict' };

export interface SearchResult {
  type: SearchType;
  id: string;
  articleId: string | null;
  claimId: string | null;
  title: string;
  snippet: string;
  score: number;
}

export interface SearchPage {
  items: SearchResult[];
  nextCursor: string | null;
}

export const searchDesk = (query: { q: string; type?: readonly SearchType[]; cursor?: string | null; limit?: number }, signal?: AbortSignal): Promise<SearchPage> =>
  http.get<SearchPage>('/search', { query: { q: query.q, type: query.type?.length ? query.type : undefined, cursor: query.cursor, limit: query.limit }, signal });
