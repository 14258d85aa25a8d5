/**
 * Unsaved words — a note, a reply, a verdict's rationale — are kept in the browser until they are
 * saved, so switching claims, pressing Esc, a reload or an expired session loses nothing. Drafts are
 * per user (a shared computer) and expire after a week.
 */
export interface DraftStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const PREFIX = 'claimdesk:draft:';
const WEEK_MS = 7 * 24 * 3600 * 1000;

export const draftKey = (userId: string, what: string): string => `${PREFIX}${userId}:${what}`;

export function readDraft(store: DraftStore, key: string, now = Date.now()): string {
  try {
    const saved = JSON.parse(store.getItem(key) ?? 'null') as { text?: unknown; at?: unknown } | null;
    if (!saved || typeof saved.text !== 'string' || typeof saved.at !== 'number') return '';
    if (now - saved.at > WEEK_MS) {
      store.removeItem(key);
      return '';
    }
    return saved.text;
  } catch {
    return '';
  }
}

/** Keeps `text` as the draft, or forgets the draft when it is empty. */
export function writeDraft(store: DraftStore, key: string, text: string, now = Date.now()): void {
  try {
    if (text.trim()) store.setItem(key, JSON.stringify({ text, at: now }));
    else store.removeItem(key);
  } catch {
    // storage full or disabled: the draft lives only in the form
  }
}
