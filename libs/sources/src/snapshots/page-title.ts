import { toCanonicalText } from '@claimdesk/text';

const TITLE = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i;

/** The `<title>` of an HTML page, entities decoded and white space collapsed; null when it has none. */
export function pageTitle(html: string): string | null {
  const inner = TITLE.exec(html)?.[1];
  if (inner === undefined) return null;
  const title = toCanonicalText('html', `<p>${inner}</p>`).replace(/\s+/g, ' ').trim();
  return title === '' ? null : title.slice(0, 500);
}
