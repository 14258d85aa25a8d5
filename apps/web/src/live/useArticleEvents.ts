import { useEffect, useRef, useState } from 'react';
import type { LiveEvent } from '../api/types';

/** Every event type of an article's stream (API.md, Live updates); SSE named events need one listener each. */
export const LIVE_EVENT_TYPES = [
  'claim.created', 'claim.updated', 'claim.deleted',
  'annotation.created', 'annotation.updated', 'annotation.deleted',
  'claim_source.created', 'claim_source.deleted',
  'verdict.created', 'verdict.updated', 'verdict.submitted', 'verdict.approved', 'verdict.rejected', 'verdict.published', 'verdict.retracted',
  'article.updated', 'article.revised',
] as const;

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * Subscribes to an article's Server-Sent Events. EventSource sends the session cookie and, when it
 * reconnects, Last-Event-ID, so the server replays what was missed.
 */
export function useArticleEvents(articleId: string, onEvent: (event: LiveEvent) => void): LiveStatus {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    const source = new EventSource(`/api/v1/articles/${encodeURIComponent(articleId)}/events`);
    const receive = (message: MessageEvent<string>): void => {
      try {
        handler.current(JSON.parse(message.data) as LiveEvent);
      } catch {
        // a malformed event is skipped; the next reload shows the truth anyway
      }
    };
    for (const type of LIVE_EVENT_TYPES) source.addEventListener(type, receive as EventListener);
    source.onopen = () => setStatus('live');
    source.onerror = () => setStatus('reconnecting');
    return () => source.close();
  }, [articleId]);

  return status;
}
