/** Notices for the user, announced by screen readers through aria-live regions. */
import { createContext, ReactNode, useCallback, useContext, useMemo, useRef, useState } from 'react';

export type Tone = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  id: number;
  message: string;
  tone: Tone;
}

interface NoticesApi {
  notify: (message: string, tone?: Tone) => void;
}

const NoticesContext = createContext<NoticesApi>({ notify: () => undefined });

export const useNotices = (): NoticesApi => useContext(NoticesContext);

const LIFETIME_MS = 7000;

export function NoticesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((all) => all.filter((n) => n.id !== id)), []);
  const notify = useCallback((message: string, tone: Tone = 'info') => {
    const id = next.current++;
    setNotices((all) => [...all.filter((n) => n.message !== message), { id, message, tone }].slice(-4));
    if (tone !== 'error' && tone !== 'warning') window.setTimeout(() => dismiss(id), LIFETIME_MS);
  }, [dismiss]);
  const api = useMemo(() => ({ notify }), [notify]);
  const polite = notices.filter((n) => n.tone === 'info' || n.tone === 'success');
  const urgent = notices.filter((n) => n.tone === 'warning' || n.tone === 'error');
  return (
    <NoticesContext.Provider value={api}>
      {children}
      <div className="notices">
        <div role="status" aria-live="polite" className="notice-stack">
          {polite.map((n) => <NoticeItem key={n.id} notice={n} onDismiss={dismiss} />)}
        </div>
        <div role="alert" aria-live="assertive" className="notice-stack">
          {urgent.map((n) => <NoticeItem key={n.id} notice={n} onDismiss={dismiss} />)}
        </div>
      </div>
    </NoticesContext.Provider>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  return (
    <div className={`notice notice-${notice.tone}`} data-testid="notice">
      <span>{notice.message}</span>
      <button type="button" className="icon-button" onClick={() => onDismiss(notice.id)} aria-label="Dismiss notice">×</button>
    </div>
  );
}
