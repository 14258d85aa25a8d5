import { articles } from '../api/desk';
import type { Workspace } from '../api/types';
import { matchRoute, type Location } from '../routing/router';

let early: { articleId: string; read: Promise<Workspace> } | null = null;

/**
 * Opening an article's link starts reading its workspace at once, beside the session check and the
 * page's scripts, instead of after them: the biggest answer of the page no longer waits for two others.
 */
export function readWorkspaceEarly(location: Location): void {
  const route = matchRoute(location);
  if (route.screen !== 'article') return;
  const read = articles.workspace(route.articleId);
  read.catch(() => undefined); // a failed early read is read again the ordinary way
  early = { articleId: route.articleId, read };
}

/** The early read of this article, once: later reads (a resync, a revision) go to the server. */
export function takeEarlyWorkspace(articleId: string): Promise<Workspace> | null {
  if (early?.articleId !== articleId) return null;
  const { read } = early;
  early = null;
  return read;
}
