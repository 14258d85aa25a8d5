import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DomainError } from '@claimdesk/core';
import { createPrivateFile, MIGRATIONS, parseDatabaseUrl, SQLITE_COMPANIONS } from '@claimdesk/database';
import { RefusedError } from '../exit-codes';
import type { Command } from './command';

const KNOWN_MIGRATIONS: readonly string[] = MIGRATIONS.map((migration) => migration.name);

/** Why a file cannot be restored, or null when it is an intact ClaimDesk database this version can run. */
export function backupProblem(db: Database.Database): string | null {
  let integrity: string;
  try {
    integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check).join('; ');
  } catch (error) {
    return `it is not a SQLite database (${(error as Error).message})`;
  }
  if (integrity !== 'ok') return `it fails PRAGMA integrity_check: ${integrity}`;
  const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'").get();
  if (!hasMigrations) return 'it is not a ClaimDesk database (no migrations table)';
  const applied = (db.prepare('SELECT name FROM migrations ORDER BY id').all() as { name: string }[]).map((row) => row.name);
  if (applied[0] !== KNOWN_MIGRATIONS[0]) return 'it is not a ClaimDesk database (its first migration is not ClaimDesk\'s)';
  const unknown = applied.filter((name) => !KNOWN_MIGRATIONS.includes(name));
  if (unknown.length) return `it comes from a newer ClaimDesk (migrations this version does not know: ${unknown.join(', ')}); upgrade first`;
  return null;
}

/**
 * Whether another connection (a running desk, a CLI command) has the database open: leaving WAL mode
 * needs it alone, so SQLite refuses at once (busy_timeout 0) while anyone else is connected. When it
 * succeeds, the WAL has been checkpointed into the file and removed.
 */
function inUseByOthers(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('journal_mode = DELETE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
    return false;
  } catch (error) {
    if (/^SQLITE_BUSY|^SQLITE_LOCKED/.test(String((error as { code?: unknown }).code))) return true;
    throw error;
  } finally {
    db.close();
  }
}

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'put a backup in place of the SQLite database, after checking it',
  positionals: [{ name: 'file', description: 'the backup to restore (from claimdesk backup)', required: true }],
  options: {
    force: { type: 'boolean', description: 'replace the existing database' },
  },
  description:
    'Checks the backup first (PRAGMA integrity_check; a ClaimDesk database whose migrations this version\n' +
    'knows), then replaces the database atomically: the backup is copied beside it (mode 0600) and renamed\n' +
    'over it, so the database is either the old one or the backup, never half of each. An existing database\n' +
    'is replaced only with --force, and never while a desk or another command has it open (stop the API\n' +
    'first). Pending migrations run when the desk next starts. Prints the path of the database.\n' +
    'PostgreSQL is refused (exit code 4): use pg_restore there.',
  examples: ['claimdesk restore backups/claimdesk-2026-12-01.sqlite --force'],

  async run(args, context) {
    const target = parseDatabaseUrl(context.settings.databaseUrl);
    if (target.kind === 'postgres') {
      throw new RefusedError('restore replaces SQLite databases only; for PostgreSQL use pg_restore, e.g. pg_restore --clean --if-exists --dbname "$DATABASE_URL" claimdesk.dump');
    }
    if (target.path === ':memory:') throw new RefusedError('an in-memory database (sqlite::memory:) cannot be restored into');
    const backup = context.resolvePath(args.positionals[0]);
    if (!existsSync(backup)) throw new DomainError('not_found', `backup ${backup} does not exist`);
    if (backup === target.path) throw new RefusedError(`${backup} is the database itself`);

    const replacing = existsSync(target.path) && statSync(target.path).size > 0;
    if (replacing && !args.flag('force')) throw new RefusedError(`database ${target.path} exists; add --force to replace it with ${backup}`);

    const source = new Database(backup, { readonly: true, fileMustExist: true });
    const temporary = `${target.path}.restore-${randomBytes(6).toString('hex')}`;
    try {
      const problem = backupProblem(source);
      if (problem) throw new Error(`${backup} cannot be restored: ${problem}`);
      if (replacing && inUseByOthers(target.path)) {
        throw new RefusedError(`database ${target.path} is in use (a running desk or command has it open); stop it first`);
      }
      // A consistent, self-contained copy beside the database (same file system, so the rename is atomic).
      createPrivateFile(temporary);
      await source.backup(temporary);
      const copy = new Database(temporary);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      // A -wal left beside the old file would be replayed into the restored one.
      for (const suffix of SQLITE_COMPANIONS) rmSync(`${target.path}${suffix}`, { force: true });
      renameSync(temporary, target.path);
    } finally {
      source.close();
      for (const suffix of ['', ...SQLITE_COMPANIONS]) rmSync(`${temporary}${suffix}`, { force: true });
    }
    context.io.stderr.write(`Restored ${backup} into ${target.path}; integrity ok\n`);
    context.io.stdout.write(`${target.path}\n`);
  },
};
