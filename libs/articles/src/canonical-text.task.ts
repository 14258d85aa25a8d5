import type { HeavyTask } from '@claimdesk/core';
import { ArticleFormat, ImportedContent, importContent } from '@claimdesk/text';

/**
 * HTML parsing with main-content extraction costs several times what plain text does per character
 * (a DOM, Readability's scoring, then the text rules), so HTML counts four times its length: a page
 * over 8 Ki characters goes to a worker.
 */
const HTML_WEIGHT = 4;

/**
 * Markdown/HTML/plain content → canonical text (and an HTML page's metadata): up to 5 MiB of parsing,
 * so a worker's job when large.
 */
export const canonicalTextTask: HeavyTask<{ format: ArticleFormat; content: string }, ImportedContent> = {
  name: 'canonical-text',
  run: ({ format, content }) => importContent(format, content),
  size: ({ format, content }) => (format === 'html' ? HTML_WEIGHT : 1) * content.length,
};
