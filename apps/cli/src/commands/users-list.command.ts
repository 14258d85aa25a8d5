import { UsersService, UserView } from '@claimdesk/identity';
import { allUsers } from '../actor';
import type { Command } from './command';

/** Columns padded to their widest value; the last one is left ragged. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, i) => Math.max(header[i].length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}

export const usersListCommand: Command = {
  name: 'users list',
  summary: 'list the users, oldest first',
  positionals: [],
  options: {
    json: { type: 'boolean', description: 'print a JSON array of users (never password hashes)' },
  },
  description: 'Every user of the desk, oldest first: id, e-mail, role, name, and whether they are disabled.',
  examples: ['claimdesk users list', "claimdesk users list --json | jq -r '.[] | select(.role == \"admin\") | .email'"],

  async run(args, context) {
    const users = await context.withDesk(async (desk) => {
      const all: UserView[] = [];
      for await (const user of allUsers(desk.get(UsersService))) all.push(user);
      return all;
    });
    if (args.flag('json')) {
      context.io.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
      return;
    }
    context.io.stdout.write(
      table(['ID', 'EMAIL', 'ROLE', 'STATUS', 'NAME'], users.map((u) => [u.id, u.email, u.role, u.disabled ? 'disabled' : 'active', u.displayName])),
    );
  },
};
