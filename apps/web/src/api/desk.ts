/**
 * The API calls the reviewer UI makes, one function each. Every route, parameter, request body and
 * answer is typed by the OpenAPI document through routes.ts: nothing here is typed by hand.
 */
import { http, type RequestOptions } from './http';
import { api } from './routes';
import type {
  ArticleContent, ArticleFromUrl, ArticleListQuery, Assignment, AttachSource, ChangePassword, CreateAnnotation, CreateArticle, CreateClaim, CreateVerdict, CreateWebhook, FactCheckMatch, UpdateClaim, UpdateVerdict,
  VerdictStep, EmailChoice,
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
  /** The desk fetches the page itself (API.md, "Fetching rules"). */
  fromUrl: (body: ArticleFromUrl) => api.post('/api/v1/articles/from-url', { body }),
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
  /** Archives the source's page now. */
  snapshot: (sourceId: string) => api.post('/api/v1/sources/{id}/snapshots', { path: { id: sourceId } }),
};

/** Where a snapshot's stored page is served (sandboxed; a download unless plain text). */
export const snapshotContentPath = (snapshotId: string): string => `/api/v1/snapshots/${encodeURIComponent(snapshotId)}/content`;

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

export const notifications = {
  list: (query: { unread?: boolean; cursor?: string | null } = {}) => api.get('/api/v1/me/notifications', { query: { ...query, limit: 30 } }),
  count: () => api.get('/api/v1/me/notifications/count'),
  /** 204; ids that are not the reader's are ignored. */
  markRead: (body: { ids: string[] } | { all: true }) => api.post('/api/v1/me/notifications/read', { body }),
  settings: () => api.get('/api/v1/me/settings'),
  saveSettings: (emailNotifications: EmailChoice) => api.put('/api/v1/me/settings', { body: { emailNotifications } }),
};

export const people = {
  /** Active people for mentions: a newsroom's fit in one page. */
  list: () => api.get('/api/v1/people', { query: { limit: 200 } }),
};

/** Admins only. A desk has a handful of webhooks: one page of 200 lists them all. */
export const webhooks = {
  list: () => api.get('/api/v1/webhooks', { query: { limit: 200 } }),
  create: (body: CreateWebhook) => api.post('/api/v1/webhooks', { body }),
  remove: (webhookId: string) => api.delete('/api/v1/webhooks/{id}', { path: { id: webhookId } }),
  /** Sends a ping and answers with the delivery after its first attempt. */
  test: (webhookId: string) => api.post('/api/v1/webhooks/{id}/test', { path: { id: webhookId } }),
  /** The newest 50 deliveries. */
  deliveries: (webhookId: string) => api.get('/api/v1/webhooks/{id}/deliveries', { path: { id: webhookId }, query: { limit: 50 } }),
};

export const work = {
  /** One page of what waits for me, due dates first. */
  queue: (cursor?: string | null, options?: Signal) => api.get('/api/v1/me/queue', { ...options, query: { cursor, limit: 50 } }),
  counts: (options?: Signal) => api.get('/api/v1/me/queue/counts', { ...options }),
  assignClaim: (claimId: string, body: Assignment, version?: number) =>
    api.put('/api/v1/claims/{id}/assignment', { path: { id: claimId }, body, ifMatch: version }),
  /** The people an editor can assign: a desk has well under one page of 200. */
  people: () => api.get('/api/v1/users', { query: { limit: 200 } }),
};

/** "Checked before?": the library's best matches, weak ones already left out by the desk. */
export const factChecks = {
  similarToText: (text: string, options?: Signal) =>
    http.get<{ items: FactCheckMatch[] }>('/fact-checks/similar', { ...options, query: { text, limit: 5 } }),
  similarToClaim: (claimId: string, options?: Signal) =>
    http.get<{ items: FactCheckMatch[] }>(`/claims/${encodeURIComponent(claimId)}/similar`, { ...options, query: { limit: 5 } }),
};
