import type { Command } from './command';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations and say which',
  positionals: [],
  options: {},
  description:
    'Applies the migrations the database has not had yet, in one transaction, and prints their names;\n' +
    'or says the database is up to date. The API and every other command apply them at start anyway:\n' +
    'this is for upgrading on purpose (after a backup), or preparing an empty database.',
  examples: ['claimdesk backup before-upgrade.sqlite && claimdesk migrate'],

  async run(_args, context) {
    const { applied, known } = await context.withDataSource(async (dataSource) => ({
      applied: await dataSource.runMigrations(),
      known: dataSource.migrations.length,
    }));
    const { stdout } = context.io;
    for (const migration of applied) stdout.write(`Applied ${migration.name}\n`);
    stdout.write(
      applied.length
        ? `Database is up to date (${applied.length} of ${known} migrations applied now).\n`
        : `Database is up to date: no pending migrations (${known} applied earlier).\n`,
    );
  },
};
