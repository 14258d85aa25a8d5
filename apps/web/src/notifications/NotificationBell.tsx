import { useCallback, useEffect, useId, useRef, useState } from 'react';
// One wording for mails and the bell: the server's pure describer, shared as source.
import { describe } from '../../../../libs/notifications/src/mail/mail-text';
import { notifications as api } from '../api/desk';
import { ApiError } from '../api/http';
import type { EmailChoice, LiveEvent, Notification } from '../api/types';
import { useNotices } from '../layout/notices';
import { formatDateTime } from '../lib/format';
import { useMyEvents } from '../live/MyEvents';
import { articlePath, Link } from '../routing/router';

const EMAIL_LABELS: Record<EmailChoice, string> = { none: 'None', instant: 'Each at once', daily: 'A daily digest' };

const hrefOf = (n: Notification): string => (n.claimId ? `/claims/${n.claimId}` : articlePath(n.articleId ?? ''));

/**
 * The bell in the top bar: how many notifications are unread, and a panel that lists them (newest
 * first) with "mark read", "mark all read" and the e-mail choice. New ones arrive live on /me/events.
 */
export function NotificationBell() {
  const { notify } = useNotices();
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [email, setEmail] = useState<EmailChoice | null>(null);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(async (): Promise<void> => {
    const [count, page] = await Promise.all([api.count(), api.list()]);
    setUnread(count.unread);
    setItems(page.items);
  }, []);

  useEffect(() => {
    void refresh().catch(() => undefined);
  }, [refresh]);

  useMyEvents({
    onEvent: (event: LiveEvent) => {
      if (event.type !== 'notification.created') return;
      const notification = event.entity as Notification;
      setItems((current) => (current?.some((n) => n.id === notification.id) ? current : [notification, ...(current ?? [])]));
      if (!notification.readAt) setUnread((n) => n + 1);
    },
    onResync: () => void refresh().catch(() => undefined),
  });

  // Escape closes the panel wherever focus is (a button that was just disabled leaves it on the page).
  useEffect(() => {
    if (!open) return undefined;
    const close = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', close);
    return () => document.removeEventListener('keydown', close);
  }, [open]);

  const toggle = async (): Promise<void> => {
    const next = !open;
    setOpen(next);
    if (next && email === null) setEmail((await api.settings().catch(() => null))?.emailNotifications ?? 'none');
  };

  const markRead = async (body: { ids: string[] } | { all: true }): Promise<void> => {
    try {
      await api.markRead(body);
      const now = new Date().toISOString();
      setItems((current) => current?.map((n) => ('all' in body || body.ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n)) ?? null);
      setUnread((await api.count()).unread);
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'Could not mark the notifications read.', 'error');
    }
  };

  const saveEmail = async (choice: EmailChoice): Promise<void> => {
    setEmail(choice);
    try {
      await api.saveSettings(choice);
      notify(`E-mail notifications: ${EMAIL_LABELS[choice].toLowerCase()}.`, 'success');
    } catch (e) {
      notify(e instanceof ApiError ? e.message : 'The e-mail setting could not be saved.', 'error');
    }
  };

  return (
    <div className="notifications">
      <button ref={button} type="button" className="button button-quiet bell" aria-expanded={open} aria-controls={panelId} onClick={() => void toggle()}
        data-testid="notification-bell">
        <span aria-hidden="true">🔔</span> Notifications
        {unread > 0 && <span className="bell-count" data-testid="unread-count"><span className="visually-hidden">, </span>{unread}<span className="visually-hidden"> unread</span></span>}
      </button>
      <section id={panelId} className="notifications-panel" hidden={!open} aria-label="Notifications">
        <div className="notifications-head">
          <h2>Notifications</h2>
          <button type="button" className="button button-small" disabled={unread === 0} onClick={() => void markRead({ all: true })}>Mark all read</button>
        </div>
        {items === null ? <p role="status">Loading…</p> : items.length === 0 ? <p className="muted">Nothing yet.</p> : (
          <ul className="notification-list">
            {items.map((n) => (
              <li key={n.id} className={n.readAt ? 'notification read' : 'notification unread'} data-testid="notification">
                <Link href={hrefOf(n)} onClick={() => {
                  if (!n.readAt) void markRead({ ids: [n.id] });
                  setOpen(false);
                }}>{describe({ ...n, actorName: n.actorName })}</Link>
                <span className="muted"> · {formatDateTime(n.at)}{n.readAt ? '' : ' · unread'}</span>
                {!n.readAt && <button type="button" className="button button-small button-quiet" onClick={() => void markRead({ ids: [n.id] })}>Mark read</button>}
              </li>
            ))}
          </ul>
        )}
        <div className="field notifications-email">
          <label htmlFor={`${panelId}-email`}>E-mail notifications</label>
          <select id={`${panelId}-email`} value={email ?? 'none'} disabled={email === null} onChange={(e) => void saveEmail(e.target.value as EmailChoice)}>
            {(Object.keys(EMAIL_LABELS) as EmailChoice[]).map((choice) => <option key={choice} value={choice}>{EMAIL_LABELS[choice]}</option>)}
          </select>
        </div>
      </section>
    </div>
  );
}
