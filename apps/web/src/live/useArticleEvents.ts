import { useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '../api/types';
import { nextRetryDelay } from './retry';

/** Every event type of an article's stream (API.md, Live updates); SSE named events need one listener each. */
export const LIVE_EVENT_TYPES = [
  'claim.created', 'claim.updated', 'claim.corrected', 'claim.deleted',
  'annotation.created', 'annotation.updated', 'annotation.deleted',
  'claim_source.created', 'claim_source.deleted',
  'verdict.created', 'verdict.updated', 'verdict.submitted', 'verdict.approved', 'verdict.rejected', 'verdict.published', 'verdict.retracted',
  'article.updated', 'article.revised',
  'claim.assigned', 'article.assigned',
] as const;

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** No event and no heartbeat for this long: the connection is dead even if the browser has not noticed. */
const SILENCE_MS = 50_000;

interface Handlers {
  onEvent: (event: LiveEvent) => void;
  /** After a reconnect with no event id to replay from: read the state afresh instead. */
  onResync: () => void;
}

/**
 * Follows an article's Server-Sent Events and tells the truth about the connection. The browser's own
 * EventSource retry is replaced by ours: on an error or a silence the stream is closed and opened again
 * with back-off (1 s, 2 s, 4 s … 30 s), from the last event id seen (`?lastEventId=`, replayed by the
 * server); a tab that has seen no event yet reloads what it shows instead. "Live" only once open.
 */
export function useArticleEvents(articleId: string, handlers: Handlers): LiveStatus {
  return useEventStream(`/api/v1/articles/${encodeURIComponent(articleId)}/events`, LIVE_EVENT_TYPES, handlers);
}

/** The same for any of the desk's event streams (an article's, `/me/events`): `types` are the event names to hear. */
export function useEventStream(path: string, types: readonly string[], handlers: Handlers): LiveStatus {
  const current = useRef(handlers);
  current.current = handlers;
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    let source: EventSource | null = null;
    let lastEventId: string | null = null;
    let attempt = 0;
    let everOpened = false;
    let retryTimer: number | undefined;
    let silenceTimer: number | undefined;
    let stopped = false;

    const heard = (): void => {
      window.clearTimeout(silenceTimer);
      silenceTimer = window.setTimeout(() => reconnect(), SILENCE_MS);
    };
    const receive = (message: MessageEvent<string>): void => {
      heard();
      if (message.lastEventId) lastEventId = message.lastEventId;
      try {
        current.current.onEvent(JSON.parse(message.data) as LiveEvent);
      } catch {
        // a malformed event is skipped; the next reload shows the truth anyway
      }
    };
    const connect = (): void => {
      const query = lastEventId ? `?lastEventId=${encodeURIComponent(lastEventId)}` : '';
      const opened = new EventSource(`${path}${query}`);
      source = opened;
      for (const type of types) opened.addEventListener(type, receive as EventListener);
      opened.addEventListener('heartbeat', heard);
      opened.onopen = () => {
        if (stopped || source !== opened) return;
        heard();
        setStatus('live');
        // Back after a break: what was missed is replayed from the last id; without one, reload it.
        if (everOpened && lastEventId === null) current.current.onResync();
        everOpened = true;
        attempt = 0;
      };
      opened.onerror = () => {
        if (source === opened) reconnect();
      };
    };
    const reconnect = (): void => {
      if (stopped) return;
      source?.close();
      source = null;
      window.clearTimeout(silenceTimer);
      window.clearTimeout(retryTimer);
      setStatus('reconnecting');
      retryTimer = window.setTimeout(connect, nextRetryDelay(attempt++));
    };

    connect();
    return () => {
      stopped = true;
      source?.close();
      window.clearTimeout(retryTimer);
      window.clearTimeout(silenceTimer);
    };
  }, [path]); // `types` is a constant list at each call site

  return status;
}
