import { FormEvent, useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import type { ArticleFormat, CreateArticle } from '../api/types';
import { readArticleFile } from '../lib/file-format';
import { describedBy, FieldError } from '../layout/FieldError';
import { useNotices } from '../layout/notices';
import { articlePath, navigate } from '../routing/router';
import { FileDrop } from './FileDrop';
import { ImportFromUrl } from './ImportFromUrl';

interface Draft {
  title: string;
  url: string;
  publisher: string;
  publishedAt: string;
  format: ArticleFormat;
  content: string;
}

const EMPTY: Draft = { title: '', url: '', publisher: '', publishedAt: '', format: 'text', content: '' };

/** Import an article: paste its text or drop a file, and give its metadata. */
export function ImportArticle() {
  const { notify } = useNotices();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]): void => setDraft((d) => ({ ...d, [key]: value }));

  const readFile = (file: File): void => {
    void readArticleFile(file).then((read) => {
      if ('error' in read) return setLocalError(read.error);
      setLocalError(null);
      setDraft((d) => ({ ...d, content: read.content, format: read.format }));
      setFileName(read.name);
    });
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const body: CreateArticle = { format: draft.format, content: draft.content };
    if (draft.title.trim()) body.title = draft.title.trim();
    if (draft.url.trim()) body.url = draft.url.trim();
    if (draft.publisher.trim()) body.publisher = draft.publisher.trim();
    if (draft.publishedAt) body.publishedAt = draft.publishedAt;
    try {
      const article = await articles.create(body);
      notify(`Imported “${article.title}”.`, 'success');
      navigate(articlePath(article.id));
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
      if (!(e instanceof ApiError)) setLocalError('The import failed.');
      setBusy(false);
    }
  };

  const fieldError = (path: string): string | undefined => error?.fieldError(path);

  return (
    <main id="main" className="page page-narrow">
      <h1>Import an article</h1>
      <ImportFromUrl />
      <form className="import-form" onSubmit={submit} noValidate>
        <fieldset>
          <legend>The text</legend>
          <FileDrop accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onFile={readFile} />
          {fileName && <p className="muted" role="status">Loaded {fileName}.</p>}
          <div className="field">
            <label htmlFor="article-format">Format</label>
            <select id="article-format" value={draft.format} onChange={(e) => set('format', e.target.value as ArticleFormat)}>
              <option value="text">Plain text</option>
              <option value="markdown">Markdown</option>
              <option value="html">HTML</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="article-content">Article text</label>
            <textarea
              id="article-content"
              rows={12}
              value={draft.content}
              onChange={(e) => set('content', e.target.value)}
              aria-describedby={describedBy('article-content', fieldError('content'))}
              aria-invalid={!!fieldError('content')}
              placeholder="Paste the article here"
            />
            <FieldError fieldId="article-content" message={fieldError('content')} />
          </div>
        </fieldset>
        <fieldset>
          <legend>About the article</legend>
          <div className="field">
            <label htmlFor="article-title">Title <span className="muted">(optional: defaults to the first line)</span></label>
            <input id="article-title" value={draft.title} onChange={(e) => set('title', e.target.value)} aria-invalid={!!fieldError('title')} aria-describedby={describedBy('article-title', fieldError('title'))} />
            <FieldError fieldId="article-title" message={fieldError('title')} />
          </div>
          <div className="field">
            <label htmlFor="article-url">URL</label>
            <input id="article-url" type="url" inputMode="url" value={draft.url} onChange={(e) => set('url', e.target.value)} aria-invalid={!!fieldError('url')} aria-describedby={describedBy('article-url', fieldError('url'))} />
            <FieldError fieldId="article-url" message={fieldError('url')} />
          </div>
          <div className="field-row">
            <div className="field">
              <label htmlFor="article-publisher">Publisher</label>
              <input id="article-publisher" value={draft.publisher} onChange={(e) => set('publisher', e.target.value)} aria-invalid={!!fieldError('publisher')} aria-describedby={describedBy('article-publisher', fieldError('publisher'))} />
              <FieldError fieldId="article-publisher" message={fieldError('publisher')} />
            </div>
            <div className="field">
              <label htmlFor="article-date">Published on</label>
              <input id="article-date" type="date" value={draft.publishedAt} onChange={(e) => set('publishedAt', e.target.value)} aria-invalid={!!fieldError('publishedAt')} aria-describedby={describedBy('article-date', fieldError('publishedAt'))} />
              <FieldError fieldId="article-date" message={fieldError('publishedAt')} />
            </div>
          </div>
        </fieldset>
        {(error || localError) && <p className="callout callout-error" role="alert">{localError ?? error?.message}</p>}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || !draft.content.trim()}>{busy ? 'Importing…' : 'Import article'}</button>
        </div>
      </form>
    </main>
  );
}
