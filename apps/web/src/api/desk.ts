/**
 * The API calls the reviewer UI makes, one function each. Every route, parameter, request body and
 * answer is typed by the OpenAPI document through routes.ts: nothing here is typed by hand.
 */
import { http, type RequestOptions } from './http';
import { api } from './routes';
import type {
  ArticleContent, ArticleListQuery, AttachSource, FactCheckMatch, ChangePassword, CreateAnnotation, CreateArticle, CreateClaim, CreateVerdict, UpdateClaim, UpdateVerdict,
  VerdictStep,
} from './types';

type Signal = Pick<RequestOptions, 'signal'>;

export const auth = {
  login: (email: string, password: string) => api.post('/api/v1/auth/login', { body: { email, password } }),
  logout: () => api.post('/api/v1/auth/logout'),
  me: () => api.get('/api/v1/me'),
  /** 204; every other session of the user ends. */
  changePassword: (body: ChangePassword) => api.post('/api/v1/me/password', { body }),
};

export const articles = {
  list: (query: { [K in keyof ArticleListQuery]?: ArticleListQuery[K] | null }, options?: Signal) =>
    api.get('/api/v1/articles', { ...options, query }),
  get: (articleId: string) => api.get('/api/v1/articles/{id}', { path: { id: articleId } }),
  create: (body: CreateArticle) => api.post('/api/v1/articles', { body }),
  claimCounts: (articleIds: string[]) => api.get('/api/v1/claim-counts', { query: { articleIds } }),
  workspace: (articleId: string, options?: Signal) => api.get('/api/v1/articles/{id}/workspace', { ...options, path: { id: articleId } }),
  /** A corrected text: a new revision, every claim re-anchored. `version` guards against someone else's change (412). */
  revise: (articleId: string, body: ArticleContent, version?: number) =>
    api.put('/api/v1/articles/{id}/text', { path: { id: articleId }, body, ifMatch: version }),
  /** One page of the article's revisions, oldest first. */
  revisions: (articleId: string, cursor?: string | null, options?: Signal) =>
    api.get('/api/v1/articles/{id}/revisions', { ...options, path: { id: articleId }, query: { cursor, limit: 200 } }),
  revision: (articleId: string, n: number) => api.get('/api/v1/articles/{id}/revisions/{n}', { path: { id: articleId, n } }),
};

export const claims = {
  get: (claimId: string) => api.get('/api/v1/claims/{id}', { path: { id: claimId } }),
  create: (articleId: string, body: CreateClaim) => api.post('/api/v1/articles/{id}/claims', { path: { id: articleId }, body }),
  update: (claimId: string, body: UpdateClaim, version?: number) =>
    api.patch('/api/v1/claims/{id}', { path: { id: claimId }, body, ifMatch: version }),
  remove: (claimId: string, version?: number) => api.delete('/api/v1/claims/{id}', { path: { id: claimId }, ifMatch: version }),
  history: (claimId: string, cursor?: string | null) =>
    api.get('/api/v1/claims/{id}/history', { path: { id: claimId }, query: { cursor, limit: 100 } }),
};

export const annotations = {
  get: (annotationId: string) => api.get('/api/v1/annotations/{id}', { path: { id: annotationId } }),
  create: (claimId: string, body: CreateAnnotation) =>
    api.post('/api/v1/claims/{id}/annotations', { path: { id: claimId }, body }),
  update: (annotationId: string, body: string, version?: number) =>
    api.patch('/api/v1/annotations/{id}', { path: { id: annotationId }, body: { body }, ifMatch: version }),
  remove: (annotationId: string) => api.delete('/api/v1/annotations/{id}', { path: { id: annotationId } }),
};

export const sources = {
  search: (q: string) => api.get('/api/v1/sources', { query: { q, limit: 10 } }),
  attach: (claimId: string, body: AttachSource) => api.post('/api/v1/claims/{id}/sources', { path: { id: claimId }, body }),
  detach: (claimId: string, sourceId: string) => api.delete('/api/v1/claims/{id}/sources/{sourceId}', { path: { id: claimId, sourceId } }),
};

export const verdicts = {
  /** Every scale: a desk has a handful, well under one page of 200. */
  scales: () => api.get('/api/v1/rating-scales', { query: { limit: 200 } }),
  create: (claimId: string, body: CreateVerdict) => api.post('/api/v1/claims/{id}/verdicts', { path: { id: claimId }, body }),
  get: (verdictId: string) => api.get('/api/v1/verdicts/{id}', { path: { id: verdictId } }),
  update: (verdictId: string, body: UpdateVerdict, version?: number) =>
    api.patch('/api/v1/verdicts/{id}', { path: { id: verdictId }, body, ifMatch: version }),
  /** submit, approve and publish take no body; reject and retract take the note. */
  transition: (verdictId: string, step: VerdictStep, version?: number) => {
    const init = { path: { id: verdictId }, ifMatch: version };
    switch (step.action) {
      case 'reject':
      case 'retract':
        return api.post(`/api/v1/verdicts/{id}/${step.action}`, { ...init, body: { note: step.note } });
      default:
        return api.post(`/api/v1/verdicts/{id}/${step.action}`, init);
    }
  },
};

/** "Checked before?": the library's best matches, weak ones already left out by the desk. */
export const factChecks = {
  similarToText: (text: string, options?: Signal) =>
    http.get<{ items: FactCheckMatch[] }>('/fact-checks/similar', { ...options, query: { text, limit: 5 } }),
  similarToClaim: (claimId: string, options?: Signal) =>
    http.get<{ items: FactCheckMatch[] }>(`/claims/${encodeURIComponent(claimId)}/similar`, { ...options, query: { limit: 5 } }),
};
