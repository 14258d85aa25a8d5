import type { ArticleFormat } from '../api/types';

/** The article format a dropped or chosen file is in, from its name (or type); null when not supported. */
export function formatOfFile(name: string, type = ''): ArticleFormat | null {
  const lower = name.toLowerCase();
  if (/\.(md|markdown)$/.test(lower) || type === 'text/markdown') return 'markdown';
  if (/\.html?$/.test(lower) || type === 'text/html') return 'html';
  if (/\.txt$/.test(lower) || type === 'text/plain') return 'text';
  return null;
}

/** A file read as article content, or why it cannot be. */
export type ArticleFile = { content: string; format: ArticleFormat; name: string } | { error: string };

/** Reads a dropped or chosen file as article content, refusing formats the desk does not ingest. */
export async function readArticleFile(file: File): Promise<ArticleFile> {
  const format = formatOfFile(file.name, file.type);
  if (!format) return { error: `“${file.name}” is not a .txt, .md or .html file.` };
  return { content: await file.text(), format, name: file.name };
}
