import { DomainError, ErrorCode, ErrorDetail, STATUS_OF } from '@claimdesk/core';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors?: ErrorDetail[];
}

const TITLES: Record<ErrorCode, string> = {
  malformed_json: 'The body is not valid JSON',
  unauthenticated: 'Not signed in',
  forbidden: 'Not allowed',
  csrf_rejected: 'Not from the desk’s own pages',
  not_found: 'Not found',
  quote_ambiguous: 'The quote occurs more than once',
  invalid_transition: 'Not allowed from the verdict’s current status',
  source_required: 'The claim has no source',
  verdict_locked: 'The verdict is no longer a draft',
  claim_orphaned: 'The claim is orphaned: re-mark it',
  stale_revision: 'The offsets refer to an earlier revision and cannot be mapped exactly',
  already_exists: 'Already exists',
  last_admin: 'The desk would have no active admin',
  version_conflict: 'Changed by someone else',
  payload_too_large: 'The body is too large',
  malformed_request: 'Not a valid HTTP request',
  request_timeout: 'The request was not sent in time',
  uri_too_long: 'The URL is too long',
  headers_too_large: 'The headers are too large',
  validation_failed: 'The request is not valid',
  weak_password: 'The password is too easy to guess',
  offset_out_of_range: 'Offset outside the text',
  empty_span: 'Empty span',
  quote_not_found: 'Quote not found',
  rate_limited: 'Too many attempts',
  database_unavailable: 'The database is unavailable',
  fetch_forbidden: 'The desk may not fetch from that address',
  fetch_failed: 'The page could not be fetched',
};

/** RFC 9457 problem details for a domain error: the one place codes become HTTP statuses. */
export function toProblem(error: DomainError): ProblemBody {
  const problem: ProblemBody = {
    type: `https://claimdesk.dev/problems/${error.code}`,
    title: TITLES[error.code],
    status: STATUS_OF[error.code],
    code: error.code,
    detail: error.message,
  };
  if (error.details.length > 0) problem.errors = error.details;
  return problem;
}
