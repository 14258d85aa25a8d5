/**
 * Times are stored and sent as ISO 8601 UTC strings with milliseconds. Stored as text, they sort
 * chronologically on SQLite and PostgreSQL alike, and round-trip exactly.
 */
export const nowIso = (): string => new Date().toISOString();

export function toIso(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
