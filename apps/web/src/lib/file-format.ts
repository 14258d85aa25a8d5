import type { ArticleFormat } from '../api/types';

/** The article format a dropped or chosen file is in, from its name (or type); null when not supported. */
export function formatOfFile(name: string, type = ''): ArticleFormat | null {
  const lower = name.toLowerCase();
  if (/\.(md|markdown)$/.test(lower) || type === 'text/markdown') return 'markdown';
  if (/\.html?$/.test(lower) || type === 'text/html') return 'html';
  if (/\.txt$/.test(lower) || type === 'text/plain') return 'text';
  return null;
}
