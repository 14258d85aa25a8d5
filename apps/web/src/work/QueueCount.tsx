import { useEffect, useState } from 'react';
import { work } from '../api/desk';
import { Link, useLocation } from '../routing/router';

/** How often the header asks again how much waits, besides on every change of screen. */
const REFRESH_MS = 60_000;

/** "My work" in the header, with how many items wait for me. */
export function QueueCount() {
  const location = useLocation();
  const [total, setTotal] = useState<number | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const load = (): void => void work.counts({ signal: controller.signal }).then((counts) => setTotal(counts.total)).catch(() => undefined);
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [location.path, location.params.toString()]);
  return (
    <Link href="/work" className="queue-link" data-testid="queue-count" aria-current={location.path === '/work' ? 'page' : undefined}>
      My work{total !== null && total > 0 && <> <span className="count-badge">{total}<span className="visually-hidden"> waiting</span></span></>}
    </Link>
  );
}
