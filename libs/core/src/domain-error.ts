/**
 * Every failure a client can act on has a stable code (API.md, "Errors"). Services throw these;
 * the API's exception filter is the only place that turns a code into an HTTP status.
 */
export type ErrorCode =
  | 'malformed_json'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_rejected'
  | 'not_found'
  | 'quote_ambiguous'
  | 'invalid_transition'
  | 'source_required'
  | 'verdict_locked'
  | 'claim_orphaned'
  | 'stale_revision'
  | 'already_exists'
  | 'last_admin'
  | 'version_conflict'
  | 'payload_too_large'
  | 'malformed_request'
  | 'request_timeout'
  | 'uri_too_long'
  | 'headers_too_large'
  | 'validation_failed'
  | 'weak_password'
  | 'offset_out_of_range'
  | 'empty_span'
  | 'quote_not_found'
  | 'rate_limited'
  | 'database_unavailable'
  | 'fetch_forbidden'
  | 'fetch_failed';

/** One entry of a problem's `errors` list; extra members (e.g. a candidate's offsets) are allowed. */
export interface ErrorDetail {
  path: string;
  message: string;
  [extra: string]: string | number | null;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** Seconds a client should wait, for `rate_limited`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('not_found', `${what} ${id} does not exist`);

export const forbidden = (message: string): DomainError => new DomainError('forbidden', message);

export const validationFailed = (path: string, message: string): DomainError =>
  new DomainError('validation_failed', message, [{ path, message }]);
