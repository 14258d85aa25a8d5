/**
 * Following a numbered log for one stream client (an article's events, a person's notifications):
 * what the client missed is replayed from the database, a batch at a time, then live events follow.
 */
export interface LogFeed<E extends { id: number }> {
  /** Live events, in id order (their ids follow commit order). */
  subscribe(listener: (event: E) => void): () => void;
  /** The newest id now: a client without Last-Event-ID is sent only what comes after it. */
  latestId(): Promise<number>;
  /** The next batch stored after `id`, oldest first, and the id to read on from; null when there is none. */
  after(id: number): Promise<{ events: E[]; lastId: number } | null>;
}

export interface Following {
  /** Settles once the replay is sent. */
  ready: Promise<void>;
  /** Ends the following, and a replay still under way. */
  stop: () => void;
}

/**
 * From `since` (the client's Last-Event-ID), replays everything it missed, however much; without it,
 * starts from the newest event now. Live events are subscribed before the replay is read and held back
 * meanwhile, so nothing falls between the two; each is sent only if its id is above the last one sent,
 * so nothing is sent twice, even if a notification arrives again or a moment late.
 */
export function followLog<E extends { id: number }>(feed: LogFeed<E>, since: number | undefined, send: (event: E) => void): Following {
  let starting = true;
  let stopped = false;
  const pending: E[] = [];
  let lastSent = 0;
  const deliver = (event: E): void => {
    if (stopped || event.id <= lastSent) return;
    lastSent = event.id;
    send(event);
  };
  const unsubscribe = feed.subscribe((event) => (starting ? pending.push(event) : deliver(event)));
  const replay = async (): Promise<void> => {
    try {
      lastSent = since ?? (await feed.latestId());
      for (let after = lastSent; since !== undefined && !stopped;) {
        const batch = await feed.after(after);
        if (!batch) break;
        batch.events.forEach(deliver);
        after = batch.lastId;
      }
    } finally {
      starting = false;
      pending.splice(0).forEach(deliver);
    }
  };
  const stop = (): void => {
    stopped = true;
    unsubscribe();
  };
  return { ready: replay(), stop };
}
