/** Runs an `IN (...)` query in chunks, well under every engine's limit on bound parameters. */
export async function inChunks<T>(ids: readonly string[], query: (ids: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < ids.length; i += size) results.push(...(await query(ids.slice(i, i + size))));
  return results;
}
