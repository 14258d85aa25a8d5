import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';

/** The desk's data (notes, drafts, password hashes) is for the user it runs as only. */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIRECTORY_MODE = 0o700;

/** Files SQLite keeps beside a database; it creates them with the database file's mode. */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/** Creates `path` (and any missing directory, 0700) as an empty file only its owner can read and write. */
export function createPrivateFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

/** Makes a database file and whichever companions exist readable by their owner only (older desks made them 0644). */
export function makeDatabaseFilesPrivate(path: string): void {
  for (const file of [path, ...SQLITE_COMPANIONS.map((suffix) => `${path}${suffix}`)]) {
    if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
  }
}
