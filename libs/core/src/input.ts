import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Trims a string field before validation: what a reviewer pastes often carries stray spaces. */
export const Trimmed = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * An optional field that has no empty value: leaving it out skips its rules, but null is checked
 * like any other value (and refused by its type rule). IsOptional, which lets null through, is for
 * the fields API.md makes nullable.
 */
export const OptionalNotNull = (): PropertyDecorator => ValidateIf((_dto: object, value: unknown) => value !== undefined);

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

/**
 * `text` without the run of `char` at its end. A loop, not `/x+$/`: a backtracking regex retries
 * every start of a long run that does not reach the end, which is O(n²) (API.md Hardening, "Bad input").
 */
export function trimTrailing(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end--;
  return text.slice(0, end);
}
