import { DataSource, EntityManager } from 'typeorm';
import { Statement } from '../libs/database/src';

/**
 * Bulk seeding for the benchmarks that need a full-size desk (search, queue): rows written straight
 * into the tables with their real columns, 500 to a statement. The search index's triggers fire on
 * these inserts as on any other write, so what is measured is the index the desk itself keeps.
 */

/** Deterministic UUID-shaped ids (`kind` tells tables apart), so runs are comparable. */
export const idOf = (kind: number, n: number): string => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export async function insertRows(manager: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const engine = manager.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
  // SQLite allows 32,766 parameters per statement; PostgreSQL 65,535.
  const perStatement = Math.max(1, Math.min(500, Math.floor(30_000 / columns.length)));
  for (let i = 0; i < rows.length; i += perStatement) {
    const batch = rows.slice(i, i + perStatement);
    const values = batch.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    const statement = new Statement(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`);
    await manager.query(statement.textFor(engine), batch.flat().map((v) => (typeof v === 'boolean' && engine === 'sqlite' ? Number(v) : v)));
  }
}

/** A connection of the benchmark's own to a desk's database (`sqlite:<file>` or `postgres://…`), for seeding. */
export async function connectTo(databaseUrl: string): Promise<DataSource> {
  const source = databaseUrl.startsWith('postgres')
    ? new DataSource({ type: 'postgres', url: databaseUrl })
    : new DataSource({ type: 'better-sqlite3', database: databaseUrl.replace(/^sqlite:/, ''), prepareDatabase: (db: { pragma(s: string): unknown }) => void db.pragma('busy_timeout = 10000') });
  return source.initialize();
}
