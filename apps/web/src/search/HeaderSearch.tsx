import { FormEvent, useEffect, useState } from 'react';
import { matchRoute, navigate, searchPath, useLocation } from '../routing/router';
import './search.css';

/** The search box of the top bar: searches everything on the desk (the results page has the filters). */
export function HeaderSearch() {
  const location = useLocation();
  const onResults = matchRoute(location).screen === 'search';
  const current = onResults ? location.params.get('q') ?? '' : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (q.trim()) navigate(searchPath(q.trim(), onResults ? location.params.get('type') : null));
  };
  return (
    <form role="search" aria-label="Desk" className="header-search" onSubmit={submit}>
      <label htmlFor="desk-search" className="visually-hidden">Search articles, claims, notes, sources and verdicts</label>
      <input id="desk-search" type="search" name="q" placeholder="Search the desk" value={q} maxLength={500} onChange={(e) => setQ(e.target.value)} />
      <button type="submit" className="button">Search</button>
    </form>
  );
}
