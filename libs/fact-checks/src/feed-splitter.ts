import { DomainError } from '@claimdesk/core';

/**
 * Splits a ClaimReview import body into its items as it streams in, so a 64 MiB feed of 100,000
 * ClaimReviews never sits in memory as one parsed value: only one item's text at a time, plus the
 * feed's own small fields. The body is one ClaimReview, an array of them, or a DataFeed whose
 * `dataFeedElement` array holds them; each item's text goes to JSON.parse on its own.
 */
export class FeedSplitter {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** 'array': the top is an array; 'object': an object (a ClaimReview, or a DataFeed). */
  private top: 'array' | 'object' | null = null;
  /** Depth at which the items sit: 1 for a top-level array, 2 inside dataFeedElement. */
  private itemDepth = -1;
  private item: string[] | null = null;
  /** The top object's text, without the items of its dataFeedElement. */
  private rest: string[] = [];
  private restLength = 0;
  /** The last string at depth 1, and whether a ':' followed it: the key whose value opens next. */
  private lastKey = '';
  private keyBuffer: string[] | null = null;
  private afterColon = false;
  private index = 0;

  constructor(private readonly onItem: (text: string, index: number) => void) {}

  write(chunk: string): void {
    let from = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) {
          this.inString = false;
          if (this.keyBuffer) {
            this.keyBuffer.push(chunk.slice(from, i));
            this.lastKey = this.keyBuffer.join('');
            this.keyBuffer = null;
          }
        }
        continue;
      }
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
      if (this.top === null) {
        if (c === 0x5b) { this.top = 'array'; this.itemDepth = 1; }
        else if (c === 0x7b) this.top = 'object';
        else throw malformed();
      }
      if (this.item === null && this.depth === this.itemDepth && c !== 0x2c && c !== 0x5d) {
        // An item opens here: what came before it belongs to the feed's own text.
        this.keep(chunk.slice(from, i));
        from = i;
        this.item = [];
      }
      if (c === 0x22) {
        this.inString = true;
        if (this.top === 'object' && this.depth === 1 && this.item === null && !this.afterColon) {
          this.keyBuffer = [];
          this.keep(chunk.slice(from, i + 1));
          from = i + 1;
        }
        continue;
      }
      if (c === 0x2c && this.item === null && this.depth === this.itemDepth) {
        // The comma between two items goes with neither.
        this.keep(chunk.slice(from, i));
        from = i + 1;
        continue;
      }
      if (c === 0x3a && this.depth === 1) this.afterColon = true;
      else if (c === 0x2c && this.depth === 1) this.afterColon = false;
      if (c === 0x5b || c === 0x7b) {
        this.depth++;
        if (this.top === 'object' && this.depth === 2 && c === 0x5b && this.lastKey === 'dataFeedElement' && this.item === null) {
          this.itemDepth = 2;
        }
        if (this.depth > 64) throw new DomainError('validation_failed', 'the body nests deeper than 64 levels', [{ path: '', message: 'nested deeper than 64 levels' }]);
      } else if (c === 0x5d || c === 0x7d) {
        if (this.depth === 0) throw malformed();
        if (this.item !== null && this.depth === this.itemDepth && c === 0x5d) {
          this.emit(chunk.slice(from, i));
          from = i;
        }
        this.depth--;
        if (this.depth === 1 && this.itemDepth === 2 && c === 0x5d) this.itemDepth = -1;
        if (this.item !== null && this.depth === this.itemDepth) {
          this.emit(chunk.slice(from, i + 1));
          from = i + 1;
        }
      } else if (c === 0x2c && this.item !== null && this.depth === this.itemDepth) {
        // A bare value (a number, a string, null) ends at the comma, which goes with neither item.
        this.emit(chunk.slice(from, i));
        from = i + 1;
      }
    }
    if (this.item !== null) this.item.push(chunk.slice(from));
    else {
      this.keyBuffer?.push(chunk.slice(from));
      this.keep(chunk.slice(from));
    }
  }

  /**
   * The end of the body. Returns the top object's value when the body was one ClaimReview or a
   * DataFeed (its items already emitted), or undefined for an array.
   */
  end(): unknown {
    if (this.top === null || this.depth !== 0 || this.inString) throw malformed();
    if (this.top === 'array') return undefined;
    try {
      return JSON.parse(this.rest.join(''));
    } catch {
      throw malformed();
    }
  }

  get items(): number {
    return this.index;
  }

  private keep(text: string): void {
    if (text === '' || this.top === 'array') return;
    this.restLength += text.length;
    // A ClaimReview's own fields are small; a body that is one giant object is not a feed.
    if (this.restLength > 1024 * 1024) throw new DomainError('validation_failed', 'the body is not a ClaimReview, an array of them or a DataFeed', [{ path: '', message: 'too large for one ClaimReview' }]);
    this.rest.push(text);
  }

  private emit(tail: string): void {
    const parts = this.item ?? [];
    parts.push(tail);
    this.item = null;
    this.onItem(parts.join('').trim(), this.index++);
  }
}

const malformed = (): DomainError => new DomainError('malformed_json', 'the request body is not valid JSON');
