/** A small history-API router: the UI has a handful of screens and deep links, not enough for a library. */
import { AnchorHTMLAttributes, MouseEvent, useEffect, useState } from 'react';

export interface Location {
  path: string;
  params: URLSearchParams;
}

const current = (): Location => ({ path: window.location.pathname, params: new URLSearchParams(window.location.search) });
const listeners = new Set<() => void>();

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === window.location.pathname + window.location.search) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  listeners.forEach((listener) => listener());
}

export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = (): void => setLocation(current());
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return location;
}

export type Route =
  | { screen: 'articles' }
  | { screen: 'work' }
  | { screen: 'import' }
  | { screen: 'article'; articleId: string; claimId: string | null }
  | { screen: 'revisions'; articleId: string; revision: number | null }
  | { screen: 'claim'; claimId: string }
  | { screen: 'webhooks' }
  | { screen: 'search' }
  | { screen: 'not-found' };

export function matchRoute(location: Location): Route {
  const path = location.path.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/articles') return { screen: 'articles' };
  if (path === '/import') return { screen: 'import' };
  if (path === '/admin/webhooks') return { screen: 'webhooks' };
  if (path === '/search') return { screen: 'search' };
  if (path === '/work') return { screen: 'work' };
  let match = /^\/articles\/([^/]+)$/.exec(path);
  if (match) return { screen: 'article', articleId: decodeURIComponent(match[1]), claimId: location.params.get('claim') };
  match = /^\/articles\/([^/]+)\/revisions(?:\/([1-9][0-9]{0,8}))?$/.exec(path);
  if (match) return { screen: 'revisions', articleId: decodeURIComponent(match[1]), revision: match[2] ? Number(match[2]) : null };
  match = /^\/claims\/([^/]+)$/.exec(path);
  if (match) return { screen: 'claim', claimId: decodeURIComponent(match[1]) };
  return { screen: 'not-found' };
}

export const articlePath = (articleId: string, claimId?: string | null): string =>
  `/articles/${encodeURIComponent(articleId)}${claimId ? `?claim=${encodeURIComponent(claimId)}` : ''}`;

/** The article's revisions, and one of them shown read-only. */
export const revisionsPath = (articleId: string, revision?: number | null): string =>
  `/articles/${encodeURIComponent(articleId)}/revisions${revision ? `/${revision}` : ''}`;

/** The search results page for `q`, optionally of some types only (comma-separated) and from a cursor. */
export function searchPath(q: string, type?: string | null, cursor?: string | null): string {
  const query = new URLSearchParams({ q });
  if (type) query.set('type', type);
  if (cursor) query.set('cursor', cursor);
  return `/search?${query.toString()}`;
}

/** An ordinary link that navigates inside the app (and still opens in a new tab with a modifier key). */
export function Link({ href, onClick, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  return <a href={href} onClick={follow} {...rest} />;
}
