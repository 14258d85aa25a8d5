import { isAbsolute, resolve } from 'node:path';
import { readSettings, Settings } from '@claimdesk/core';
import { parseDatabaseUrl } from '@claimdesk/database';
import { parseCommandArgs } from './args';
import type { CliIo, Env } from './cli-io';
import { Command, CommandContext, COMMANDS, GROUPS } from './commands';
import { withDataSource, withDesk } from './desk';
import { ConfigError, describeError, exitCodeOf, ExitCode, UsageError } from './exit-codes';
import { commandHelp, groupHelp, mainHelp } from './help';
import { CLI_VERSION } from './version';

/**
 * The whole command line as a function: arguments, streams and environment in, exit code out.
 * `main.ts` only wires the process to it; tests call it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo, env: Env = process.env): Promise<number> {
  // Wherever it is given, so that even a usage error can show its stack.
  const verbose = argv.includes('--verbose');
  try {
    const args = [...argv];
    // Global options come before the command.
    while (args.length && args[0].startsWith('-')) {
      const option = args.shift() as string;
      if (option === '--help' || option === '-h') return print(io, mainHelp(COMMANDS));
      if (option === '--version' || option === '-V') return print(io, `claimdesk ${CLI_VERSION}\n`);
      if (option !== '--verbose') throw new UsageError(`unknown option "${option}"`);
    }
    if (args.length === 0) {
      io.stderr.write(mainHelp(COMMANDS));
      return ExitCode.usage;
    }
    const found = findCommand(args);
    if ('help' in found) return print(io, found.help);
    const { command, rest } = found;
    const parsed = parseCommandArgs(command.name, rest, command.options, command.positionals);
    if (parsed.flag('help')) return print(io, commandHelp(command));

    const context = commandContext(io, cliSettings(env), verbose);
    return (await command.run(parsed, context)) ?? ExitCode.ok;
  } catch (error) {
    io.stderr.write(`claimdesk: ${describeError(error, verbose)}\n`);
    if (error instanceof UsageError) {
      io.stderr.write(`Run "claimdesk ${error.command ? `${error.command} ` : ''}--help" for usage.\n`);
    }
    return exitCodeOf(error);
  }
}

function print(io: CliIo, text: string): number {
  io.stdout.write(text);
  return ExitCode.ok;
}

type Found = { command: Command; rest: string[] } | { help: string };

/** `import …`, `users add …`; or help: `help [command]`, `users --help`. */
function findCommand(args: string[]): Found {
  const [first, second] = args;
  if (first === 'help') {
    const topic = args.slice(1).join(' ');
    const command = COMMANDS.find((c) => c.name === topic);
    if (!topic) return { help: mainHelp(COMMANDS) };
    if (command) return { help: commandHelp(command) };
    if (GROUPS.has(topic)) return { help: groupHelp(topic, COMMANDS) };
    throw new UsageError(`unknown command "${topic}"`);
  }
  if (GROUPS.has(first)) {
    if (second === '--help' || second === '-h') return { help: groupHelp(first, COMMANDS) };
    const members = COMMANDS.filter((c) => c.name.startsWith(`${first} `));
    if (second === undefined) throw new UsageError(`"${first}" needs a command: ${members.map((c) => c.name).join(', ')}`, first);
    const command = members.find((c) => c.name === `${first} ${second}`);
    if (!command) throw new UsageError(`unknown command "${first} ${second}"`, first);
    return { command, rest: args.slice(2) };
  }
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) throw new UsageError(`unknown command "${first}"`);
  return { command, rest: args.slice(1) };
}

/**
 * The API's settings from the same environment, but quiet: LOG_LEVEL is warn unless set, so that
 * stdout stays clean for pipes. A bad value is a configuration error naming the variable (78).
 */
function cliSettings(env: Env): Settings {
  const settings = readSettings(env.LOG_LEVEL?.trim() ? env : { ...env, LOG_LEVEL: 'warn' });
  try {
    parseDatabaseUrl(settings.databaseUrl);
  } catch (error) {
    // readSettings checks the shape; this catches the rest (e.g. a postgres:// URL with no database).
    throw new ConfigError((error as Error).message);
  }
  return settings;
}

function commandContext(io: CliIo, settings: Settings, verbose: boolean): CommandContext {
  const cwd = io.cwd ?? process.cwd();
  return {
    io,
    settings,
    verbose,
    withDesk: (work) => withDesk(settings, io, verbose, work),
    withDataSource: (work) => withDataSource(settings, work),
    resolvePath: (path) => (isAbsolute(path) ? path : resolve(cwd, path)),
  };
}
