import { randomBytes } from 'node:crypto';
import { ROLES } from '@claimdesk/core';
import { UsersService } from '@claimdesk/identity';
import { CreateUserDto } from '@claimdesk/identity/dto/user.dto';
import { validInput } from '../validation';
import type { Command } from './command';

const NAME = 'users add';

export const usersAddCommand: Command = {
  name: NAME,
  summary: 'create a user (a password is generated and printed unless given)',
  positionals: [],
  options: {
    email: { type: 'string', valueName: 'email', description: 'their e-mail address, used to sign in' },
    name: { type: 'string', valueName: 'name', description: 'the name shown to other users' },
    role: { type: 'string', valueName: 'role', choices: ROLES, description: 'what they may do' },
    password: { type: 'string', valueName: 'password', defaultHelp: 'generated, printed once', description: 'at least 12 characters, not a common one' },
    json: { type: 'boolean', description: 'print the user as JSON (with "password" when generated)' },
  },
  description:
    'Creates a user as POST /api/v1/users does (recorded in the audit log with no acting user).\n' +
    'A password on the command line is visible to other local users (ps, shell history): prefer the generated one.',
  examples: ['claimdesk users add --email ana@newsroom.example --name "Ana Reviewer" --role reviewer'],

  async run(args, context) {
    const generated = args.string('password') === undefined;
    const password = args.string('password') ?? randomBytes(18).toString('base64url');
    const input = await validInput(
      CreateUserDto,
      { email: args.required('email', NAME), displayName: args.required('name', NAME), role: args.required('role', NAME), password },
      { email: '--email', displayName: '--name', role: '--role', password: '--password' },
      NAME,
    );
    const user = await context.withDesk((desk) => desk.get(UsersService).create(null, input));
    const { stdout } = context.io;
    if (args.flag('json')) {
      stdout.write(`${JSON.stringify(generated ? { ...user, password } : user, null, 2)}\n`);
      return;
    }
    stdout.write(`Created ${user.role} ${user.email} (${user.id})\n`);
    if (generated) stdout.write(`Password (shown only this once): ${password}\n`);
  },
};
