import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError } from '@claimdesk/core';
import { runStatement, Statement, Transactions, Tx } from '@claimdesk/database';

/** API.md, "Hardening": failed attempts allowed within the window, per account and per client address. */
export const ACCOUNT_FAILURE_LIMIT = 10;
export const CLIENT_FAILURE_LIMIT = 100;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** Advisory lock keys ("LA" account, "LC" client); the second key is the value's hash. */
const ACCOUNT_LOCK = 0x4c41;
const CLIENT_LOCK = 0x4c43;

/** The `limit`-th most recent attempt in the window: while there is one, the limit is reached. */
const NTH_RECENT = {
  email: new Statement('SELECT at FROM login_failures WHERE email = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?'),
  client: new Statement('SELECT at FROM login_failures WHERE client = ? AND at > ? ORDER BY at DESC LIMIT 1 OFFSET ?'),
};
const INSERT_ATTEMPT = new Statement('INSERT INTO login_failures (id, email, client, at) VALUES (?, ?, ?, ?)');
const DELETE_ATTEMPT = new Statement('DELETE FROM login_failures WHERE id = ?');
const FORGET_OLD = new Statement('DELETE FROM login_failures WHERE at < ?');

/**
 * Counts password guesses in the database, so every instance sees them. An attempt is reserved
 * (written as a failure) before the password is checked, under a lock on the account and on the
 * client address, so parallel guesses cannot all pass the count; a successful attempt is released.
 */
@Injectable()
export class LoginLimit {
  constructor(private readonly transactions: Transactions) {}

  /** Reserves one attempt for the account and address, or refuses with 429 `rate_limited`. */
  reserve(email: string, clientAddress: string): Promise<string> {
    const client = clientAddress.slice(0, 64);
    return this.transactions.run(async (tx) => {
      if (tx.engine === 'postgres') {
        // Always the account first, then the address: one order, so no two attempts wait on each other.
        await tx.manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ACCOUNT_LOCK, email]);
        await tx.manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [CLIENT_LOCK, client]);
      }
      const now = Date.now();
      await this.refuseOverLimit(tx, NTH_RECENT.email, email, ACCOUNT_FAILURE_LIMIT, now);
      await this.refuseOverLimit(tx, NTH_RECENT.client, client, CLIENT_FAILURE_LIMIT, now);
      const id = randomUUID();
      await runStatement(tx.manager, INSERT_ATTEMPT, [id, email, client, new Date(now).toISOString()]);
      return id;
    });
  }

  /** A successful attempt does not count. */
  async release(attempt: string): Promise<void> {
    await runStatement(this.transactions.dataSource.manager, DELETE_ATTEMPT, [attempt]);
  }

  /** The attempt failed and stays counted; attempts older than the window no longer count and go. */
  async failed(): Promise<void> {
    await runStatement(this.transactions.dataSource.manager, FORGET_OLD, [new Date(Date.now() - LOGIN_WINDOW_MS).toISOString()]);
  }

  private async refuseOverLimit(tx: Tx, statement: Statement, value: string, limit: number, now: number): Promise<void> {
    const since = new Date(now - LOGIN_WINDOW_MS).toISOString();
    const [nth] = await runStatement<{ at: string }>(tx.manager, statement, [value, since, limit - 1]);
    if (!nth) return;
    // A place frees up when the limit-th most recent attempt leaves the window.
    const retryAfter = Math.max(1, Math.ceil((Date.parse(nth.at) + LOGIN_WINDOW_MS - now) / 1000));
    throw new DomainError('rate_limited', `too many failed sign-ins; try again in ${retryAfter} s`, [], retryAfter);
  }
}
