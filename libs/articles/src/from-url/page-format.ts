import type { ArticleFormat } from '@claimdesk/text';

/** The media type of a Content-Type header value, lower case, without parameters. */
export const mediaTypeOf = (contentType: string | null): string => (contentType ?? '').split(';')[0].trim().toLowerCase();

/**
 * How a fetched page is imported: HTML (also when the server names no type), plain text or Markdown;
 * anything else (PDF, images, JSON, …) is not an article the desk can read: null.
 */
export function articleFormatOf(contentType: string | null): ArticleFormat | null {
  const type = mediaTypeOf(contentType);
  if (type === '' || type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain') return 'text';
  if (type === 'text/markdown' || type === 'text/x-markdown') return 'markdown';
  return null;
}
