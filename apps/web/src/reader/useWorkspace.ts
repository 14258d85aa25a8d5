import { useCallback, useEffect, useRef, useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import type { Workspace } from '../api/types';

export interface WorkspaceState {
  workspace: Workspace | null;
  error: ApiError | null;
  /** Fetches the workspace again; calls close together are merged into one request. */
  reload: () => void;
}

/** Everything the reading view shows, in one request (GET /articles/:id/workspace). */
export function useWorkspace(articleId: string): WorkspaceState {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<number | null>(null);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const abort = new AbortController();
    inFlight.current = abort;
    articles.workspace(articleId, { signal: abort.signal }).then(
      (next) => {
        setWorkspace(next);
        setError(null);
        document.title = `${next.article.title} · ClaimDesk`;
      },
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError({ title: 'Error', status: 0, code: 'unknown', detail: 'The article could not be loaded.' }));
      },
    );
  }, [articleId]);

  const reload = useCallback(() => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = null;
      load();
    }, 120);
  }, [load]);

  useEffect(() => {
    load();
    return () => {
      inFlight.current?.abort();
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, [load]);

  return { workspace, error, reload };
}
