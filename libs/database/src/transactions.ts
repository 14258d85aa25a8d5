import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { controlOf, inSqliteTransaction, sqliteConnection } from './sqlite-transaction';
import { WritePath } from './write-path';

export type Engine = 'sqlite' | 'postgres';

/** A unit of work: the transaction's entity manager, and hooks that run only once it has committed. */
export interface Tx {
  readonly manager: EntityManager;
  /** Runs `hook` after COMMIT (never after a rollback): how live events are sent. */
  afterCommit(hook: () => void): void;
  readonly engine: Engine;
}

/** The engine behind a data source: what SQL dialect and concurrency rules apply. */
export const engineOf = (dataSource: DataSource): Engine => (dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite');

/** deadlock_detected and serialization_failure: PostgreSQL's "try again" answers. */
const RETRYABLE_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 3;

export function isRetryable(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' && RETRYABLE_CODES.has(code);
}

@Injectable()
export class Transactions {
  private readonly logger = new Logger(Transactions.name);
  /**
   * TypeORM's SQLite drivers share one connection and one query runner, so two concurrent
   * transactions would interleave their statements. SQLite writes one transaction at a time anyway:
   * queue them here. PostgreSQL takes a pooled connection per transaction and needs no queue.
   */
  private tail: Promise<void> = Promise.resolve();

  constructor(readonly dataSource: DataSource, private readonly writePath: WritePath) {}

  get engine(): Engine {
    return engineOf(this.dataSource);
  }

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    if (this.engine === 'postgres') return this.withRetries(work);
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await this.execute(work);
    } finally {
      release();
    }
  }

  /**
   * PostgreSQL breaks a deadlock (two transactions each waiting for a lock the other holds, such as
   * two articles' event locks taken in opposite orders) by aborting one of them. That one has changed
   * nothing, so it is simply run again.
   */
  private async withRetries<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.execute(work);
      } catch (error) {
        if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
        this.logger.warn(`transaction aborted by PostgreSQL (${String((error as Error).message)}); running it again`);
      }
    }
  }

  private async execute<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const hooks: (() => void)[] = [];
    const engine = this.engine;
    const unit = (manager: EntityManager): Promise<T> => work({ manager, engine, afterCommit: (hook) => hooks.push(hook) });
    let result: T;
    try {
      if (engine === 'postgres') {
        result = await this.dataSource.transaction(unit);
        this.writePath.committed();
      } else {
        result = await this.inSqlite(unit);
      }
    } catch (error) {
      this.writePath.failed(error);
      throw error;
    }
    for (const hook of hooks) {
      try {
        hook();
      } catch (error) {
        this.logger.error(`after-commit hook failed: ${String(error)}`);
      }
    }
    return result;
  }

  /** SQLite: its own transaction state (see inSqliteTransaction); a commit that changed rows proves the write path. */
  private async inSqlite<T>(unit: (manager: EntityManager) => Promise<T>): Promise<T> {
    const totalChanges = controlOf(sqliteConnection(this.dataSource)).totalChanges;
    const changesBefore = totalChanges.get();
    const result = await inSqliteTransaction(this.dataSource, unit, () => this.logger.error('a transaction was left open; rolled back before the next one'));
    if (totalChanges.get() !== changesBefore) this.writePath.committed();
    return result;
  }
}

/**
 * Optimistic update: changes the row only if it is still at `version`, and bumps the version.
 * Returns false when another writer got there first. Works the same on SQLite and PostgreSQL.
 */
export async function updateAtVersion<E extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<E>,
  id: string,
  version: number,
  changes: QueryDeepPartialEntity<E>,
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1' } as QueryDeepPartialEntity<E>)
    .where('id = :id AND version = :version', { id, version })
    .execute();
  return result.affected === 1;
}
