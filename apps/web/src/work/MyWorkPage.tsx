import { useCallback, useEffect, useRef, useState } from 'react';
import { work } from '../api/desk';
import { ApiError } from '../api/http';
import type { QueueItem } from '../api/types';
import { ImportExampleButton } from '../articles/ImportExampleButton';
import { formatDate } from '../lib/format';
import { useQueueChanges } from '../live/MyEvents';
import { articlePath, Link } from '../routing/router';
import { DueDate } from './AssigneeBadge';
import { isOverdue, REASON_LABEL } from './due';

const excerpt = (quote: string, max = 120): string => (quote.length > max ? `${quote.slice(0, max - 1)}…` : quote);

/** The landing page after sign-in: everything that waits for me across all articles, due dates first, kept live. */
export function MyWorkPage() {
  const [items, setItems] = useState<QueueItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'more'>('loading');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async (after: string | null): Promise<void> => {
    setState(after ? 'more' : 'loading');
    setError(null);
    try {
      const page = await work.queue(after);
      setItems((shown) => (after ? [...shown, ...page.items] : page.items));
      setCursor(page.nextCursor);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'Your work could not be loaded.');
    } finally {
      setState('ready');
    }
  }, []);

  useEffect(() => {
    document.title = 'My work · ClaimDesk';
    void load(null);
  }, [load]);

  // What enters or leaves my queue while the page is open shows at once (the first page read again, quietly).
  useQueueChanges(() => void work.queue(null).then((page) => {
    setItems(page.items);
    setCursor(page.nextCursor);
  }, () => undefined));

  return (
    <main id="main" className="page my-work">
      <h1 ref={heading} tabIndex={-1}>My work</h1>
      {state === 'loading' && <p role="status" className="muted">Loading your work…</p>}
      {error && <p className="callout callout-error" role="alert">{error}</p>}
      {state !== 'loading' && !error && items.length === 0 && (
        <div className="empty-state">
          <p>Nothing waits for you. <Link href="/articles">Browse the articles</Link> or import one.</p>
          <ImportExampleButton />
        </div>
      )}
      {items.length > 0 && (
        <ol className="queue-list" data-testid="queue-list" aria-label="Waiting for you, due dates first">
          {items.map((item, i) => <QueueRow key={`${item.reason}:${item.claimId ?? item.articleId}:${i}`} item={item} />)}
        </ol>
      )}
      {cursor && (
        <button type="button" className="button" disabled={state === 'more'} onClick={() => void load(cursor)}>
          {state === 'more' ? 'Loading…' : 'Show more'}
        </button>
      )}
    </main>
  );
}

function QueueRow({ item }: { item: QueueItem }) {
  const overdue = isOverdue(item.dueAt);
  return (
    <li className={`queue-item${overdue ? ' queue-item-overdue' : ''}`} data-testid="queue-item" data-reason={item.reason}>
      <span className={`reason-badge reason-${item.reason}`}>{REASON_LABEL[item.reason]}</span>
      <Link href={articlePath(item.articleId, item.claimId)} className="queue-target">
        {item.quote ? <>“{excerpt(item.quote)}”</> : 'The whole article'}
        <span className="visually-hidden"> in {item.articleTitle}</span>
      </Link>
      <span className="queue-meta">
        <span className="muted">{item.articleTitle}</span>
        {item.dueAt ? <DueDate dueAt={item.dueAt} overdue={overdue} /> : <span className="muted">No due date</span>}
        <span className="muted">since <time dateTime={item.since}>{formatDate(item.since)}</time></span>
      </span>
    </li>
  );
}
