import type { DeskServer, DeskUser } from './desk-server';

/** A claim's sentence: words of its own, so that its quote is unique in the article. */
const claimSentence = (i: number): string => `Delegate ${i} said the vote number ${i} was held in Dubai on day ${i} of the assembly.`;
export const quoteOf = (i: number): string => `vote number ${i} was held`;
/** Prose between claims in the big text (repeated words: no claim quotes them). */
const FILLER = 'The committee met again in the afternoon and the minutes of the session were read aloud to the members present.';

/** One claim sentence after another, five to a paragraph (as the 1,000-claim timings write them). */
export function manyClaimsText(claims: number): string {
  return Array.from({ length: Math.ceil(claims / 5) }, (_, p) => Array.from({ length: 5 }, (_, s) => claimSentence(p * 5 + s)).join(' ')).join('\n\n');
}

/** About `bytes` of prose in paragraphs of five sentences, with `claims` claim sentences spread evenly. */
export function bigText(bytes: number, claims: number): string {
  const paragraph = Array.from({ length: 5 }, () => FILLER).join(' ');
  const paragraphs = Math.ceil(bytes / (paragraph.length + 2));
  const every = Math.floor(paragraphs / claims);
  return Array.from({ length: paragraphs }, (_, p) => (p % every === 0 && p / every < claims ? `${claimSentence(p / every)} ${paragraph}` : paragraph)).join('\n\n');
}

/**
 * An article of `content` whose claims 0..claims-1 (`quoteOf`) are marked by W3C imports, not one
 * POST each (seconds, not minutes), and on whose first claim `colleague` has written a note: the
 * colleague is then in the article's directory, so that their later notes arrive as deltas (someone new
 * to an article is shown by reading the workspace again, whose directory names them).
 */
export async function seedArticle(desk: DeskServer, author: DeskUser, colleague: DeskUser, title: string, content: string, claims: number): Promise<string> {
  const articleId = (await desk.api<{ id: string }>('POST', '/articles', author.token, { format: 'text', title, content })).id;
  const created: string[] = [];
  // 1,000 to a request: the import's body limit is 256 KiB.
  for (let from = 0; from < claims; from += 1000) {
    const items = Array.from({ length: Math.min(1000, claims - from) }, (_, i) => ({ type: 'Annotation', target: { selector: { type: 'TextQuoteSelector', exact: quoteOf(from + i) } } }));
    const outcome = await desk.api<{ created: { claimId: string }[]; failed: unknown[] }>('POST', `/imports/annotations?articleId=${articleId}`, author.token, items);
    if (outcome.created.length !== items.length) throw new Error(`${outcome.created.length} of ${items.length} claims marked: ${JSON.stringify(outcome.failed.slice(0, 3))}`);
    created.push(...outcome.created.map((c) => c.claimId));
  }
  await desk.api('POST', `/claims/${created[0]}/annotations`, colleague.token, { body: 'Checking this one.' });
  return articleId;
}
