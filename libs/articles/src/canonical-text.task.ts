import type { HeavyTask } from '@claimdesk/core';
import { ArticleFormat, toCanonicalText } from '@claimdesk/text';

/** Markdown/HTML/plain content → canonical text: up to 5 MiB of parsing, so a worker's job when large. */
export const canonicalTextTask: HeavyTask<{ format: ArticleFormat; content: string }, string> = {
  name: 'canonical-text',
  run: ({ format, content }) => toCanonicalText(format, content),
  size: ({ content }) => content.length,
};
