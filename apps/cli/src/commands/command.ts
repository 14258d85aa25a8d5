import type { INestApplicationContext } from '@nestjs/common';
import type { Settings } from '@claimdesk/core';
import type { DataSource } from 'typeorm';
import type { OptionSpec, ParsedArgs, PositionalSpec } from '../args';
import type { CliIo } from '../cli-io';

/** What a command gets besides its arguments. */
export interface CommandContext {
  readonly io: CliIo;
  readonly settings: Settings;
  readonly verbose: boolean;
  /** Boots the desk (the API's modules, no HTTP; migrations run), runs `work`, closes it. */
  withDesk<T>(work: (desk: INestApplicationContext) => Promise<T>): Promise<T>;
  /** A bare connection with the desk's settings, migrations NOT run: for migrate and backup. */
  withDataSource<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T>;
  /** A file argument as an absolute path. */
  resolvePath(path: string): string;
}

export interface Command {
  /** As typed: `import`, `users add`. */
  readonly name: string;
  /** One line, for the list of commands. */
  readonly summary: string;
  readonly positionals: readonly PositionalSpec[];
  readonly options: Record<string, OptionSpec>;
  /** Paragraphs shown under the usage line. */
  readonly description: string;
  readonly examples: readonly string[];
  /** Returns the exit code (0 unless said); throws to fail. */
  run(args: ParsedArgs, context: CommandContext): Promise<number | void>;
}
