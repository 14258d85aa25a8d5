import { EntityManager } from 'typeorm';
import { Engine, engineOf } from './transactions';

/**
 * A fixed SQL statement for a hot path (the session lookup, the audit row, a note's insert), written
 * once with `?` placeholders and kept in each engine's dialect. Running it skips TypeORM's query
 * building, which costs more than SQLite's own work on a small write, while still going through the
 * caller's connection and transaction (and better-sqlite3's prepared-statement cache).
 *
 * Write portable SQL: no `?` inside literals, booleans compared as `NOT column` or bound as
 * parameters (TypeORM turns them into 0/1 for SQLite).
 */
export class Statement {
  private readonly postgres: string;

  constructor(private readonly sqlite: string) {
    let n = 0;
    this.postgres = sqlite.replace(/\?/g, () => `$${++n}`);
  }

  textFor(engine: Engine): string {
    return engine === 'postgres' ? this.postgres : this.sqlite;
  }
}

/**
 * Runs a statement on `manager`'s connection. Rows come back for a SELECT or a statement with
 * RETURNING; anything else gives an empty list.
 */
export async function runStatement<Row>(manager: EntityManager, statement: Statement, parameters: readonly unknown[]): Promise<Row[]> {
  const result: unknown = await manager.query(statement.textFor(engineOf(manager.dataSource)), [...parameters]);
  return Array.isArray(result) ? (result as Row[]) : [];
}
