import { createContext, ReactNode, useContext, useEffect, useRef } from 'react';
import type { LiveEvent } from '../api/types';
import { useEventStream } from './useArticleEvents';

/** The events of `/me/events` (API.md, "Work"): notifications, and hints that my queue may have changed. */
const MY_EVENT_TYPES = ['notification.created', 'queue.changed'] as const;

interface Handlers {
  onEvent: (event: LiveEvent) => void;
  onResync: () => void;
}

type Hub = Set<{ current: Handlers }>;
const MyEventsContext = createContext<Hub | null>(null);

/** One `/me/events` connection for the signed-in screens (the bell, the queue count, My work), not one each. */
export function MyEventsProvider({ children }: { children: ReactNode }) {
  const hub = useRef<Hub>(new Set()).current;
  useEventStream('/api/v1/me/events', MY_EVENT_TYPES, {
    onEvent: (event) => hub.forEach((h) => h.current.onEvent(event)),
    onResync: () => hub.forEach((h) => h.current.onResync()),
  });
  return <MyEventsContext.Provider value={hub}>{children}</MyEventsContext.Provider>;
}

/** Hears the signed-in user's events (inside MyEventsProvider). */
export function useMyEvents(handlers: Handlers): void {
  const hub = useContext(MyEventsContext);
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!hub) return undefined;
    hub.add(current);
    return () => void hub.delete(current);
  }, [hub]);
}

/** Events that come together (a notification and the queue hint of one change) make one call. */
const SETTLE_MS = 150;

/** Calls `onChange` when something may have entered or left my queue (a notification, `queue.changed`, a reconnect). */
export function useQueueChanges(onChange: () => void): void {
  const timer = useRef<number | undefined>(undefined);
  const current = useRef(onChange);
  current.current = onChange;
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const settle = (): void => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => current.current(), SETTLE_MS);
  };
  useMyEvents({ onEvent: settle, onResync: settle });
}
