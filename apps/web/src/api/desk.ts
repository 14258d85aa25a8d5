/**
 * The API calls the reviewer UI makes, one function each. Response types come from the OpenAPI
 * schema (types.ts). Request bodies for verdicts and sources are typed here from API.md, because the
 * generated DTO types mark a few optional fields as required and render nullable numbers and strings
 * as `Record<string, never>`.
 */
import { http, RequestOptions } from './http';
import type {
  Annotation, Article, ArticleSummary, Claim, ClaimCounts, ClaimSource, CreateArticle, CreateClaim, HistoryEntry, LoginResult,
  Motivation, Page, RatingScale, Source, Stance, UpdateClaim, User, Verdict, Workspace, WorkspaceClaim,
} from './types';

const id = encodeURIComponent;

export const auth = {
  login: (email: string, password: string) => http.post<LoginResult>('/auth/login', { email, password }),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<User>('/me'),
};

export const articles = {
  list: (query: { q?: string; cursor?: string | null; limit?: number }, options?: RequestOptions) =>
    http.get<Page<ArticleSummary>>('/articles', { ...options, query }),
  get: (articleId: string) => http.get<Article>(`/articles/${id(articleId)}`),
  create: (body: CreateArticle) => http.post<Article>('/articles', body),
  claimCounts: (articleIds: string[]) => http.get<Record<string, ClaimCounts>>('/claim-counts', { query: { articleIds: articleIds.join(',') } }),
  workspace: (articleId: string, options?: RequestOptions) => http.get<Workspace>(`/articles/${id(articleId)}/workspace`, options),
};

export const claims = {
  get: (claimId: string) => http.get<Claim>(`/claims/${id(claimId)}`),
  create: (articleId: string, body: CreateClaim) => http.post<Claim>(`/articles/${id(articleId)}/claims`, body),
  update: (claimId: string, body: UpdateClaim, version?: number) => http.patch<Claim>(`/claims/${id(claimId)}`, body, { ifMatch: version }),
  remove: (claimId: string, version?: number) => http.delete(`/claims/${id(claimId)}`, { ifMatch: version }),
  history: (claimId: string, cursor?: string | null) => http.get<Page<HistoryEntry>>(`/claims/${id(claimId)}/history`, { query: { cursor, limit: 100 } }),
};

export const annotations = {
  list: (claimId: string) => http.get<Page<Annotation>>(`/claims/${id(claimId)}/annotations`, { query: { limit: 200 } }),
  create: (claimId: string, body: { body: string; motivation?: Motivation; parentId?: string }) =>
    http.post<Annotation>(`/claims/${id(claimId)}/annotations`, body),
  update: (annotationId: string, body: string, version?: number) =>
    http.patch<Annotation>(`/annotations/${id(annotationId)}`, { body }, { ifMatch: version }),
  remove: (annotationId: string) => http.delete(`/annotations/${id(annotationId)}`),
};

export interface NewSource {
  url: string;
  title?: string;
}

export const sources = {
  search: (q: string) => http.get<Page<Source>>('/sources', { query: { q, limit: 10 } }),
  attach: (claimId: string, body: { sourceId?: string; source?: NewSource; stance: Stance; excerpt?: string; note?: string }) =>
    http.post<ClaimSource>(`/claims/${id(claimId)}/sources`, body),
  detach: (claimId: string, sourceId: string) => http.delete(`/claims/${id(claimId)}/sources/${id(sourceId)}`),
};

export interface VerdictDraft {
  scaleId?: string;
  rating: string;
  rationale?: string;
  confidence?: number | null;
  supersedes?: string;
  correctionNote?: string;
}

export const verdicts = {
  scales: () => http.get<Page<RatingScale>>('/rating-scales'),
  create: (claimId: string, body: VerdictDraft) => http.post<Verdict>(`/claims/${id(claimId)}/verdicts`, body),
  get: (verdictId: string) => http.get<Verdict>(`/verdicts/${id(verdictId)}`),
  update: (verdictId: string, body: Partial<Pick<VerdictDraft, 'rating' | 'rationale' | 'confidence' | 'correctionNote'>>, version?: number) =>
    http.patch<Verdict>(`/verdicts/${id(verdictId)}`, body, { ifMatch: version }),
  transition: (verdictId: string, action: 'submit' | 'approve' | 'reject' | 'publish' | 'retract', note?: string, version?: number) =>
    http.post<Verdict>(`/verdicts/${id(verdictId)}/${action}`, note === undefined ? {} : { note }, { ifMatch: version }),
};

export type { WorkspaceClaim };
