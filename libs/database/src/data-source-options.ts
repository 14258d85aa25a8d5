import type Database from 'better-sqlite3';
import type { DataSourceOptions } from 'typeorm';
import { DatabaseTarget } from './database-url';
import { MIGRATIONS } from './migrations';
import { createPrivateFile, makeDatabaseFilesPrivate } from './private-files';

/**
 * Connection options for either engine. SQLite goes through better-sqlite3 (TypeORM 1 dropped the
 * node-sqlite3 driver; better-sqlite3 is also several times faster here), in WAL mode with foreign keys on.
 */
export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  const common = { migrations: MIGRATIONS, migrationsTableName: 'migrations', synchronize: false } as const;
  if (target.kind === 'postgres') {
    return { ...common, type: 'postgres', url: target.url, extra: { max: 10 } };
  }
  const onDisk = target.path !== ':memory:';
  // Created here, 0600 in a 0700 directory, before SQLite would create it world-readable.
  if (onDisk) createPrivateFile(target.path);
  return {
    ...common,
    type: 'better-sqlite3',
    database: target.path,
    enableWAL: true,
    prepareDatabase: (db: Database.Database) => {
      // The -wal and -shm that WAL mode creates next take the database file's mode.
      if (onDisk) makeDatabaseFilesPrivate(target.path);
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
      // WAL with synchronous=NORMAL is durable across application crashes, and much faster.
      db.pragma('synchronous = NORMAL');
    },
  };
}
