import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';

/** Markdown rendered safely (lib/markdown: no raw HTML, safe links). */
export function Markdown({ source }: { source: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
