import { ValueTransformer } from 'typeorm';

/** Stores a JSON value in a text column, the same on SQLite and PostgreSQL. */
export const jsonText = <T>(fallback: T): ValueTransformer => ({
  to: (value: T | undefined) => JSON.stringify(value ?? fallback),
  from: (raw: string | null) => (raw === null || raw === undefined ? fallback : (JSON.parse(raw) as T)),
});
