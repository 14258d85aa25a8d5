import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { DomainError } from '@claimdesk/core';
import { databaseFaultOf, databaseUnavailable, WriteNotCommitted } from './database-faults';

const failed = (code: string, message = 'failed'): QueryFailedError => new QueryFailedError('INSERT …', [], Object.assign(new Error(message), { code }));

describe('database faults', () => {
  it('tells a database that cannot store writes from one that cannot be reached', () => {
    expect(databaseFaultOf(failed('SQLITE_FULL', 'database or disk is full'))).toEqual({ kind: 'not_writable', reason: 'SQLITE_FULL: database or disk is full' });
    expect(databaseFaultOf(failed('SQLITE_IOERR_WRITE'))?.kind).toBe('not_writable');
    expect(databaseFaultOf(failed('SQLITE_READONLY'))?.kind).toBe('not_writable');
    expect(databaseFaultOf(failed('53100'))?.kind).toBe('not_writable'); // PostgreSQL disk_full
    expect(databaseFaultOf(failed('25006'))?.kind).toBe('not_writable'); // read-only transaction (a standby)
    expect(databaseFaultOf(failed('57P01'))?.kind).toBe('unreachable'); // admin_shutdown: a restart
    expect(databaseFaultOf(failed('08006'))?.kind).toBe('unreachable');
    expect(databaseFaultOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))?.kind).toBe('unreachable');
    expect(databaseFaultOf(new Error('Connection terminated unexpectedly'))?.kind).toBe('unreachable');
    expect(databaseFaultOf(new QueryRunnerProviderAlreadyReleasedError())?.kind).toBe('unreachable'); // its connection broke mid-transaction
    expect(databaseFaultOf(new WriteNotCommitted(new Error('disk I/O error')))?.kind).toBe('not_writable');
  });

  it('leaves the request\'s own mistakes and the desk\'s bugs alone', () => {
    expect(databaseFaultOf(failed('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(databaseFaultOf(failed('23505'))).toBeNull(); // unique_violation
    expect(databaseFaultOf(failed('40P01'))).toBeNull(); // deadlock: run again, not "away"
    expect(databaseFaultOf(new DomainError('version_conflict', 'stale'))).toBeNull();
    expect(databaseFaultOf(new TypeError('x is undefined'))).toBeNull();
    expect(databaseFaultOf(null)).toBeNull();
  });

  it('answers a fault as 503 database_unavailable with a Retry-After', () => {
    expect(databaseUnavailable(failed('SQLITE_FULL'))).toMatchObject({ code: 'database_unavailable', retryAfterSeconds: 5 });
    expect(databaseUnavailable(failed('23505'))).toBeNull();
  });
});
