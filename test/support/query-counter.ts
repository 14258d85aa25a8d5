import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDeliveries } from '@claimdesk/audit/webhooks/webhook-deliveries';

/**
 * Counts the SQL statements the app sends, by wrapping the query runner's `query` (shared by every
 * runner of a driver through its prototype): to prove a route's query count does not grow with data.
 * The webhook poller, the app's one background reader without SMTP, asks every 500 ms and would be
 * counted with the route: it is stopped for good first (the app is not used for webhooks afterwards).
 */
export async function countQueries(app: INestApplicationContext): Promise<{ readonly count: number; reset(): void; stop(): void }> {
  await app.get(WebhookDeliveries).onModuleDestroy();
  const dataSource = app.get(DataSource);
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
