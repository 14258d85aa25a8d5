import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorCode } from './domain-error';

export class ProblemDetail {
  @ApiProperty() path!: string;
  @ApiProperty() message!: string;
}

/** RFC 9457 problem details, as every error is answered (API.md, "Errors"). */
export class Problem {
  @ApiProperty({ example: 'https://claimdesk.dev/problems/not_found' }) type!: string;
  @ApiProperty() title!: string;
  @ApiProperty() status!: number;
  @ApiProperty({ type: String, description: 'stable, machine-readable (see API.md, Errors)' }) code!: ErrorCode;
  @ApiProperty() detail!: string;
  @ApiPropertyOptional({ type: [ProblemDetail] }) errors?: ProblemDetail[];
}

export const STATUS_OF: Record<ErrorCode, number> = {
  malformed_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_rejected: 403,
  not_found: 404,
  quote_ambiguous: 409,
  invalid_transition: 409,
  source_required: 409,
  verdict_locked: 409,
  claim_orphaned: 409,
  stale_revision: 409,
  already_exists: 409,
  last_admin: 409,
  version_conflict: 412,
  payload_too_large: 413,
  malformed_request: 400,
  request_timeout: 408,
  uri_too_long: 414,
  headers_too_large: 431,
  validation_failed: 422,
  weak_password: 422,
  offset_out_of_range: 422,
  empty_span: 422,
  quote_not_found: 422,
  rate_limited: 429,
  database_unavailable: 503,
  fetch_forbidden: 403,
  fetch_failed: 422,
};

/** Documents the problem responses a route can give, grouped by status. */
export function ApiProblems(...codes: ErrorCode[]): MethodDecorator & ClassDecorator {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of ['unauthenticated', 'validation_failed', ...codes] as ErrorCode[]) {
    const status = STATUS_OF[code];
    const list = byStatus.get(status) ?? [];
    if (!list.includes(code)) list.push(code);
    byStatus.set(status, list);
  }
  return applyDecorators(
    ApiExtraModels(Problem),
    ...[...byStatus].map(([status, list]) =>
      ApiResponse({
        status,
        description: `application/problem+json; code: ${list.join(' | ')}`,
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(Problem) } } },
      }),
    ),
  );
}

/** A list route's answer: `{ items: Model[], nextCursor }` (API.md, "Conventions"). */
export function ApiPage(model: Type<unknown>, description?: string): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description,
      schema: {
        type: 'object',
        required: ['items', 'nextCursor'],
        properties: { items: { type: 'array', items: { $ref: getSchemaPath(model) } }, nextCursor: { type: 'string', nullable: true } },
      },
    }),
  );
}
