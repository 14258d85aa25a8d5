import { Transform } from 'class-transformer';
import { applyDecorators } from '@nestjs/common';
import { IsISO8601, ValidateBy, ValidateIf } from 'class-validator';

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

/**
 * A URL no longer than `max` characters once parsed: non-ASCII paths and hosts are percent- or
 * punycode-encoded on the way in, so a URL of 500 pasted characters can be 4,000 stored ones (past
 * what the normalised-URL column holds). An unparsable value is left to the URL rule beside this one.
 */
export const MaxEncodedLength = (max: number): PropertyDecorator => ValidateBy({
  name: 'maxEncodedLength',
  validator: {
    validate: (value: unknown) => {
      if (typeof value !== 'string') return true;
      try {
        return new URL(value.trim()).href.length <= max;
      } catch {
        return true;
      }
    },
    defaultMessage: (args) => `${args?.property ?? 'the URL'} must be at most ${max} characters once percent-encoded`,
  },
});

/** A case-insensitive LIKE pattern matching `q` anywhere, with LIKE's wildcards escaped (use ESCAPE '\'). */
export const containsPattern = (q: string): string => `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * An ISO 8601 date or time that can be stored as a UTC time: ISO 8601 also has week dates (`2026-W48-7`),
 * ordinal dates (`2026-333`), basic forms (`20261129`) and decimal commas, which JavaScript's Date cannot
 * read; they are refused here rather than failing later in `toStoredTime`.
 */
export const IsIsoTime = (): PropertyDecorator => applyDecorators(
  IsISO8601({ strict: true }),
  ValidateBy({
    name: 'isReadableTime',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !Number.isNaN(Date.parse(value)),
      defaultMessage: (args) => `${args?.property ?? 'the time'} must be a calendar date (YYYY-MM-DD) or a date and time`,
    },
  }),
);

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
