/**
 * Offsets in ClaimDesk count Unicode code points (W3C Web Annotation), while JavaScript strings
 * index UTF-16 code units. Every conversion between the two lives here; nothing else slices
 * article text by index.
 */

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** Number of code points in `text` ("😀a" → 2). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    count++;
  }
  return count;
}

/**
 * A text with a precomputed code point ↔ UTF-16 map, for converting many offsets into one text.
 * Texts without astral characters (the common case) need no table: both offsets are equal.
 */
export class TextIndex {
  /** utf16Of[cp] = UTF-16 offset of code point cp; length = codePointLength + 1. Null when identical. */
  private readonly utf16Of: Uint32Array | null;
  readonly length: number;

  constructor(readonly text: string) {
    let astral = false;
    for (let i = 0; i < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i))) {
        astral = true;
        break;
      }
    }
    if (!astral) {
      this.utf16Of = null;
      this.length = text.length;
      return;
    }
    const table = new Uint32Array(text.length + 1);
    let cp = 0;
    for (let i = 0; i < text.length; i++) {
      table[cp++] = i;
      if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
    }
    table[cp] = text.length;
    this.utf16Of = table.slice(0, cp + 1);
    this.length = cp;
  }

  /** UTF-16 offset of a code point offset (0..length). */
  toUtf16(codePoint: number): number {
    this.assertInRange(codePoint);
    return this.utf16Of ? this.utf16Of[codePoint] : codePoint;
  }

  /**
   * Code point offset of a UTF-16 offset. An offset inside a surrogate pair rounds down to the
   * start of that character, so a DOM selection can never split an emoji.
   */
  toCodePoint(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.text.length) {
      throw new RangeError(`UTF-16 offset ${utf16} is outside 0..${this.text.length}`);
    }
    const table = this.utf16Of;
    if (!table) return utf16;
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (table[mid] <= utf16) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The text between two code point offsets (end exclusive). */
  slice(start: number, end: number = this.length): string {
    return this.text.slice(this.toUtf16(start), this.toUtf16(end));
  }

  /** Whether [start, end) is a valid code point range of this text. */
  isRange(start: number, end: number): boolean {
    return Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= this.length && start <= end;
  }

  private assertInRange(codePoint: number): void {
    if (!Number.isInteger(codePoint) || codePoint < 0 || codePoint > this.length) {
      throw new RangeError(`code point offset ${codePoint} is outside 0..${this.length}`);
    }
  }
}

/** Code point offset → UTF-16 offset in `text`. */
export function codePointToUtf16(text: string, codePoint: number): number {
  return new TextIndex(text).toUtf16(codePoint);
}

/** UTF-16 offset → code point offset in `text`. */
export function utf16ToCodePoint(text: string, utf16: number): number {
  return new TextIndex(text).toCodePoint(utf16);
}

/** The text between two code point offsets. */
export function sliceCodePoints(text: string, start: number, end?: number): string {
  return new TextIndex(text).slice(start, end);
}

/** UTF-8 byte length of a string, for byte-oriented consumers (HTTP, exports). */
export function utf8ByteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
