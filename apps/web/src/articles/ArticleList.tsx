import { FormEvent, useEffect, useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import type { ArticlePage, ClaimCountsByArticle } from '../api/types';
import { useCurrentUser } from '../auth/session';
import { formatDate } from '../lib/format';
import { usePeople } from '../lib/people';
import { articlePath, Link, navigate, useLocation } from '../routing/router';
import { ClaimCountsBadge } from './ClaimCountsBadge';
import { ImportExampleButton } from './ImportExampleButton';
import { AssigneeBadge } from '../work/AssigneeBadge';

const PAGE_SIZE = 20;

interface ListState {
  q?: string;
  assignee?: string;
  cursor?: string | null;
}

/** The desk's articles, newest first, with search, the assignee filter (`?assignee=me|none|<id>`), paging, claim counts and who works on each. */
export function ArticleList() {
  const { params } = useLocation();
  const me = useCurrentUser();
  const people = usePeople();
  const q = params.get('q') ?? '';
  const assignee = params.get('assignee') ?? '';
  const cursor = params.get('cursor');
  const [page, setPage] = useState<ArticlePage | null>(null);
  const [counts, setCounts] = useState<ClaimCountsByArticle>({});
  const [error, setError] = useState<string | null>(null);
  const [search, setSearch] = useState(q);
  // Cursors of the pages before this one, so "Previous" can go back.
  const [trail, setTrail] = useState<Array<string | null>>([]);

  useEffect(() => setSearch(q), [q]);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    articles.list({ q: q || undefined, assignee: assignee || undefined, cursor, limit: PAGE_SIZE }, { signal: abort.signal }).then(
      (result) => {
        setPage(result);
        if (result.items.length === 0) return;
        articles.claimCounts(result.items.map((a) => a.id)).then(setCounts, () => setCounts({}));
      },
      (e: unknown) => {
        if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e.message : 'The articles could not be loaded.');
      },
    );
    return () => abort.abort();
  }, [q, assignee, cursor]);

  const go = (next: ListState): void => {
    const query = new URLSearchParams();
    if (next.q) query.set('q', next.q);
    if (next.assignee) query.set('assignee', next.assignee);
    if (next.cursor) query.set('cursor', next.cursor);
    const qs = query.toString();
    navigate(qs ? `/?${qs}` : '/');
  };

  const submitSearch = (event: FormEvent): void => {
    event.preventDefault();
    setTrail([]);
    go({ q: search.trim(), assignee });
  };

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>Articles</h1>
        <Link href="/import" className="button button-primary">Import article</Link>
      </div>
      <form role="search" className="search-row" onSubmit={submitSearch}>
        <label htmlFor="article-search">Search titles and text</label>
        <input id="article-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="submit" className="button">Search</button>
        {q && <button type="button" className="button button-quiet" onClick={() => { setTrail([]); go({ assignee }); }}>Clear</button>}
        <label htmlFor="article-assignee">Assigned to</label>
        <select id="article-assignee" value={assignee} onChange={(e) => { setTrail([]); go({ q, assignee: e.target.value }); }}>
          <option value="">Anyone or nobody</option>
          <option value="me">Me</option>
          <option value="none">Nobody</option>
          {people.filter((p) => p.id !== me.id).map((p) => <option key={p.id} value={p.id}>{p.displayName}</option>)}
        </select>
      </form>
      {error && <p className="callout callout-error" role="alert">{error}</p>}
      {page && page.items.length === 0 && (
        <div className="empty">
          <p>{q || assignee ? 'No article matches these filters.' : 'No articles yet. Import one to start checking.'}</p>
          {!q && !assignee && !cursor && <ImportExampleButton />}
        </div>
      )}
      {page && page.items.length > 0 && (
        <table className="article-table">
          <caption className="visually-hidden">Articles, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Claims</th>
              <th scope="col">Assigned</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((article) => (
              <tr key={article.id} data-testid="article-row">
                <td><Link href={articlePath(article.id)} className="article-link">{article.title}</Link></td>
                <td>{article.publisher ?? <span className="muted">—</span>}</td>
                <td>{formatDate(article.publishedAt) || <span className="muted">—</span>}</td>
                <td><ClaimCountsBadge counts={counts[article.id]} /></td>
                <td>{article.assigneeId || article.dueAt
                  ? <AssigneeBadge assigneeId={article.assigneeId} dueAt={article.dueAt} />
                  : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav className="pager" aria-label="Pages">
        <button type="button" className="button" disabled={!cursor} onClick={() => { const back = trail.slice(0, -1); go({ q, assignee, cursor: trail[trail.length - 1] ?? null }); setTrail(back); }}>
          ← Newer
        </button>
        <button type="button" className="button" disabled={!page?.nextCursor} onClick={() => { setTrail([...trail, cursor]); go({ q, assignee, cursor: page?.nextCursor }); }}>
          Older →
        </button>
      </nav>
    </main>
  );
}
