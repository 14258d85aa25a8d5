/**
 * Building blocks of quote matching: exact occurrences, context agreement and bounded approximate
 * search. Offsets are code points of a `TextIndex`; distances are counted in code points, so an
 * emoji or a Cyrillic letter is one edit, never two.
 */
import { codePointLength, TextIndex } from './code-points';

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The code points of a string (meant for short strings: quotes, contexts, search windows). */
export function toCodePoints(text: string): Int32Array {
  const out = new Int32Array(text.length);
  let n = 0;
  for (const ch of text) out[n++] = ch.codePointAt(0) ?? 0;
  return out.subarray(0, n);
}

/** How many code points `a` and `b` share at their start. */
export function commonPrefixRun(a: string, b: string): number {
  let i = 0;
  let run = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) {
    // A pair counts once; a mismatch in its low half leaves the pair uncounted.
    if (isHigh(a.charCodeAt(i))) {
      if (i + 1 >= a.length || i + 1 >= b.length || a.charCodeAt(i + 1) !== b.charCodeAt(i + 1)) break;
      i++;
    }
    i++;
    run++;
  }
  return run;
}

/** How many code points `a` and `b` share at their end (context compared backwards). */
export function commonSuffixRun(a: string, b: string): number {
  let i = a.length;
  let j = b.length;
  let run = 0;
  while (i > 0 && j > 0 && a.charCodeAt(i - 1) === b.charCodeAt(j - 1)) {
    if (isLow(a.charCodeAt(i - 1)) && i > 1 && isHigh(a.charCodeAt(i - 2))) {
      if (j < 2 || a.charCodeAt(i - 2) !== b.charCodeAt(j - 2)) break;
      i--;
      j--;
    }
    i--;
    j--;
    run++;
  }
  return run;
}

/** Levenshtein distance between two code point sequences (two rows, O(|a|·|b|)). */
export function levenshtein(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Edit distance from `a` to the closest prefix of `b`: how well two stretches of text agree when read
 * from the same starting point, wherever `b` may end. Comparing context outwards from a span this way
 * charges an inserted word once, rather than again for the text it pushes out of a fixed window.
 */
export function prefixDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length === 0) return 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (ai === b[j - 1] ? 0 : 1);
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      cur[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
    }
    [prev, cur] = [cur, prev];
  }
  let best = prev[0];
  for (let j = 1; j <= b.length; j++) if (prev[j] < best) best = prev[j];
  return best;
}

/** 1 − distance / longer length: 1 for equal strings, 0 for nothing in common. Two empty strings are equal. */
export function similarity(a: string, b: string): number {
  const ca = toCodePoints(a);
  const cb = toCodePoints(b);
  const longer = Math.max(ca.length, cb.length);
  return longer === 0 ? 1 : 1 - levenshtein(ca, cb) / longer;
}

/** Code point starts of every occurrence of `exact` in [from, to) of the text (overlapping ones included). */
export function exactOccurrences(index: TextIndex, exact: string, from = 0, to: number = index.length): number[] {
  const starts: number[] = [];
  if (exact.length === 0) return starts;
  const text = index.text;
  const stop = index.toUtf16(to);
  let at = text.indexOf(exact, index.toUtf16(from));
  while (at !== -1 && at + exact.length <= stop) {
    const cp = index.toCodePoint(at);
    // An occurrence that starts or ends inside a surrogate pair is not a match of whole characters.
    const end = at + exact.length;
    const endCp = index.toCodePoint(end);
    if (index.toUtf16(cp) === at && index.toUtf16(endCp) === end) starts.push(cp);
    at = text.indexOf(exact, at + 1);
  }
  return starts;
}

/** How well the text around [start, end) agrees with a stored prefix and suffix. */
export interface ContextFit {
  /** Code points of `prefix` that match, compared backwards from `start`. */
  readonly prefixRun: number;
  /** Code points of `suffix` that match, compared forwards from `end`. */
  readonly suffixRun: number;
  /** prefixRun + suffixRun. */
  readonly run: number;
  /** Code points of stored prefix and suffix there were to agree with. */
  readonly prefixLength: number;
  readonly suffixLength: number;
  readonly available: number;
  /** The stored prefix reaches back to the start of the text from here (as a short stored prefix did). */
  readonly prefixAtEdge: boolean;
  /** The stored suffix reaches to the end of the text from here. */
  readonly suffixAtEdge: boolean;
}

export function contextFit(index: TextIndex, start: number, end: number, prefix: string, suffix: string): ContextFit {
  const prefixLength = codePointLength(prefix);
  const suffixLength = codePointLength(suffix);
  const before = index.slice(Math.max(0, start - prefixLength), start);
  const after = index.slice(end, Math.min(index.length, end + suffixLength));
  const prefixRun = commonSuffixRun(prefix, before);
  const suffixRun = commonPrefixRun(suffix, after);
  return {
    prefixRun,
    suffixRun,
    run: prefixRun + suffixRun,
    prefixLength,
    suffixLength,
    available: prefixLength + suffixLength,
    prefixAtEdge: start - prefixLength === 0,
    suffixAtEdge: end + suffixLength === index.length,
  };
}

/**
 * Edit-distance similarity (0..1) of the text around [start, end) to the stored context, the mean of
 * both sides. A side with no stored context (the span touched the start or end of the text) scores 1
 * if the candidate touches it too, else 0.5: it neither supports nor contradicts the candidate.
 */
export function contextSimilarity(index: TextIndex, start: number, end: number, prefix: string, suffix: string): number {
  const prefixLength = codePointLength(prefix);
  const suffixLength = codePointLength(suffix);
  const prefixScore =
    prefixLength === 0
      ? start === 0 ? 1 : 0.5
      : similarity(prefix, index.slice(Math.max(0, start - prefixLength), start));
  const suffixScore =
    suffixLength === 0
      ? end === index.length ? 1 : 0.5
      : similarity(suffix, index.slice(end, Math.min(index.length, end + suffixLength)));
  return (prefixScore + suffixScore) / 2;
}

/** An approximate occurrence: code point offsets into the searched text and its edit distance. */
export interface ApproximateHit {
  readonly start: number;
  readonly end: number;
  readonly errors: number;
}

/**
 * The substring of [from, to) closest to `pattern` by edit distance (semi-global alignment: the
 * pattern is aligned whole, the text substring is free). Ties go to the hit nearest `hint`.
 * Cost is |pattern| × (to − from) cells: callers bound the window.
 */
export function alignInWindow(index: TextIndex, pattern: Int32Array, from: number, to: number, hint: number): ApproximateHit | null {
  const m = pattern.length;
  const t = toCodePoints(index.slice(from, to));
  const n = t.length;
  if (m === 0 || n === 0) return null;
  let prevCost = new Int32Array(n + 1);
  let prevStart = new Int32Array(n + 1);
  let curCost = new Int32Array(n + 1);
  let curStart = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prevStart[j] = j; // a match may start anywhere: row 0 costs nothing
  for (let i = 1; i <= m; i++) {
    curCost[0] = i;
    curStart[0] = 0;
    const p = pattern[i - 1];
    for (let j = 1; j <= n; j++) {
      let cost = prevCost[j - 1] + (p === t[j - 1] ? 0 : 1);
      let start = prevStart[j - 1];
      const skipPattern = prevCost[j] + 1;
      if (skipPattern < cost) {
        cost = skipPattern;
        start = prevStart[j];
      }
      const skipText = curCost[j - 1] + 1;
      if (skipText < cost) {
        cost = skipText;
        start = curStart[j - 1];
      }
      curCost[j] = cost;
      curStart[j] = start;
    }
    [prevCost, curCost] = [curCost, prevCost];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let best: ApproximateHit | null = null;
  for (let j = 1; j <= n; j++) {
    const start = prevStart[j];
    if (start >= j) continue; // the whole pattern deleted: no span
    const hit = { start: from + start, end: from + j, errors: prevCost[j] };
    if (!best || hit.errors < best.errors || (hit.errors === best.errors && Math.abs(hit.start - hint) < Math.abs(best.start - hint))) {
      best = hit;
    }
  }
  return best;
}

/** Limits that keep an approximate search bounded on a long article. */
export interface SearchBudget {
  /** Alignment cells (pattern length × window length) one search may spend. */
  readonly cells: number;
  /** A pattern piece with more exact hits than this is too common to seed a search with. */
  readonly maxHitsPerPiece: number;
  /** At most this many windows are verified, nearest to the hint first. */
  readonly maxWindows: number;
}

export const DEFAULT_BUDGET: SearchBudget = { cells: 4_000_000, maxHitsPerPiece: 400, maxWindows: 48 };

/**
 * Approximate occurrences of `pattern` with at most `maxErrors` edits inside [from, to), nearest
 * `hint` first. Pigeonhole filter: split the pattern into maxErrors + 1 pieces; a match with at most
 * maxErrors edits contains one piece unchanged, so only windows around exact piece hits are aligned.
 * Pieces too common to be informative are
 * skipped, trading a little recall for a bounded cost: a miss orphans a claim, it never misplaces one.
 * Small ranges with a piece in them are aligned whole.
 */
export function searchApproximate(
  index: TextIndex,
  pattern: Int32Array,
  maxErrors: number,
  from: number,
  to: number,
  hint: number,
  budget: SearchBudget = DEFAULT_BUDGET,
): ApproximateHit[] {
  const m = pattern.length;
  const k = Math.max(0, Math.floor(maxErrors));
  if (m === 0 || to - from < m - k) return [];
  const pieceCount = k + 1;
  const pieceLength = Math.floor(m / pieceCount);
  const pieces: Array<{ text: string; offset: number }> = [];
  for (let p = 0; p < pieceCount && pieceLength >= 3; p++) {
    const offset = p * pieceLength;
    const length = p === pieceCount - 1 ? m - offset : pieceLength;
    pieces.push({ text: String.fromCodePoint(...pattern.subarray(offset, offset + length)), offset });
  }
  if (m * (to - from) <= budget.cells) {
    const fromUtf16 = index.toUtf16(from);
    const toUtf16 = index.toUtf16(to);
    const seen = (piece: string): boolean => {
      const at = index.text.indexOf(piece, fromUtf16);
      return at !== -1 && at + piece.length <= toUtf16;
    };
    if (pieces.length > 0 && !pieces.some((piece) => seen(piece.text))) return [];
    const hit = alignInWindow(index, pattern, from, to, hint);
    return hit && hit.errors <= k ? [hit] : [];
  }
  if (pieces.length === 0) return [];
  const windows: Array<[number, number]> = [];
  for (const piece of pieces) {
    const hits = exactOccurrences(index, piece.text, from, to);
    if (hits.length > budget.maxHitsPerPiece) continue;
    for (const hit of hits) {
      windows.push([Math.max(from, hit - piece.offset - k), Math.min(to, hit - piece.offset + m + k)]);
    }
  }
  windows.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push([w[0], w[1]]);
  }
  merged.sort((a, b) => Math.abs(a[0] - hint) - Math.abs(b[0] - hint));
  const found: ApproximateHit[] = [];
  let cells = 0;
  for (const [a, b] of merged.slice(0, budget.maxWindows)) {
    cells += m * (b - a);
    if (cells > budget.cells) break;
    const hit = alignInWindow(index, pattern, a, b, hint);
    if (hit && hit.errors <= k) found.push(hit);
  }
  return found;
}

/** A letter, mark or digit: part of a word. */
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** Whether the code point at `at` is part of a word (letter, mark or digit). */
export function isWordChar(index: TextIndex, at: number): boolean {
  return at >= 0 && at < index.length && WORD_CHAR.test(index.slice(at, at + 1));
}

/** Whether the code point at `at` is white space. */
export function isSpaceChar(index: TextIndex, at: number): boolean {
  return at >= 0 && at < index.length && /\s/u.test(index.slice(at, at + 1));
}
