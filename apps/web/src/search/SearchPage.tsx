import { useEffect, useState } from 'react';
import { ApiError } from '../api/http';
import { articlePath, Link, navigate, searchPath, useLocation } from '../routing/router';
import { SEARCH_TYPE_LABELS, SEARCH_TYPE_NAMES, SEARCH_TYPES, SearchPage as Page, SearchResult, SearchType, searchDesk } from './search-api';
import { snippetParts } from './snippet-parts';

const PAGE_SIZE = 20;

/** Marked words as <mark>, the rest as text: the snippet is never read as HTML. */
function Snippet({ snippet }: { snippet: string }) {
  return (
    <p className="search-snippet">
      {snippetParts(snippet).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </p>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  const title = result.title || '(untitled)';
  return (
    <li className="search-result" data-testid="search-result" data-type={result.type}>
      <span className={`search-type search-type-${result.type}`}>{SEARCH_TYPE_NAMES[result.type]}</span>
      {result.articleId
        ? <Link href={articlePath(result.articleId, result.claimId)} className="search-title">{title}</Link>
        : <span className="search-title">{title} <span className="muted">(not attached to a claim)</span></span>}
      <Snippet snippet={result.snippet} />
    </li>
  );
}

const typesFrom = (value: string | null): SearchType[] =>
  (value ?? '').split(',').filter((t): t is SearchType => (SEARCH_TYPES as readonly string[]).includes(t));

/** Results of a search across the desk, best first, with type filters and paging. */
export function SearchPage() {
  const { params } = useLocation();
  const q = params.get('q') ?? '';
  const types = typesFrom(params.get('type'));
  const typeKey = types.join(',');
  const cursor = params.get('cursor');
  const [page, setPage] = useState<Page | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [trail, setTrail] = useState<Array<string | null>>([]);

  useEffect(() => {
    document.title = q ? `Search: ${q} — ClaimDesk` : 'Search — ClaimDesk';
    if (!q.trim()) {
      setPage(null);
      return;
    }
    const abort = new AbortController();
    setError(null);
    searchDesk({ q, type: typeKey ? (typeKey.split(',') as SearchType[]) : undefined, cursor, limit: PAGE_SIZE }, abort.signal).then(setPage, (e: unknown) => {
      if ((e as Error).name !== 'AbortError') setError(e instanceof ApiError ? e.message : 'The search could not be run.');
    });
    return () => abort.abort();
  }, [q, typeKey, cursor]);

  const toggle = (type: SearchType): void => {
    const next = types.includes(type) ? types.filter((t) => t !== type) : [...types, type];
    setTrail([]);
    navigate(searchPath(q, SEARCH_TYPES.filter((t) => next.includes(t)).join(',')), { replace: true });
  };
  const goTo = (next: string | null): void => navigate(searchPath(q, typeKey, next));

  return (
    <main id="main" className="page">
      <h1>Search</h1>
      {q && <p className="muted" data-testid="search-summary">Results for “{q}”</p>}
      <fieldset className="search-filters">
        <legend>Show only</legend>
        {SEARCH_TYPES.map((type) => (
          <label key={type} className="search-filter">
            <input type="checkbox" checked={types.includes(type)} onChange={() => toggle(type)} /> {SEARCH_TYPE_LABELS[type]}
          </label>
        ))}
      </fieldset>
      {error && <p className="callout callout-error" role="alert">{error}</p>}
      {!q.trim() && <p className="empty">Type words in the search box above. Put “quoted phrases” in quotation marks.</p>}
      <div aria-live="polite">
        {page && page.items.length === 0 && <p className="empty" data-testid="search-empty">Nothing matches “{q}”.</p>}
      </div>
      {page && page.items.length > 0 && (
        <ol className="search-results" aria-label="Search results, best first">
          {page.items.map((result) => <ResultItem key={`${result.type}:${result.id}`} result={result} />)}
        </ol>
      )}
      {page && (cursor || page.nextCursor) && (
        <nav className="pager" aria-label="Pages">
          <button type="button" className="button" disabled={!cursor} onClick={() => { setTrail(trail.slice(0, -1)); goTo(trail[trail.length - 1] ?? null); }}>
            ← Previous
          </button>
          <button type="button" className="button" disabled={!page.nextCursor} onClick={() => { setTrail([...trail, cursor]); goTo(page.nextCursor); }}>
            Next →
          </button>
        </nav>
      )}
    </main>
  );
}
