import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { Settings } from '@claimdesk/core';
import { dataSourceOptions, parseDatabaseUrl } from '@claimdesk/database';
import { CliModule } from './cli.module';
import type { CliIo } from './cli-io';
import { CliLogger } from './logger';

/**
 * Boots the desk as a Nest standalone application (migrations run, as at every API start, and an
 * empty desk gets its first admin), runs `work`, and always closes it.
 */
export async function withDesk<T>(settings: Settings, io: CliIo, verbose: boolean, work: (desk: INestApplicationContext) => Promise<T>): Promise<T> {
  const desk = await stdoutToStderr(io, () =>
    NestFactory.createApplicationContext(CliModule.forRoot(settings), {
      logger: new CliLogger(io.stderr, settings.logLevel, verbose),
      // Fail with an error we can report, instead of Nest's default process.abort().
      abortOnError: false,
    }),
  );
  try {
    return await work(desk);
  } finally {
    await desk.close();
  }
}

/**
 * A bare connection with the desk's connection settings (WAL, busy timeout), without running
 * migrations: `migrate` reports what it applies, and `backup` must copy the database as it is
 * (a backup is what one takes before an upgrade migrates it).
 */
export async function withDataSource<T>(settings: Settings, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(parseDatabaseUrl(settings.databaseUrl)));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * UsersService.ensureFirstAdmin() prints the generated password of a new desk's admin to
 * process.stdout. Stdout carries only a command's output (pipes rely on it), so while the desk
 * boots anything written there goes to stderr instead; the person at the terminal still sees it.
 */
async function stdoutToStderr<T>(io: CliIo, boot: () => Promise<T>): Promise<T> {
  const original = process.stdout.write;
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const callback = rest.find((r): r is () => void => typeof r === 'function');
    return io.stderr.write(chunk, callback);
  }) as typeof process.stdout.write;
  try {
    return await boot();
  } finally {
    process.stdout.write = original;
  }
}
