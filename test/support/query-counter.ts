import { DataSource } from 'typeorm';

/**
 * Counts the SQL statements the app sends, by wrapping the query runner's `query` (shared by every
 * runner of a driver through its prototype): to prove a route's query count does not grow with data.
 */
export function countQueries(dataSource: DataSource): { readonly count: number; reset(): void; stop(): void } {
  const runner = dataSource.createQueryRunner();
  const prototype = Object.getPrototypeOf(runner) as { query: (...args: unknown[]) => Promise<unknown> };
  void runner.release();
  const original = prototype.query;
  let count = 0;
  prototype.query = function counted(this: unknown, ...args: unknown[]) {
    count++;
    return original.apply(this, args);
  };
  return {
    get count() {
      return count;
    },
    reset: () => {
      count = 0;
    },
    stop: () => {
      prototype.query = original;
    },
  };
}
