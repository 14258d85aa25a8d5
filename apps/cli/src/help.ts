import { formatOptions, formatRows } from './args';
import type { Command } from './commands/command';
import { EXIT_CODES_HELP } from './exit-codes';

const ENVIRONMENT_HELP = [
  'Environment (the same as the API; a bad value stops with exit code 78):',
  '  DATABASE_URL   sqlite:<path> or postgres://user:pass@host:5432/db [default: sqlite:data/claimdesk.sqlite]',
  '  LOG_LEVEL      fatal|error|warn|info|debug|trace|silent [default for the CLI: warn]; logs go to stderr',
  '  CLAIMDESK_PUBLIC_URL, CLAIMDESK_REVIEW_URL, CLAIMDESK_ORG_NAME, CLAIMDESK_ORG_URL   used in reports',
  '  CLAIMDESK_ADMIN_EMAIL, CLAIMDESK_ADMIN_PASSWORD   the first admin of an empty desk',
].join('\n');

export function usageLine(command: Command): string {
  const positionals = command.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`)).join(' ');
  return `claimdesk ${command.name}${positionals ? ` ${positionals}` : ''} [options]`;
}

export function commandHelp(command: Command): string {
  const parts = [`Usage: ${usageLine(command)}`, command.description];
  if (command.positionals.length) {
    parts.push(`Arguments:\n${formatRows(command.positionals.map((p) => [`<${p.name}>`, p.description]))}`);
  }
  parts.push(`Options:\n${formatOptions(command.options)}`);
  if (command.examples.length) parts.push(`Examples:\n${command.examples.map((e) => `  ${e}`).join('\n')}`);
  parts.push(EXIT_CODES_HELP);
  return `${parts.join('\n\n')}\n`;
}

/** `claimdesk users --help`: the commands of a group. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  const members = commands.filter((c) => c.name.startsWith(`${group} `));
  return [
    `Usage: claimdesk ${group} <command> [options]`,
    `Commands:\n${formatRows(members.map((c) => [c.name, c.summary]))}`,
    `Run "claimdesk ${group} <command> --help" for a command's options.`,
  ].join('\n\n') + '\n';
}

export function mainHelp(commands: readonly Command[]): string {
  return [
    'Usage: claimdesk <command> [options]',
    'The ClaimDesk command line: works on the desk\'s database directly (the API may be running).\n' +
      'Command output goes to stdout; messages, progress and logs go to stderr.',
    `Commands:\n${formatRows(commands.map((c) => [c.name, c.summary]))}`,
    `Global options:\n${formatRows([
      ['-h, --help', 'show help (also after a command: claimdesk export --help)'],
      ['-V, --version', 'print the version'],
      ['    --verbose', 'show stack traces with errors'],
    ])}`,
    EXIT_CODES_HELP,
    ENVIRONMENT_HELP,
    'Run "claimdesk <command> --help" for a command\'s options. More in docs/cli.md.',
  ].join('\n\n') + '\n';
}
