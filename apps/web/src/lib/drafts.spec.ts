import { draftKey, DraftStore, readDraft, writeDraft } from './drafts';

class MemoryStore implements DraftStore {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null { return this.items.get(key) ?? null; }
  setItem(key: string, value: string): void { this.items.set(key, value); }
  removeItem(key: string): void { this.items.delete(key); }
}

describe('drafts', () => {
  const key = draftKey('user-1', 'note:claim-1');

  it('keeps a draft and gives it back', () => {
    const store = new MemoryStore();
    writeDraft(store, key, 'Half a thought', 1000);
    expect(readDraft(store, key, 2000)).toBe('Half a thought');
  });

  it('forgets a draft emptied by the reviewer', () => {
    const store = new MemoryStore();
    writeDraft(store, key, 'text', 1000);
    writeDraft(store, key, '   ', 2000);
    expect(store.items.size).toBe(0);
  });

  it('keeps drafts apart per user', () => {
    const store = new MemoryStore();
    writeDraft(store, draftKey('user-2', 'note:claim-1'), 'theirs', 1000);
    expect(readDraft(store, key, 1000)).toBe('');
  });

  it('drops a draft older than a week, and anything unreadable', () => {
    const store = new MemoryStore();
    writeDraft(store, key, 'old', 0);
    expect(readDraft(store, key, 8 * 24 * 3600 * 1000)).toBe('');
    store.setItem(key, '{not json');
    expect(readDraft(store, key)).toBe('');
  });
});
