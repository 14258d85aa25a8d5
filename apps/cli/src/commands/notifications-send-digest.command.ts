import { MailOutbox } from '@claimdesk/notifications';
import { ExitCode } from '../exit-codes';
import type { Command } from './command';

export const notificationsSendDigestCommand: Command = {
  name: 'notifications send-digest',
  summary: 'send today\'s notification digests by e-mail now',
  positionals: [],
  options: {},
  description: 'Sends each person who chose a daily digest the notifications that waited for it, once per UTC day '
    + '(a person whose digest for today went out already gets none). Needs CLAIMDESK_SMTP_URL. Safe to run from cron '
    + 'while the API runs.',
  examples: ['claimdesk notifications send-digest'],

  async run(_args, context) {
    if (!context.settings.mail) {
      context.io.stderr.write('claimdesk: config: CLAIMDESK_SMTP_URL is not set, so the desk sends no mail\n');
      return ExitCode.config;
    }
    const sent = await context.withDesk((desk) => desk.get(MailOutbox).sendDigests(new Date()));
    context.io.stdout.write(`${sent} digest${sent === 1 ? '' : 's'} sent\n`);
  },
};
