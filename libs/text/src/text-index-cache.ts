import { TextIndex } from './code-points';

/**
 * The TextIndex of recently marked texts, so that marking claim after claim on one article does not
 * re-index its whole text each time. Keyed by what identifies one text for good (the article, its
 * revision and the hash of that revision's text): a new revision is a new key, never a stale hit.
 * Bounded twice, by entries and by the UTF-16 units held, dropping the least recently used first.
 */
export class TextIndexCache {
  private readonly entries = new Map<string, TextIndex>();
  private units = 0;

  constructor(
    private readonly maxEntries = 16,
    private readonly maxUnits = 8_000_000,
  ) {}

  /** The cached index under `key`, else the one `read` gives (then cached, if it fits). */
  async get(key: string, read: () => Promise<string>): Promise<TextIndex> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used goes last: Map keeps insertion order.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const index = new TextIndex(await read());
    if (index.text.length > this.maxUnits) return index;
    this.entries.set(key, index);
    this.units += index.text.length;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.units <= this.maxUnits) break;
      this.entries.delete(oldest);
      this.units -= entry.text.length;
    }
    return index;
  }

  get size(): number {
    return this.entries.size;
  }
}
