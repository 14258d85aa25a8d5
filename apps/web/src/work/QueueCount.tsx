import { useCallback, useEffect, useRef, useState } from 'react';
import { work } from '../api/desk';
import { useQueueChanges } from '../live/MyEvents';
import { Link, useLocation } from '../routing/router';

/**
 * "My work" in the header, with how many items wait for me: asked on every change of screen and
 * whenever `/me/events` says something entered or left my queue (a notification, or `queue.changed`).
 */
export function QueueCount() {
  const location = useLocation();
  const [total, setTotal] = useState<number | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const load = useCallback((): void => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    void work.counts({ signal: controller.signal }).then((counts) => setTotal(counts.total)).catch(() => undefined);
  }, []);

  useEffect(() => {
    load();
  }, [load, location.path, location.params.toString()]);

  useEffect(() => () => inFlight.current?.abort(), []);
  useQueueChanges(load);

  return (
    <Link href="/work" className="queue-link" data-testid="queue-count" aria-current={location.path === '/work' ? 'page' : undefined}>
      My work{total !== null && total > 0 && <> <span className="count-badge">{total}<span className="visually-hidden"> waiting</span></span></>}
    </Link>
  );
}
