import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDeliveries } from '@claimdesk/audit/webhooks/webhook-deliveries';

/**
 * Counts the SQL statements the app sends, by wrapping the query runner's `query` (shared by every
 * runner of a driver through its prototype): to prove a route's query count does not grow with data.
 * The webhook deliveries' rounds, the app's one background reader without SMTP, run after events and
 * would be counted with the route: they are stopped for good first (the app is not used for webhooks afterwards).
 */
export async function countQueries(app: INestApplicationContext): Promise<QueryCount> {
  await app.get(WebhookDeliveries).onModuleDestroy();
  return countStatements(app.get(DataSource));
}

export interface QueryCount { readonly count: number; reset(): void; stop(): void }

/** Counts every statement sent through `dataSource` from now on, background work included. */
export function countStatements(dataSource: DataSource): QueryCount {
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
