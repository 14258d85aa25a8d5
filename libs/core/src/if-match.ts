import { createParamDecorator, ExecutionContext } from '@nestjs/common';

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

export const IfMatch = createParamDecorator((_: unknown, context: ExecutionContext): number | undefined =>
  parseIfMatch(context.switchToHttp().getRequest<{ headers: Record<string, string | string[] | undefined> }>().headers['if-match']),
);

export const etagOf = (version: number): string => `"${version}"`;
