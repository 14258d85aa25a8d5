import { Transform } from 'class-transformer';

/** Trims a string field before validation: what a reviewer pastes often carries stray spaces. */
export const Trimmed = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** class-validator IsUrl options for links people paste: http(s) only, hosts without a TLD allowed. */
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

/** A case-insensitive LIKE pattern matching `q` anywhere, with LIKE's wildcards escaped (use ESCAPE '\'). */
export const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An ISO 8601 date or time as stored: a full UTC timestamp. */
export function toStoredTime(value: string): string;
export function toStoredTime(value: string | null | undefined): string | null | undefined;
export function toStoredTime(value: string | null | undefined): string | null | undefined {
  return value === undefined || value === null ? value : new Date(value).toISOString();
}
