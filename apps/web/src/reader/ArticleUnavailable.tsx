import type { ApiError } from '../api/http';
import { Link } from '../routing/router';

/** The page shown when an article's workspace cannot be loaded: unknown article, or an error. */
export function ArticleUnavailable({ error }: { error: ApiError }) {
  return (
    <main id="main" className="page">
      <h1>{error.status === 404 ? 'Article not found' : 'The article could not be loaded'}</h1>
      <p role="alert">{error.message}</p>
      <p><Link href="/">Back to the articles</Link></p>
    </main>
  );
}
