import { PipeTransform } from '@nestjs/common';
import { DomainError } from './domain-error';

/** The largest value of an INTEGER column on PostgreSQL (and the bound we keep on SQLite, alike). */
export const INT32_MAX = 2 ** 31 - 1;

/** An integer both databases compare with their INTEGER columns without an out-of-range error. */
export const isInt32 = (value: unknown): value is number => Number.isInteger(value) && Math.abs(value as number) <= INT32_MAX;

/**
 * A positive integer path parameter (a revision number): anything else, 0, or a number no INTEGER column
 * can hold names nothing that can exist, so it answers what `notFound` says rather than reaching SQL.
 */
export class PositiveInt32Pipe implements PipeTransform<string, number> {
  constructor(private readonly notFound: () => DomainError) {}

  transform(value: string): number {
    const n = /^\d{1,10}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= 1 && n <= INT32_MAX)) throw this.notFound();
    return n;
  }
}
