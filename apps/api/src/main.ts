import 'reflect-metadata';
import { readSettings, SettingsError } from '@claimdesk/core';
import { createApp } from './create-app';
import { limitHeapGrowth } from './heap-growth';

async function main(): Promise<void> {
  limitHeapGrowth();
  let settings;
  try {
    settings = readSettings();
  } catch (error) {
    // A bad value stops the start with a message that names the variable.
    process.stderr.write(`ClaimDesk cannot start: ${(error as Error).message}\n`);
    process.exit(error instanceof SettingsError ? 78 : 1);
  }
  const app = await createApp(settings);
  await app.listen({ port: settings.port, host: settings.host });
  process.stdout.write(`ClaimDesk listening on ${settings.publicUrl} (API docs at ${settings.publicUrl}/api/docs)\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`ClaimDesk failed to start: ${error.message}\n`);
  process.exit(1);
});
