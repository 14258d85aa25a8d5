import { backupCommand } from './backup.command';
import type { Command } from './command';
import { exportCommand } from './export.command';
import { factChecksImportCommand } from './fact-checks-import.command';
import { importCommand } from './import.command';
import { migrateCommand } from './migrate.command';
import { notificationsSendDigestCommand } from './notifications-send-digest.command';
import { reportCommand } from './report.command';
import { restoreCommand } from './restore.command';
import { searchRebuildCommand } from './search-rebuild.command';
import { usersAddCommand } from './users-add.command';
import { usersListCommand } from './users-list.command';

/** Every command, in the order `claimdesk --help` lists them. */
export const COMMANDS: readonly Command[] = [
  importCommand,
  exportCommand,
  reportCommand,
  factChecksImportCommand,
  usersAddCommand,
  usersListCommand,
  backupCommand,
  restoreCommand,
  migrateCommand,
  notificationsSendDigestCommand,
  searchRebuildCommand,
];

/** Commands with a sub-command (`users add`): the first word. */
export const GROUPS: ReadonlySet<string> = new Set(COMMANDS.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]));

export type { Command, CommandContext } from './command';
