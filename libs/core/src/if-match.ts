import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

/**
 * The version a client expects, from `If-Match: "3"` (weak `W/"3"` accepted). Absent or `*` → undefined
 * (the change applies). A value that is not one of our ETags can never match: NaN, answered with 412.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '' || value.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(value);
  return match ? Number(match[1]) : Number.NaN;
}

const IF_MATCH_HEADER = {
  name: 'If-Match',
  required: false,
  description: 'the version the change is meant for, as its ETag (`"3"`); a stale one answers 412 `version_conflict` and changes nothing. Without it the change applies.',
  schema: { type: 'string', example: '"3"' },
} as const;

/** Documents the header wherever it is read, so that OpenAPI lists it on exactly the routes that honour it. */
const documentIfMatch: ParameterDecorator = (target, key) => {
  const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
  if (key !== undefined && descriptor) ApiHeader(IF_MATCH_HEADER)(target, key, descriptor);
};

export const IfMatch = createParamDecorator(
  (_: unknown, context: ExecutionContext): number | undefined =>
    parseIfMatch(context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['if-match']),
  [documentIfMatch],
);

export const etagOf = (version: number): string => `"${version}"`;
