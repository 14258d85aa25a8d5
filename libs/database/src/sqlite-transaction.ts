import type Database from 'better-sqlite3';
import { DataSource, EntityManager } from 'typeorm';
import { WriteNotCommitted } from './database-faults';

/** better-sqlite3's connection behind TypeORM's driver (one per process): the truth about open transactions. */
export function sqliteConnection(dataSource: DataSource): Database.Database {
  return (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
}

/** TypeORM's bookkeeping on its one SQLite query runner, which we set from SQLite's own state. */
interface RunnerState {
  isTransactionActive: boolean;
  transactionDepth: number;
}

/**
 * Runs `work` in one SQLite transaction whose state is SQLite's, not TypeORM's.
 *
 * Why: on a full disk or an I/O error SQLite may roll a transaction back by itself. TypeORM's query
 * runner then still believes it is open; its ROLLBACK fails (silently), the next transaction becomes a
 * SAVEPOINT that starts a real transaction, and a later ROLLBACK TO (any 412 or 409) leaves that
 * transaction open for good: every later write is answered 201 and never committed. Here BEGIN, COMMIT
 * and ROLLBACK are sent directly, checked against `db.inTransaction`, and TypeORM's flags follow them
 * (so `save()` inside `work` joins this transaction instead of opening its own).
 * Callers must not overlap: Transactions queues them.
 */
export async function inSqliteTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, onLeftover: () => void): Promise<T> {
  const db = sqliteConnection(dataSource);
  const control = controlOf(db);
  const runner = dataSource.createQueryRunner();
  const state = runner as unknown as RunnerState;
  if (db.inTransaction) {
    // Nothing of ours is open (we are queued): whatever is, was never acknowledged. Close it.
    onLeftover();
    control.rollback.run();
  }
  control.begin.run();
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  try {
    const result = await work(runner.manager);
    try {
      control.commit.run();
    } catch (error) {
      throw new WriteNotCommitted(error);
    }
    // A COMMIT that returns with the transaction still open (it should not) is not a commit either.
    if (db.inTransaction) throw new WriteNotCommitted(new Error('the transaction is still open after COMMIT'));
    return result;
  } finally {
    if (db.inTransaction) {
      try {
        control.rollback.run();
      } catch {
        // Still open: the next transaction's check closes it before it begins.
      }
    }
    state.isTransactionActive = false;
    state.transactionDepth = 0;
  }
}

/** The statements every transaction runs, and SQLite's count of rows changed since the connection opened. */
export interface TransactionControl {
  begin: Database.Statement;
  commit: Database.Statement;
  rollback: Database.Statement;
  totalChanges: Database.Statement;
}

// Prepared once per connection, as better-sqlite3's own transactions do: `exec` compiles each time,
// and preparing them per transaction cost more than running them.
const controls = new WeakMap<Database.Database, TransactionControl>();
export function controlOf(db: Database.Database): TransactionControl {
  let control = controls.get(db);
  if (!control) {
    control = { begin: db.prepare('BEGIN'), commit: db.prepare('COMMIT'), rollback: db.prepare('ROLLBACK'), totalChanges: db.prepare('SELECT total_changes()').pluck() };
    controls.set(db, control);
  }
  return control;
}
