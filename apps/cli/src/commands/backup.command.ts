import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { DomainError } from '@claimdesk/core';
import { parseDatabaseUrl, PRIVATE_FILE_MODE, sqliteConnection } from '@claimdesk/database';
import { RefusedError } from '../exit-codes';
import { progressOn } from '../progress';
import type { Command } from './command';

/**
 * Pages copied per step: about 2% of the database, at least better-sqlite3's default of 100. In WAL
 * mode the reading step does not block the API's writers; a write by another connection restarts the
 * copy, so each restart doubles the step, and a busy desk cannot keep the backup from finishing.
 */
const stepFor = (totalPages: number): number => Math.max(100, Math.ceil(totalPages / 50));

const mebibytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the SQLite database consistently, while the API may be running',
  positionals: [{ name: 'file', description: 'where to write the copy', required: true }],
  options: {
    force: { type: 'boolean', description: 'overwrite the file if it exists' },
  },
  description:
    'An online backup through SQLite\'s backup API: a consistent copy even while the API writes, with\n' +
    'a progress bar on stderr when it is a terminal. The copy is one self-contained file (no -wal),\n' +
    'checked with PRAGMA quick_check; restore by stopping the API and putting it in place of the\n' +
    'database file. Migrations are not run first. Prints the path of the copy.\n' +
    'PostgreSQL is refused (exit code 4): use pg_dump there.',
  examples: ['claimdesk backup backups/claimdesk-$(date +%F).sqlite'],

  async run(args, context) {
    const target = parseDatabaseUrl(context.settings.databaseUrl);
    if (target.kind === 'postgres') {
      throw new RefusedError('backup copies SQLite databases only; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=claimdesk.dump "$DATABASE_URL"');
    }
    if (target.path === ':memory:') throw new RefusedError('an in-memory database (sqlite::memory:) has nothing to back up');
    // Opening a missing database would create an empty one, and the backup would copy nothing.
    if (!existsSync(target.path)) throw new DomainError('not_found', `database ${target.path} does not exist (DATABASE_URL=${context.settings.databaseUrl})`);
    const copy = context.resolvePath(args.positionals[0]);
    if (copy === target.path) throw new RefusedError(`${copy} is the database itself`);
    if (existsSync(copy)) {
      if (!args.flag('force')) throw new RefusedError(`${copy} already exists; add --force to overwrite it`);
      // A stale -wal beside the old file would be replayed into the new copy when it is opened.
      await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => rm(`${copy}${suffix}`, { force: true })));
    }

    // The copy holds everything the database does: 0600 from the start (SQLite would create it 0644).
    // A missing directory is left for the backup to report.
    if (existsSync(dirname(copy))) closeSync(openSync(copy, 'w', PRIVATE_FILE_MODE));
    const progress = progressOn(context.io.stderr);
    const result = await context.withDataSource(async (dataSource) => {
      // The better-sqlite3 driver's own connection: the copy goes through SQLite's backup API.
      const db = sqliteConnection(dataSource);
      const pageSize = Number(db.pragma('page_size', { simple: true }));
      let step = 0;
      let lastRemaining = Infinity;
      let restarts = 0;
      try {
        const done = await db.backup(copy, {
          progress({ totalPages, remainingPages }) {
            if (step === 0) step = stepFor(totalPages);
            if (remainingPages > lastRemaining) {
              restarts++;
              step *= 2;
            }
            lastRemaining = remainingPages;
            progress.update((totalPages - remainingPages) / totalPages, `backup ${totalPages - remainingPages}/${totalPages} pages`);
            return step;
          },
        });
        progress.update(1, `backup ${done.totalPages}/${done.totalPages} pages`);
        return { pages: done.totalPages, bytes: done.totalPages * pageSize, restarts };
      } finally {
        progress.done();
      }
    });

    const check = new Database(copy);
    let integrity: string;
    try {
      // One self-contained file: the API switches it back to WAL when it opens it.
      check.pragma('journal_mode = DELETE');
      integrity = String(check.pragma('quick_check', { simple: true }));
    } finally {
      check.close();
    }
    chmodSync(copy, PRIVATE_FILE_MODE);
    if (integrity !== 'ok') throw new Error(`the copy ${copy} failed its integrity check: ${integrity}`);
    const restarted = result.restarts ? `, restarted ${result.restarts} time${result.restarts === 1 ? '' : 's'} by concurrent writes` : '';
    context.io.stderr.write(`Backed up ${target.path} (${result.pages} pages, ${mebibytes(result.bytes)}${restarted}); integrity ok\n`);
    context.io.stdout.write(`${copy}\n`);
  },
};
