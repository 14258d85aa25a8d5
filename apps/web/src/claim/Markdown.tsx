import { useMemo } from 'react';
import { renderMarkdown } from '../lib/markdown';
import { usePeople } from '../lib/people';

/** Markdown rendered safely (lib/markdown: no raw HTML, safe links). */
export function Markdown({ source }: { source: string }) {
  const people = usePeople();
  const html = useMemo(() => renderMarkdown(source, people), [source, people]);
  return <div className="markdown" dangerouslySetInnerHTML={{ __html: html }} />;
}
