import { FormEvent, KeyboardEvent, useEffect, useRef, useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import type { Article, ArticleFormat, RevisionResult } from '../api/types';
import { FileDrop } from '../articles/FileDrop';
import { readArticleFile } from '../lib/file-format';
import { describedBy, FieldError } from '../layout/FieldError';

interface Props {
  /** The article as the reading view has it now (live: a newer version means someone else changed it). */
  article: Article;
  onRevised: (result: RevisionResult, before: Article) => void;
  onCancel: () => void;
  /** Fetch the reading view's workspace again. */
  reload: () => void;
}

/**
 * A corrected text for the article: the current canonical text to edit, or a dropped file. Saving
 * sends PUT /articles/:id/text with If-Match, so a change someone else saved in the meantime is
 * refused (412) instead of overwritten; the form then offers to start again from their text.
 */
export function ReviseTextForm({ article, onRevised, onCancel, reload }: Props) {
  const [base, setBase] = useState<Article>(article);
  // The canonical text is plain text whatever the article was imported as: edit it as such.
  const [format, setFormat] = useState<ArticleFormat>('text');
  const [content, setContent] = useState(article.text);
  const [fileName, setFileName] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [keptDraft, setKeptDraft] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const dirty = format !== 'text' || content !== base.text;
  const changedUnderneath = article.version > base.version;

  const readFile = (file: File): void => {
    void readArticleFile(file).then((read) => {
      if ('error' in read) return setLocalError(read.error);
      setLocalError(null);
      setContent(read.content);
      setFormat(read.format);
      setFileName(read.name);
    });
  };

  const cancel = (): void => {
    if (dirty && !window.confirm('Discard your changes to the text?')) return;
    onCancel();
  };

  /** Start again from the text as it is now saved; the user's own text stays on screen to copy from. */
  const startOver = async (): Promise<void> => {
    setLocalError(null);
    try {
      const latest = await articles.get(base.id);
      if (dirty) setKeptDraft(content);
      setBase(latest);
      setContent(latest.text);
      setFormat('text');
      setFileName(null);
      setConflict(false);
      setError(null);
      reload();
      heading.current?.focus();
    } catch (e) {
      setLocalError(e instanceof ApiError ? e.message : 'The article could not be reloaded.');
    }
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!dirty) {
      setLocalError('The text is unchanged. Edit it, or drop the corrected file, then save.');
      return;
    }
    setBusy(true);
    setError(null);
    setLocalError(null);
    try {
      const result = await articles.revise(base.id, { format, content }, base.version);
      onRevised(result, base);
    } catch (e) {
      setBusy(false);
      if (e instanceof ApiError && e.code === 'version_conflict') {
        setConflict(true);
        return;
      }
      if (e instanceof ApiError) setError(e);
      else setLocalError('The text could not be saved.');
    }
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    cancel();
  };

  const fieldError = (path: string): string | undefined => error?.fieldError(path);
  const generalError = localError ?? (error && !fieldError('content') && !fieldError('format') ? error.message : null);

  return (
    <section className="revise-form" aria-labelledby="revise-title" data-testid="revise-form">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <h2 id="revise-title" ref={heading} tabIndex={-1}>Update the article text</h2>
        <p className="muted small">
          Edit the text below or drop the corrected file. Saving makes revision {base.revision + 1}: every claim is placed
          again in the new text, and any that cannot be placed exactly are flagged for you to check.
        </p>
        {conflict ? (
          <div className="callout callout-warning" role="alert" data-testid="revise-conflict">
            <p><strong>Someone else changed this article after you opened the form.</strong> Your text has not been saved.</p>
            <p className="small">Reload to start again from the text as it is now saved; your version stays on screen so you can copy your changes into it.</p>
            <div className="actions">
              <button type="button" className="button button-primary" onClick={() => void startOver()}>Reload the article</button>
            </div>
          </div>
        ) : changedUnderneath && (
          <div className="callout callout-warning" role="alert" data-testid="revise-changed">
            <p>The article was changed while you were editing (it is now at revision {article.revision}). Saving will be refused.</p>
            <div className="actions">
              <button type="button" className="button button-small" onClick={() => void startOver()}>Reload the article</button>
            </div>
          </div>
        )}
        <FileDrop accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" onFile={readFile} />
        {fileName && <p className="muted" role="status">Loaded {fileName}.</p>}
        <div className="field field-narrow">
          <label htmlFor="revise-format">Format</label>
          <select id="revise-format" value={format} onChange={(e) => setFormat(e.target.value as ArticleFormat)} aria-invalid={!!fieldError('format')} aria-describedby={describedBy('revise-format', fieldError('format'))}>
            <option value="text">Plain text</option>
            <option value="markdown">Markdown</option>
            <option value="html">HTML</option>
          </select>
          <FieldError fieldId="revise-format" message={fieldError('format')} />
        </div>
        <div className="field">
          <label htmlFor="revise-content">New text</label>
          <textarea
            id="revise-content"
            rows={18}
            value={content}
            onChange={(e) => setContent(e.target.value)}
            aria-invalid={!!fieldError('content')}
            aria-describedby={describedBy('revise-content', fieldError('content'))}
            spellCheck
          />
          <FieldError fieldId="revise-content" message={fieldError('content')} />
        </div>
        {keptDraft !== null && (
          <details className="kept-draft" open>
            <summary>Your unsaved version</summary>
            <label htmlFor="revise-kept" className="visually-hidden">Your unsaved version (read-only)</label>
            <textarea id="revise-kept" rows={8} readOnly value={keptDraft} />
          </details>
        )}
        {generalError && <p className="callout callout-error" role="alert">{generalError}</p>}
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={busy || !content.trim()}>{busy ? 'Saving…' : 'Save new text'}</button>
          <button type="button" className="button button-quiet" onClick={cancel} aria-keyshortcuts="Escape">Cancel</button>
        </div>
      </form>
    </section>
  );
}
