import type Database from 'better-sqlite3';
import { EntityManager, QueryFailedError } from 'typeorm';
import { sqliteConnection } from './sqlite-transaction';
import { Engine, engineOf } from './transactions';

/**
 * A fixed SQL statement for a hot path (the session lookup, the audit row, a note's insert), written
 * once with `?` placeholders and kept in each engine's dialect. Running it skips TypeORM's query
 * building, which costs more than SQLite's own work on a small write, while still going through the
 * caller's connection and transaction. On SQLite it is prepared once per connection and run on
 * better-sqlite3 directly: TypeORM's query runner (logging, broadcasting, its statement lookup) cost
 * as much again as the statement itself.
 *
 * Write portable SQL: no `?` inside literals, booleans compared as `NOT column` or bound as
 * parameters (turned into 0/1 for SQLite).
 */
export class Statement {
  private readonly postgres: string;
  private readonly prepared = new WeakMap<Database.Database, Database.Statement>();

  constructor(private readonly sqlite: string) {
    let n = 0;
    this.postgres = sqlite.replace(/\?/g, () => `$${++n}`);
  }

  textFor(engine: Engine): string {
    return engine === 'postgres' ? this.postgres : this.sqlite;
  }

  /** Runs on SQLite's one connection (and so in its open transaction, if any); errors as TypeORM's QueryFailedError. */
  runOnSqlite<Row>(db: Database.Database, parameters: readonly unknown[]): Row[] {
    const values = parameters.map((p) => (typeof p === 'boolean' ? Number(p) : p));
    try {
      let statement = this.prepared.get(db);
      if (!statement) {
        statement = db.prepare(this.sqlite);
        this.prepared.set(db, statement);
      }
      if (statement.reader) return statement.all(...values) as Row[];
      statement.run(...values);
      return [];
    } catch (error) {
      throw new QueryFailedError(this.sqlite, values, error as Error);
    }
  }
}

/**
 * Runs a statement on `manager`'s connection. Rows come back for a SELECT or a statement with
 * RETURNING; anything else gives an empty list.
 */
export async function runStatement<Row>(manager: EntityManager, statement: Statement, parameters: readonly unknown[]): Promise<Row[]> {
  const engine = engineOf(manager.dataSource);
  if (engine === 'sqlite') return statement.runOnSqlite<Row>(sqliteConnection(manager.dataSource), parameters);
  const result: unknown = await manager.query(statement.textFor(engine), [...parameters]);
  return Array.isArray(result) ? (result as Row[]) : [];
}
