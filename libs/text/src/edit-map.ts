/**
 * Where text went between two revisions: a character diff (diff-match-patch) turned into hunks of
 * code point ranges, and the mapping of an old span through those hunks. Computed once per revision
 * and shared by every claim of the article.
 */
import DiffMatchPatch from 'diff-match-patch';
import { TextIndex } from './code-points';
import { isWordChar } from './fuzzy';

/** One change: old [oldStart, oldEnd) was replaced by new [newStart, newEnd). Either side may be empty. */
export interface Hunk {
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

export interface EditMap {
  /** Sorted, disjoint; the text between two hunks is equal in both revisions. */
  readonly hunks: readonly Hunk[];
  /**
   * The diff reached its deadline: diff-match-patch then answers the unfinished part with one
   * delete + insert, so a hunk may be far larger than the real edit. Matching copes with large hunks
   * (it searches inside them); this flag is for diagnostics.
   */
  readonly coarse: boolean;
}

/**
 * Seconds the whole diff may take. The two-level diff below keeps a 200 KB article with hundreds of
 * scattered edits well under this; the deadline only bites on pathological input, where
 * diff-match-patch answers the unfinished part with one delete + insert. That costs little: a claim
 * inside such a block is searched for inside it.
 */
export const DIFF_TIMEOUT_SECONDS = 1;

/** The diff between two revisions. `timeoutSeconds` ≤ 0 means no deadline (as in diff-match-patch). */
export function computeEditMap(oldIndex: TextIndex, newIndex: TextIndex, timeoutSeconds = DIFF_TIMEOUT_SECONDS): EditMap {
  const deadline = timeoutSeconds > 0 ? Date.now() + timeoutSeconds * 1000 : Number.MAX_VALUE;
  const diffs = twoLevelDiff(oldIndex.text, newIndex.text, deadline);
  const coarse = Date.now() >= deadline;

  const hunks: Hunk[] = [];
  let oldAt = 0;
  let newAt = 0;
  let open: { oldStart: number; newStart: number } | null = null;
  const close = (): void => {
    if (!open) return;
    push(hunks, {
      oldStart: oldIndex.toCodePoint(open.oldStart),
      oldEnd: ceilCodePoint(oldIndex, oldAt),
      newStart: newIndex.toCodePoint(open.newStart),
      newEnd: ceilCodePoint(newIndex, newAt),
    });
    open = null;
  };
  for (const [op, text] of diffs) {
    if (op === DiffMatchPatch.DIFF_EQUAL) {
      close();
      oldAt += text.length;
      newAt += text.length;
      continue;
    }
    open ??= { oldStart: oldAt, newStart: newAt };
    if (op === DiffMatchPatch.DIFF_DELETE) oldAt += text.length;
    else newAt += text.length;
  }
  close();
  return { hunks, coarse };
}

/**
 * Diff by segments (sentences and lines) first, then by characters inside each replaced run of
 * segments, with semantic cleanup there only. diff-match-patch's own line mode cleans up the line
 * diff semantically, which merges every unchanged paragraph lying between two edited ones into one
 * block; on a densely corrected article that leaves blocks of tens of kilobytes to diff by character
 * and the deadline hits. A moved paragraph or sentence stays a clean delete + insert here.
 */
function twoLevelDiff(oldText: string, newText: string, deadline: number): DiffMatchPatch.Diff[] {
  const dmp = new DiffMatchPatch();
  const symbols = new Map<string, string>();
  const segmentsOf: string[] = [];
  const encode = (text: string): string => {
    let out = '';
    for (const segment of segments(text)) {
      let symbol = symbols.get(segment);
      if (symbol === undefined) {
        symbol = String.fromCharCode(segmentsOf.length);
        segmentsOf.push(segment);
        symbols.set(segment, symbol);
      }
      out += symbol;
    }
    return out;
  };
  const coarse = dmp.diff_main(encode(oldText), encode(newText), false, deadline);
  const decode = (symbolsText: string): string => {
    // By code unit: two symbols may happen to look like a surrogate pair.
    let text = '';
    for (let i = 0; i < symbolsText.length; i++) text += segmentsOf[symbolsText.charCodeAt(i)];
    return text;
  };

  const out: DiffMatchPatch.Diff[] = [];
  let deleted = '';
  let inserted = '';
  const flush = (): void => {
    if (deleted && inserted) {
      const fine = dmp.diff_main(deleted, inserted, false, deadline);
      // Semantic cleanup folds coincidental one- or two-letter equalities into the edits around
      // them, so a rewritten sentence is one hunk rather than a scatter of shared letters.
      dmp.diff_cleanupSemantic(fine);
      out.push(...fine);
    } else if (deleted) {
      out.push([DiffMatchPatch.DIFF_DELETE, deleted]);
    } else if (inserted) {
      out.push([DiffMatchPatch.DIFF_INSERT, inserted]);
    }
    deleted = '';
    inserted = '';
  };
  for (const [op, symbolsText] of coarse) {
    const text = decode(symbolsText);
    if (op === DiffMatchPatch.DIFF_DELETE) deleted += text;
    else if (op === DiffMatchPatch.DIFF_INSERT) inserted += text;
    else {
      flush();
      out.push([DiffMatchPatch.DIFF_EQUAL, text]);
    }
  }
  flush();
  return out;
}

/** The end of a sentence or line: where the diff cuts a text into segments. */
export const SEGMENT_BOUNDARY = /\n+|[.!?…]+["'”’»)\]]*[ \t\u00a0]+/;

/** Symbols are single UTF-16 units, so both texts together may have at most this many segments. */
const MAX_SEGMENTS = 0xffff;

/**
 * Splits a text into sentences and lines, each with its trailing white space. Over-splitting (after
 * "U.S.") only makes more segments. Past half of MAX_SEGMENTS, the rest of the text is one segment.
 */
function segments(text: string): string[] {
  const out: string[] = [];
  const boundary = new RegExp(SEGMENT_BOUNDARY.source, 'g');
  let start = 0;
  for (const m of text.matchAll(boundary)) {
    if (out.length >= MAX_SEGMENTS / 2) break;
    const end = (m.index ?? 0) + m[0].length;
    out.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}

/** A UTF-16 offset rounded up to a code point boundary (the diff works in UTF-16 and may split a pair). */
function ceilCodePoint(index: TextIndex, utf16: number): number {
  const cp = index.toCodePoint(utf16);
  return index.toUtf16(cp) < utf16 ? cp + 1 : cp;
}

/** Appends a hunk, merging it with the previous one when rounding to code points made them touch. */
function push(hunks: Hunk[], hunk: Hunk): void {
  const last = hunks[hunks.length - 1];
  if (last && hunk.oldStart <= last.oldEnd && hunk.newStart <= last.newEnd) {
    hunks[hunks.length - 1] = {
      oldStart: last.oldStart,
      oldEnd: Math.max(last.oldEnd, hunk.oldEnd),
      newStart: last.newStart,
      newEnd: Math.max(last.newEnd, hunk.newEnd),
    };
  } else {
    hunks.push(hunk);
  }
}

/** What the diff says became of an old span [start, end). */
export interface SpanMapping {
  /** Some hunk changes, deletes or inserts text inside the span. Insertions at its edges do not count. */
  readonly touched: boolean;
  /**
   * The span's new place. Untouched: the same text, shifted. Touched: from the new position of its
   * first surviving character (or the proportional point of a hunk that straddles the start, moved
   * to a word boundary) to that of its last; empty when the span was deleted outright.
   */
  readonly start: number;
  readonly end: number;
  /** All new text of the hunks that touch the span, with the span's surviving parts between them. */
  readonly regionStart: number;
  readonly regionEnd: number;
  /** Old extent of the hunks that touch the span, with the span: the text they replaced. */
  readonly oldRegionStart: number;
  readonly oldRegionEnd: number;
  /** Code points of the span carried over unchanged. */
  readonly preserved: number;
}

/** Index of the first hunk that ends after `position` in the old text (hunks.length if none). */
function firstHunkEndingAfter(hunks: readonly Hunk[], position: number): number {
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hunks[mid].oldEnd > position) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * New position of an old position outside any deleted text, or of the start of the hunk containing
 * it. An insertion exactly at the position lies before it (the text after the position moves right).
 */
export function mapPosition(map: EditMap, position: number): number {
  const i = firstHunkEndingAfter(map.hunks, position);
  const previous = map.hunks[i - 1];
  const hunk = map.hunks[i];
  if (hunk && hunk.oldStart < position) return hunk.newStart;
  return previous ? previous.newEnd + (position - previous.oldEnd) : position;
}

export function mapSpan(map: EditMap, newIndex: TextIndex, start: number, end: number): SpanMapping {
  const { hunks } = map;
  const first = firstHunkEndingAfter(hunks, start);
  let last = first;
  while (last < hunks.length && hunks[last].oldStart < end) last++;
  // hunks[first, last) intersect the span: they end after its start and begin before its end.
  const shifted = mapPosition(map, start);
  if (first === last) {
    const shiftedEnd = shifted + (end - start);
    return {
      touched: false,
      start: shifted,
      end: shiftedEnd,
      regionStart: shifted,
      regionEnd: shiftedEnd,
      oldRegionStart: start,
      oldRegionEnd: end,
      preserved: end - start,
    };
  }
  const head = hunks[first];
  const tail = hunks[last - 1];
  let removed = 0;
  for (let i = first; i < last; i++) removed += Math.min(end, hunks[i].oldEnd) - Math.max(start, hunks[i].oldStart);
  const newStart = head.oldStart < start ? snapStart(newIndex, head, proportional(head, start)) : head.newStart - (head.oldStart - start);
  const newEnd = tail.oldEnd > end ? snapEnd(newIndex, tail, proportional(tail, end)) : tail.newEnd + (end - tail.oldEnd);
  return {
    touched: true,
    start: newStart,
    end: Math.max(newStart, newEnd),
    regionStart: Math.min(newStart, head.newStart),
    regionEnd: Math.max(newEnd, tail.newEnd),
    oldRegionStart: Math.min(start, head.oldStart),
    oldRegionEnd: Math.max(end, tail.oldEnd),
    preserved: end - start - removed,
  };
}

/** The point of a hunk's new text at the same relative place as `position` in its old text. */
function proportional(hunk: Hunk, position: number): number {
  const oldLength = hunk.oldEnd - hunk.oldStart;
  const newLength = hunk.newEnd - hunk.newStart;
  return hunk.newStart + Math.round(((position - hunk.oldStart) / oldLength) * newLength);
}

/** Moves a start back to the beginning of the word it falls in, within the hunk. */
function snapStart(index: TextIndex, hunk: Hunk, at: number): number {
  let p = at;
  while (p > hunk.newStart && isWordChar(index, p) && isWordChar(index, p - 1)) p--;
  return p;
}

/** Moves an end forward to the end of the word it falls in, within the hunk. */
function snapEnd(index: TextIndex, hunk: Hunk, at: number): number {
  let p = at;
  while (p < hunk.newEnd && isWordChar(index, p - 1) && isWordChar(index, p)) p++;
  return p;
}

/**
 * The inserted text (new, or moved here) that new [start, end) overlaps: from the start of the first
 * such hunk to the end of the last, or null when [start, end) is all text carried over unchanged.
 */
export function insertionAround(map: EditMap, start: number, end: number): { start: number; end: number } | null {
  const { hunks } = map;
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hunks[mid].newEnd > start) hi = mid;
    else lo = mid + 1;
  }
  let from = -1;
  let to = -1;
  for (let i = lo; i < hunks.length && hunks[i].newStart < end; i++) {
    if (hunks[i].newEnd === hunks[i].newStart) continue;
    if (from < 0) from = hunks[i].newStart;
    to = hunks[i].newEnd;
  }
  return from < 0 ? null : { start: from, end: to };
}

/** Code points of new [start, end) that the diff counts as inserted. */
export function insertedWithin(map: EditMap, start: number, end: number): number {
  const { hunks } = map;
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hunks[mid].newEnd > start) hi = mid;
    else lo = mid + 1;
  }
  let inserted = 0;
  for (let i = lo; i < hunks.length && hunks[i].newStart < end; i++) {
    inserted += Math.max(0, Math.min(end, hunks[i].newEnd) - Math.max(start, hunks[i].newStart));
  }
  return inserted;
}

/** Whether new [start, end) contains text the diff counts as inserted (new, or moved here). */
export function overlapsInsertion(map: EditMap, start: number, end: number): boolean {
  return insertionAround(map, start, end) !== null;
}
