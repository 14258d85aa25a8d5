import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { DatabaseTarget } from './database-url';
import { MIGRATIONS } from './migrations';

/**
 * Connection options for either engine. SQLite goes through better-sqlite3 (TypeORM 1 dropped the
 * node-sqlite3 driver; better-sqlite3 is also several times faster here), in WAL mode with foreign keys on.
 */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = { migrations: MIGRATIONS, migrationsTableName: 'migrations', synchronize: false } as const;
  if (target.kind === 'postgres') {
    return { ...common, type: 'postgres', url: target.url, extra: { max: 10 } };
  }
  if (target.path !== ':memory:') mkdirSync(dirname(target.path), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.path,
    enableWAL: true,
    prepareDatabase: (db: Database.Database) => {
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // WAL with synchronous=NORMAL is durable across application crashes, and much faster.
      db.pragma('synchronous = NORMAL');
    },
  };
}
