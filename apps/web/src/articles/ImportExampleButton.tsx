import { useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import { useNotices } from '../layout/notices';
import { articlePath, navigate } from '../routing/router';
import { loadExampleArticle } from './example-article';

/** A newcomer's first minute: one click to an article worth checking, on a desk that has none. */
export function ImportExampleButton() {
  const { notify } = useNotices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const importExample = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      const article = await articles.create(await loadExampleArticle());
      notify(`Imported “${article.title}”.`, 'success');
      navigate(articlePath(article.id));
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The example could not be imported.');
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button button-primary" disabled={busy} onClick={() => void importExample()}>
        {busy ? 'Importing…' : 'Import the example article'}
      </button>
      {error && <p className="callout callout-error" role="alert">{error}</p>}
    </>
  );
}
