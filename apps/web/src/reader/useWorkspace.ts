import { useCallback, useEffect, useRef, useState } from 'react';
import { articles } from '../api/desk';
import { ApiError } from '../api/http';
import type { LiveEvent, Workspace } from '../api/types';
import { takeEarlyWorkspace } from './early-workspace';
import { applyLiveEvent } from './workspace-events';

export interface WorkspaceState {
  workspace: Workspace | null;
  error: ApiError | null;
  /** Fetches the workspace again; calls close together are merged into one request. */
  reload: () => void;
  /** Applies a live event to what is shown, without a request when the event carries the change. */
  apply: (event: LiveEvent) => void;
}

/**
 * Everything the reading view shows, in one request (GET /articles/:id/workspace), kept current by
 * live events applied as deltas: a colleague's note does not download the whole article again.
 */
export function useWorkspace(articleId: string): WorkspaceState {
  const [workspace, setWorkspace] = useState<Workspace | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef<AbortController | null>(null);
  const timer = useRef<number | null>(null);
  const held = useRef<Workspace | null>(null);
  // Events applied while a read is on its way: that read may have started before them, so they are
  // applied again on top of its answer (applying an event twice changes nothing).
  const sinceRead = useRef<LiveEvent[]>([]);

  const show = useCallback((next: Workspace) => {
    held.current = next;
    setWorkspace({ ...next });
  }, []);

  const load = useCallback(() => {
    inFlight.current?.abort();
    const abort = new AbortController();
    inFlight.current = abort;
    sinceRead.current = [];
    const early = takeEarlyWorkspace(articleId);
    const read = early ? early.catch(() => articles.workspace(articleId, { signal: abort.signal })) : articles.workspace(articleId, { signal: abort.signal });
    read.then(
      (read) => {
        if (abort.signal.aborted) return;
        if (inFlight.current === abort) inFlight.current = null;
        let next: Workspace = read;
        for (const event of sinceRead.current.splice(0)) next = applyLiveEvent(next, event) ?? next;
        show(next);
        setError(null);
        document.title = `${next.article.title} · ClaimDesk`;
      },
      (e: unknown) => {
        if ((e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError({ title: 'Error', status: 0, code: 'unknown', detail: 'The article could not be loaded.' }));
      },
    );
  }, [articleId, show]);

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

  const apply = useCallback((event: LiveEvent) => {
    const next = held.current ? applyLiveEvent(held.current, event) : null;
    if (!next) return reload();
    if (inFlight.current || timer.current !== null) sinceRead.current.push(event);
    show(next);
  }, [reload, show]);

  return { workspace, error, reload, apply };
}
