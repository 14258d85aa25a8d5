import { FormEvent, useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import { describedBy, FieldError } from '../layout/FieldError';
import { useNotices } from '../layout/notices';
import { articlePath, navigate } from '../routing/router';

/** Import by URL: the desk fetches the page itself (up to 15 s) and reads its text and metadata. */
export function ImportFromUrl() {
  const { notify } = useNotices();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const article = await articles.fromUrl({ url: url.trim() });
      notify(`Imported “${article.title}”.`, 'success');
      navigate(articlePath(article.id));
    } catch (e) {
      // fetch_forbidden and fetch_failed say why in their detail; a bad URL names the field.
      setError(e instanceof ApiError ? (e.fieldError('url') ?? e.message) : 'The page could not be imported.');
      setBusy(false);
    }
  };

  return (
    <form className="import-form" onSubmit={submit} noValidate aria-label="Import from the web" aria-busy={busy}>
      <fieldset>
        <legend>From the web</legend>
        <div className="field">
          <label htmlFor="import-page-url">Page address</label>
          <input id="import-page-url" type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)}
            aria-invalid={!!error} aria-describedby={describedBy('import-page-url', error ?? undefined)} disabled={busy} />
          <FieldError fieldId="import-page-url" message={error ?? undefined} />
        </div>
        {busy && <p className="muted small" role="status">Fetching the page… (up to 15 seconds)</p>}
        <div className="actions">
          <button type="submit" className="button" disabled={busy || !url.trim()}>{busy ? 'Fetching…' : 'Fetch and import'}</button>
        </div>
      </fieldset>
    </form>
  );
}
