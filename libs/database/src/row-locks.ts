import { EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import type { Tx } from './transactions';

/**
 * Reads a row the transaction is about to change or delete. On PostgreSQL the row is locked until
 * commit (`FOR NO KEY UPDATE`): a concurrent writer of the same row waits, then reads what this one
 * left (or nothing, if it was deleted). So the version checked against `If-Match` is the version
 * changed, a DELETE with a stale `If-Match` cannot slip past a concurrent edit, and an edit sent
 * without `If-Match` applies to the latest version instead of losing a race it never asked to run.
 * The lock does not keep others from attaching rows to this one (a foreign key check takes only a
 * key-share lock). SQLite runs one transaction at a time and needs no lock.
 */
export function findForChange<E extends ObjectLiteral>(tx: Tx, entity: EntityTarget<E>, id: string): Promise<E | null> {
  const where = { id } as unknown as FindOptionsWhere<E>;
  return tx.manager.findOne(entity, tx.engine === 'postgres' ? { where, lock: { mode: 'for_no_key_update' } } : { where });
}

