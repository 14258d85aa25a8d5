/**
 * Calls typed by the OpenAPI document: the route is named exactly as the document names it
 * (`/api/v1/articles/{id}`), and its path and query parameters, JSON request body and JSON answer
 * are read from the generated `paths` (schema.d.ts, `npm run openapi`). A route, method, parameter or
 * body the document does not describe does not compile.
 */
import { API_BASE, http, RequestOptions } from './http';
import type { paths } from './schema';

/** Every route the document describes. */
export type ApiRoute = keyof paths;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** The routes that answer `method`. */
export type RouteWith<M extends Method> = { [P in ApiRoute]: [NonNullable<paths[P][M]>] extends [never] ? never : P }[ApiRoute];

/** One operation of the document. */
export type OperationOf<P extends ApiRoute, M extends Method> = NonNullable<paths[P][M]>;

/** The JSON body of an operation's success answer (200 or 201); `void` when it has none (204). */
export type AnswerOf<P extends ApiRoute, M extends Method> = OperationOf<P, M>['responses'] extends infer R
  ? R extends { 200: { content: { 'application/json': infer B } } } ? B
  : R extends { 201: { content: { 'application/json': infer B } } } ? B
  : void
  : never;

/** The JSON request body of an operation; `never` when it takes none. */
export type BodyOf<P extends ApiRoute, M extends Method> = OperationOf<P, M> extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

/** An operation's query parameters; `never` when it takes none. */
export type QueryOf<P extends ApiRoute, M extends Method> = NonNullable<OperationOf<P, M>['parameters']['query']>;

/** An operation's path parameters (`{id}`, …); `never` when it has none. */
export type PathParamsOf<P extends ApiRoute, M extends Method> = NonNullable<OperationOf<P, M>['parameters']['path']>;

/** Query values may be null or undefined in the UI: http.ts leaves those out of the URL. */
type LooseQuery<Q> = { [K in keyof Q]: Q[K] | null };

type PathInit<P extends ApiRoute, M extends Method> = [PathParamsOf<P, M>] extends [never] ? { path?: never } : { path: PathParamsOf<P, M> };
type QueryInit<P extends ApiRoute, M extends Method> = [QueryOf<P, M>] extends [never]
  ? { query?: never }
  : OperationOf<P, M>['parameters'] extends { query: object } ? { query: LooseQuery<QueryOf<P, M>> } : { query?: LooseQuery<QueryOf<P, M>> };
type BodyInit<P extends ApiRoute, M extends Method> = [BodyOf<P, M>] extends [never] ? { body?: never } : { body: BodyOf<P, M> };

/** Everything one call needs, as the document describes it, plus If-Match and an abort signal. */
export type CallInit<P extends ApiRoute, M extends Method> = PathInit<P, M> & QueryInit<P, M> & BodyInit<P, M> & Pick<RequestOptions, 'ifMatch' | 'signal'>;

/** The init is optional when nothing in it is required (no path parameters, no required query or body). */
type InitArgs<P extends ApiRoute, M extends Method> = {} extends CallInit<P, M> ? [init?: CallInit<P, M>] : [init: CallInit<P, M>];

/** The path http.ts requests: the route with its `{params}` filled in, without the /api/v1 prefix. */
export function routePath(route: ApiRoute, params: Readonly<Record<string, string | number>> = {}): string {
  if (!route.startsWith(`${API_BASE}/`)) throw new Error(`${route} is not under ${API_BASE}`);
  return route.slice(API_BASE.length).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${route}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

function call<M extends Method, P extends RouteWith<M>>(method: M, route: P, init: Partial<CallInit<P, M>> = {}): Promise<AnswerOf<P, M>> {
  const { path, query, body, ifMatch, signal } = init as { path?: Record<string, string>; query?: RequestOptions['query']; body?: unknown; ifMatch?: number; signal?: AbortSignal };
  const url = routePath(route, path);
  const options: RequestOptions = { query, ifMatch, signal };
  switch (method) {
    case 'get': return http.get<AnswerOf<P, M>>(url, options);
    case 'post': return http.post<AnswerOf<P, M>>(url, body, options);
    case 'patch': return http.patch<AnswerOf<P, M>>(url, body, options);
    case 'put': return http.put<AnswerOf<P, M>>(url, body, options);
    default: return http.delete(url, options) as Promise<AnswerOf<P, M>>;
  }
}

/** `api.get('/api/v1/articles/{id}', { path: { id } })` answers the document's ArticleView, and so on. */
export const api = {
  get: <P extends RouteWith<'get'>>(route: P, ...[init]: InitArgs<P, 'get'>) => call('get', route, init),
  post: <P extends RouteWith<'post'>>(route: P, ...[init]: InitArgs<P, 'post'>) => call('post', route, init),
  patch: <P extends RouteWith<'patch'>>(route: P, ...[init]: InitArgs<P, 'patch'>) => call('patch', route, init),
  put: <P extends RouteWith<'put'>>(route: P, ...[init]: InitArgs<P, 'put'>) => call('put', route, init),
  delete: <P extends RouteWith<'delete'>>(route: P, ...[init]: InitArgs<P, 'delete'>) => call('delete', route, init),
};
