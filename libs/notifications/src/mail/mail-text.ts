import type { NotificationType } from '../recipients';

/** What a mail says about one notification. */
export interface MailItem {
  type: NotificationType;
  actorName: string | null;
  articleId: string | null;
  articleTitle: string | null;
  claimId: string | null;
  quote: string | null;
}

export interface MailText {
  subject: string;
  text: string;
}

const WHAT: Record<NotificationType, string> = {
  assigned: 'assigned you',
  mentioned: 'mentioned you',
  reply: 'replied to your note',
  submitted: 'submitted a verdict for review',
  approved: 'approved your verdict',
  rejected: 'returned your verdict',
  published: 'published a verdict',
  corrected: 'published a correction',
};

const short = (text: string, max: number): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length <= max ? flat : `${[...flat].slice(0, max - 1).join('')}…`;
};

/** Where the reader opens it: the claim in its article, else the article. */
export function linkOf(item: Pick<MailItem, 'articleId' | 'claimId'>, publicUrl: string): string {
  return item.claimId ? `${publicUrl}/claims/${item.claimId}` : `${publicUrl}/articles/${item.articleId ?? ''}`;
}

/** One line: who did what, on which claim or article. */
export function describe(item: MailItem): string {
  const on = item.quote ? ` on “${short(item.quote, 80)}”` : item.articleTitle ? ` on “${short(item.articleTitle, 80)}”` : '';
  return `${item.actorName ?? 'Someone'} ${WHAT[item.type]}${on}`;
}

/** The mail sent at once for one notification. */
export function instantMail(item: MailItem, publicUrl: string): MailText {
  const line = describe(item);
  const where = item.articleTitle ? `\nArticle: ${item.articleTitle}` : '';
  return { subject: `[ClaimDesk] ${short(line, 120)}`, text: `${line}.${where}\n\nOpen it: ${linkOf(item, publicUrl)}\n` };
}

/** The daily digest: every notification of the day, oldest first. */
export function digestMail(items: readonly MailItem[], day: string, publicUrl: string): MailText {
  const lines = items.map((item) => `- ${describe(item)}\n  ${linkOf(item, publicUrl)}`);
  return {
    subject: `[ClaimDesk] ${items.length} notification${items.length === 1 ? '' : 's'} for ${day}`,
    text: `What happened on the desk for you:\n\n${lines.join('\n')}\n\nAll of them: ${publicUrl}/\n`,
  };
}
