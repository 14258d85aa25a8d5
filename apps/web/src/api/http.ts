/**
 * The one place the UI talks HTTP: same-origin JSON requests authenticated by the session cookie,
 * problem+json errors turned into ApiError, and a 401 announced so the app can ask to sign in again.
 */
import type { components } from './schema';

/** One field's message in a validation problem (the document's ProblemDetail). */
export type FieldError = components['schemas']['ProblemDetail'];

/**
 * An application/problem+json answer (the document's Problem). Hand-adjusted, UI-side: `type` is
 * optional because the UI also makes problems itself (network failure, a non-JSON answer from a
 * proxy, an unexpected exception), and those have no problem type URI.
 */
export type Problem = Omit<components['schemas']['Problem'], 'type'> & Partial<Pick<components['schemas']['Problem'], 'type'>>;

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
  }
  get status(): number {
    return this.problem.status;
  }
  get code(): string {
    return this.problem.code;
  }
  /** The message for one field (`selector.start`, `title`, …), if the API named it. */
  fieldError(path: string): string | undefined {
    return this.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`))?.message;
  }
}

/** Query values; null and undefined are left out, arrays are sent comma-separated (`articleIds=a,b`). */
type Query = Record<string, string | number | readonly (string | number)[] | undefined | null>;

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** The version the change is based on; a stale one answers 412 version_conflict. */
  ifMatch?: number;
  signal?: AbortSignal;
}

type UnauthenticatedListener = () => void;
const unauthenticatedListeners = new Set<UnauthenticatedListener>();

/** Called whenever the API answers 401 to a signed-in request (the session expired or was revoked). */
export function onUnauthenticated(listener: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export const API_BASE = '/api/v1';

export function apiUrl(path: string, query?: Query): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    const text = Array.isArray(value) ? value.join(',') : value;
    if (text !== undefined && text !== null && text !== '') search.set(key, String(text));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readProblem(response: Response): Promise<Problem> {
  try {
    const body = (await response.json()) as Partial<Problem>;
    if (body && typeof body.code === 'string') return { title: response.statusText, status: response.status, detail: '', ...body } as Problem;
  } catch {
    // not JSON: fall through
  }
  return { title: response.statusText || 'Request failed', status: response.status, code: `http_${response.status}`, detail: `The server answered ${response.status}.` };
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError({ title: 'Network error', status: 0, code: 'network', detail: 'The desk could not be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && path !== '/auth/login') unauthenticatedListeners.forEach((listener) => listener());
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body: body ?? {} }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PUT', path, { ...options, body }),
  delete: (path: string, options?: RequestOptions) => request<void>('DELETE', path, options),
};
