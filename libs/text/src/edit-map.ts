/**
 * Where text went between two revisions: a character diff (diff-match-patch) turned into hunks of
 * code point ranges, and the mapping of an old span through those hunks. Computed once per revision
 * and shared by every claim of the article.
 */
import DiffMatchPatch from 'diff-match-patch';
import { codePointLength, TextIndex } from './code-points';
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
  return { hunks: absorbNoise(hunksOf(oldIndex, newIndex, diffs)), coarse };
}

/** An equal run this long locates a passage inside a larger stretch of text. */
const ANCHOR_RUN = 16;
/** Room left on each side of the located passage for edits at its edges. */
const CORE_SLACK = 16;

/**
 * The diff of a short passage against a larger stretch of text that should contain it (move
 * detection). Diffing the two directly goes wrong both ways: semantic cleanup weighs each equality
 * against the edits around it, and the extra text on both sides of the passage outweighs even a
 * whole shared sentence; a raw diff instead stitches a deleted sentence together from fragments of
 * its neighbours. So: a raw diff only to locate the passage (its first and last equal runs of
 * ANCHOR_RUN code points or more), then the ordinary diff between the passage and that core.
 */
export function computeEmbeddedEditMap(passage: TextIndex, around: TextIndex, timeoutSeconds: number): EditMap {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const raw = new DiffMatchPatch().diff_main(passage.text, around.text, false, deadline);
  const whole: EditMap = { hunks: [{ oldStart: 0, oldEnd: passage.length, newStart: 0, newEnd: around.length }], coarse: false };
  // Locate the passage by its long equal runs (UTF-16 offsets into both texts).
  let first: { old: number; new: number } | null = null;
  let last: { old: number; new: number } | null = null;
  let oldAt = 0;
  let newAt = 0;
  for (const [op, text] of raw) {
    if (op === DiffMatchPatch.DIFF_EQUAL && codePointLength(text) >= ANCHOR_RUN) {
      first ??= { old: oldAt, new: newAt };
      last = { old: oldAt + text.length, new: newAt + text.length };
    }
    if (op !== DiffMatchPatch.DIFF_INSERT) oldAt += text.length;
    if (op !== DiffMatchPatch.DIFF_DELETE) newAt += text.length;
  }
  if (!first || !last) return whole;
  const coreStart = Math.max(0, around.toCodePoint(first.new) - passage.toCodePoint(first.old) - CORE_SLACK);
  const coreEnd = Math.min(around.length, around.toCodePoint(last.new) + (passage.length - passage.toCodePoint(last.old)) + CORE_SLACK);
  const core = new TextIndex(around.slice(coreStart, coreEnd));
  const inner = computeEditMap(passage, core, Math.max(0.001, (deadline - Date.now()) / 1000));
  // Back to the coordinates of `around`: the text cut off on either side is inserted text.
  const hunks = inner.hunks.map((h) => ({ ...h, newStart: h.newStart + coreStart, newEnd: h.newEnd + coreStart }));
  const lead: Hunk = { oldStart: 0, oldEnd: 0, newStart: 0, newEnd: coreStart };
  const tail: Hunk = { oldStart: passage.length, oldEnd: passage.length, newStart: coreEnd, newEnd: around.length };
  const out: Hunk[] = [];
  for (const h of [lead, ...hunks, tail]) {
    if (h.oldEnd === h.oldStart && h.newEnd === h.newStart) continue;
    push(out, h);
  }
  return { hunks: out, coarse: inner.coarse || Date.now() >= deadline };
}

/** Hunks in code points from diff-match-patch's UTF-16 diff. */
function hunksOf(oldIndex: TextIndex, newIndex: TextIndex, diffs: readonly DiffMatchPatch.Diff[]): Hunk[] {
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
  return hunks;
}

/** Equal runs shorter than this, between changes at least NOISE_RATIO times their length, are noise. */
const NOISE_GAP = 16;
const NOISE_RATIO = 4;

/**
 * Folds coincidental short equalities into the changes around them. diff_cleanupSemantic weighs an
 * equality only against the edits right next to it, so a one-letter edit between two short
 * equalities shields both: a rewritten passage then keeps ". 3.5 " as "unchanged", and a claim on
 * "3" seems to survive, paired with another "3".
 */
function absorbNoise(hunks: readonly Hunk[]): Hunk[] {
  const out: Hunk[] = [];
  for (const h of hunks) {
    const last = out[out.length - 1];
    if (last) {
      const gap = h.oldStart - last.oldEnd;
      const weight =
        Math.max(last.oldEnd - last.oldStart, last.newEnd - last.newStart) + Math.max(h.oldEnd - h.oldStart, h.newEnd - h.newStart);
      if (gap < NOISE_GAP && gap * NOISE_RATIO <= weight) {
        out[out.length - 1] = { oldStart: last.oldStart, oldEnd: h.oldEnd, newStart: last.newStart, newEnd: h.newEnd };
        continue;
      }
    }
    out.push(h);
  }
  return out;
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
  const bySegment = dmp.diff_main(encode(oldText), encode(newText), false, deadline);
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
  for (const [op, symbolsText] of bySegment) {
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

/**
 * The end of a sentence or line: where the diff cuts a text into segments. A run of `.!?…` is tried
 * from its first mark only (the lookbehind): tried from every mark, a long run with no space after it
 * (100,000 dots) costs time quadratic in its length.
 */
export const SEGMENT_BOUNDARY = /\n+|(?<![.!?…])[.!?…]+["'”’»)\]]*[ \t\u00a0]+/;

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
  return firstIndex(hunks, (h) => h.oldEnd > position);
}

/** Index of the first hunk that ends after `position` in the new text (hunks.length if none). */
function firstHunkEndingAfterNew(hunks: readonly Hunk[], position: number): number {
  return firstIndex(hunks, (h) => h.newEnd > position);
}

/** Binary search: the first index whose hunk satisfies a predicate that is monotone over the sorted hunks. */
function firstIndex(hunks: readonly Hunk[], after: (hunk: Hunk) => boolean): number {
  let lo = 0;
  let hi = hunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(hunks[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Whether any change falls inside old [start, end) (insertions at its edges excepted), as mapSpan's `touched`. */
export function isTouched(map: EditMap, start: number, end: number): boolean {
  const i = firstHunkEndingAfter(map.hunks, start);
  return i < map.hunks.length && map.hunks[i].oldStart < end;
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

/** Maps old [start, end) through the diff (see SpanMapping); `newIndex` is the new text, for word boundaries. */
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
  let from = -1;
  let to = -1;
  for (let i = firstHunkEndingAfterNew(hunks, start); i < hunks.length && hunks[i].newStart < end; i++) {
    if (hunks[i].newEnd === hunks[i].newStart) continue;
    if (from < 0) from = hunks[i].newStart;
    to = hunks[i].newEnd;
  }
  return from < 0 ? null : { start: from, end: to };
}

/** Code points of new [start, end) that the diff counts as inserted. */
export function insertedWithin(map: EditMap, start: number, end: number): number {
  const { hunks } = map;
  let inserted = 0;
  for (let i = firstHunkEndingAfterNew(hunks, start); i < hunks.length && hunks[i].newStart < end; i++) {
    inserted += Math.max(0, Math.min(end, hunks[i].newEnd) - Math.max(start, hunks[i].newStart));
  }
  return inserted;
}

