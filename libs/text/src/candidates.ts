/**
 * Candidate places for a claim's quote: ranked and judged by how much of the claim's stored context
 * agrees there, then placed (or the claim orphaned). Also anchoring by the quote alone, where there
 * is no old revision to compare with (locate).
 */
import { AnchorStatus, Reanchored, StoredAnchor } from './anchor';
import { codePointLength, TextIndex } from './code-points';
import {
  alignInWindow,
  ApproximateHit,
  contextFit,
  ContextFit,
  contextSimilarity,
  DEFAULT_BUDGET,
  exactOccurrences,
  isSpaceChar,
  isWordChar,
  searchApproximate,
  toCodePoints,
  WORD_CHAR,
} from './fuzzy';
import { CONTEXT_LENGTH, describeQuote, spaceInsensitiveOccurrences } from './quote';
import { substanceAt } from './substance';

/*
 * Thresholds. Context is 32 code points a side, 64 in all; agreement is counted as the run of code
 * points that match outwards from the span, so an edit far out in the context costs little and an
 * edit right next to the span costs a lot. Each value was checked against the newsroom cases in
 * reanchor.spec.ts, the properties in reanchor.property.spec.ts and bench/reanchor.bench.ts.
 */

// Context.
/** Context agreeing over ≥ 16 code points (a quarter) identifies a passage: two copies of a phrase rarely share it. */
const GOOD_CONTEXT_RUN = 16;
/** Under 8 agreeing code points the surroundings were rewritten: the diff's alignment of a short phrase is suspect. */
export const WEAK_CONTEXT_RUN = 8;
/** A candidate "clearly wins" when its context agrees over ≥ 8 more code points than the runner-up's. */
const CLEAR_MARGIN = 8;
/** A repeated phrase with weak context stays flagged only if ≥ 3 code points next to it agree on one side (" to "). */
const NEXT_TO_IT = 3;

// Edited in place (placeInPlace; landPassage holds a span edited on its way to IN_PLACE_OVERLAP too).
/**
 * The share of the span's text the diff carried over, relative to the longer of the old quote and
 * the new region. ≥ 0.5 → fuzzy there; ≥ 0.25 → fuzzy only if the context still agrees (≥ 0.5
 * similarity); less → gone, unless the claim was reworded in its slot (REWORD_*). Unrelated prose
 * shares next to nothing after semantic cleanup, so the overlap measures real survival.
 */
export const IN_PLACE_OVERLAP = 0.5;
export const IN_PLACE_MIN_OVERLAP = 0.25;
export const IN_PLACE_CONTEXT = 0.5;

/** A stretch over 1.5× the quote's length (plus 8) is more than the edited quote (editedSpan). */
const OVERSIZED = 1.5;

// Any approximate place.
/**
 * A fuzzy place must say what the claim said (substanceAt): at least half of the claim's words, by
 * length, are there, or they make at least half of what stands there (a word dropped from a short
 * claim); and never under a fifth either way. A mistyped word, or a figure corrected by one digit,
 * counts as the word. Context alone — the sentence around it intact — does not make new words the
 * claim: "hotly contested" rewritten to "fiercely fought", or the whole sentence rewritten, is
 * orphaned. Unrelated prose shares a few short words ("the", "in"), well under half of either.
 */
export const MIN_SUBSTANCE = 0.5;
export const MIN_SUBSTANCE_EITHER_WAY = 0.2;

// No diff (anchorInText).
/** An approximate match needs ≥ 0.8 quote and ≥ 0.5 context similarity… */
const ELSEWHERE_SIMILARITY = 0.8;
const ELSEWHERE_CONTEXT = 0.5;
/** …and a quote of ≥ 12 code points: shorter ones have too many near-copies. */
const MIN_APPROXIMATE_QUOTE = 12;

export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly fit: ContextFit;
  readonly distance: number;
}

/** Anchoring without a diff: stored position → exact quote ranked by context → close approximate match. */
export function locate(index: TextIndex, anchor: StoredAnchor, hint: number | null): Reanchored {
  const { exact, start, end } = anchor;
  if (exact.length === 0) return orphan(anchor);
  const quoteLength = codePointLength(exact);
  const near = hint === null ? 0 : Math.min(Math.max(0, hint), index.length);
  const all = exactOccurrences(index, exact);

  if (start !== null && end !== null && index.isRange(start, end) && start < end && index.slice(start, end) === exact) {
    const own = contextFit(index, start, end, anchor.prefix, anchor.suffix);
    if (isWeak(own)) {
      const others = rank(index, all.filter((s) => s !== start), quoteLength, anchor, start);
      const best = others[0];
      if (best && isGood(best.fit) && best.fit.run >= own.run + CLEAR_MARGIN && isClear(others)) {
        return place(index, anchor, 'moved', best.start, best.end);
      }
    }
    return place(index, anchor, 'anchored', start, end);
  }

  const ranked = all.length > 0 ? rank(index, all, quoteLength, anchor, near) : rankSpans(index, spaceInsensitiveOccurrences(index, exact), anchor, near);
  const best = ranked[0];
  if (best) return place(index, anchor, isGood(best.fit) && isClear(ranked) ? 'moved' : 'fuzzy', best.start, best.end);

  if (quoteLength >= MIN_APPROXIMATE_QUOTE) {
    const pattern = toCodePoints(exact);
    const maxErrors = Math.floor(quoteLength * (1 - ELSEWHERE_SIMILARITY));
    const accept = (hits: ApproximateHit[]): Reanchored | null => {
      const top = bestHit(index, anchor, hits, quoteLength);
      if (!top || top.similarity < ELSEWHERE_SIMILARITY || top.context < ELSEWHERE_CONTEXT) return null;
      return placeTrimmed(index, anchor, top.hit);
    };
    // Near the old position first, where a small window can be aligned exhaustively.
    if (hint !== null) {
      const pad = 2 * quoteLength + 256;
      const found = accept(nearHits(index, pattern, near, pad, maxErrors));
      if (found) return found;
    }
    const found = accept(searchApproximate(index, pattern, maxErrors, 0, index.length, near));
    if (found) return found;
  }
  return orphan(anchor);
}

function nearHits(index: TextIndex, pattern: Int32Array, near: number, pad: number, maxErrors: number): ApproximateHit[] {
  const hit = alignInWindow(index, pattern, Math.max(0, near - pad), Math.min(index.length, near + pattern.length + pad), near);
  return hit && hit.errors <= maxErrors ? [hit] : [];
}

/** Exact candidates, best first: most agreeing context, then nearest to where the span should be. */
export function rank(index: TextIndex, starts: readonly number[], quoteLength: number, anchor: StoredAnchor, hint: number): Candidate[] {
  return starts
    .map((start) => ({
      start,
      end: start + quoteLength,
      fit: contextFit(index, start, start + quoteLength, anchor.prefix, anchor.suffix),
      distance: Math.abs(start - hint),
    }))
    .sort((a, b) => b.fit.run - a.fit.run || a.distance - b.distance);
}

/** Like rank, for spans of varying length (a quote found with different white space). */
function rankSpans(index: TextIndex, spans: ReadonlyArray<[number, number]>, anchor: StoredAnchor, hint: number): Candidate[] {
  return spans
    .map(([start, end]) => ({ start, end, fit: contextFit(index, start, end, anchor.prefix, anchor.suffix), distance: Math.abs(start - hint) }))
    .sort((a, b) => b.fit.run - a.fit.run || a.distance - b.distance);
}

export const isGood = (fit: ContextFit): boolean => fit.run >= Math.min(GOOD_CONTEXT_RUN, fit.available);
/**
 * Both sides agree over all of the stored context; a side stored shorter than CONTEXT_LENGTH means
 * the text began or ended there, so the candidate must sit at that edge of the text too.
 */
export const isFull = (fit: ContextFit): boolean =>
  fit.prefixRun === fit.prefixLength &&
  fit.suffixRun === fit.suffixLength &&
  (fit.prefixLength >= CONTEXT_LENGTH || fit.prefixAtEdge) &&
  (fit.suffixLength >= CONTEXT_LENGTH || fit.suffixAtEdge);
export const isWeak = (fit: ContextFit): boolean => fit.run < Math.min(WEAK_CONTEXT_RUN, fit.available);
/** At least one side agrees over NEXT_TO_IT code points (or all of it, if stored shorter, at the text's edge). */
export const nextToItAgrees = (fit: ContextFit): boolean =>
  (fit.prefixLength === 0 ? fit.prefixAtEdge : fit.prefixRun >= Math.min(NEXT_TO_IT, fit.prefixLength)) ||
  (fit.suffixLength === 0 ? fit.suffixAtEdge : fit.suffixRun >= Math.min(NEXT_TO_IT, fit.suffixLength));
export const isClear = (ranked: readonly Candidate[]): boolean => ranked.length < 2 || ranked[0].fit.run - ranked[1].fit.run >= CLEAR_MARGIN;
/** Each side agrees over GOOD_CONTEXT_RUN code points, or over all of its stored context if shorter. */
export const bothSidesAgree = (fit: ContextFit): boolean =>
  fit.prefixRun >= Math.min(GOOD_CONTEXT_RUN, fit.prefixLength) && fit.suffixRun >= Math.min(GOOD_CONTEXT_RUN, fit.suffixLength);

interface ScoredHit {
  readonly hit: ApproximateHit;
  readonly similarity: number;
  readonly context: number;
}

function scoreHit(index: TextIndex, anchor: StoredAnchor, hit: ApproximateHit, quoteLength: number): ScoredHit {
  return {
    hit,
    similarity: 1 - hit.errors / Math.max(quoteLength, hit.end - hit.start),
    context: contextSimilarity(index, hit.start, hit.end, anchor.prefix, anchor.suffix),
  };
}

/** The approximate hit with the best quote + context similarity. */
export function bestHit(index: TextIndex, anchor: StoredAnchor, hits: readonly ApproximateHit[], quoteLength: number): ScoredHit | null {
  let best: ScoredHit | null = null;
  for (const hit of hits) {
    const scored = scoreHit(index, anchor, hit, quoteLength);
    if (!best || scored.similarity + scored.context > best.similarity + best.context) best = scored;
  }
  return best;
}

/** Drops white space a fuzzy region gained at its edges, unless the quote itself has it there. */
export function trim(index: TextIndex, start: number, end: number, exact: string): [number, number] {
  let s = start;
  let e = end;
  if (!/^\s/u.test(exact)) while (s < e && isSpaceChar(index, s)) s++;
  if (!/\s$/u.test(exact)) while (e > s && isSpaceChar(index, e - 1)) e--;
  return [s, e];
}

/**
 * Where an edited span's words are inside the stretch of new text the diff gave it. An edit near
 * the span's edge can share a hunk with a neighbouring change (a paragraph moved in right after it:
 * "was refused." → "was refsued.\n\nProkopchuk, who…"): a stretch far longer than the quote has
 * the quote aligned inside it; otherwise it is only trimmed of white space. A claim that began or
 * ended on a word boundary does so again: the diff may leave a transposed letter just outside
 * ("Kim" → "Kmi" is "K", "m", and an "i" inserted after it).
 */
export function editedSpan(index: TextIndex, anchor: StoredAnchor, start: number, end: number): [number, number] {
  const pattern = toCodePoints(anchor.exact);
  const oversized = end - start > OVERSIZED * pattern.length + WEAK_CONTEXT_RUN;
  const hit = oversized && pattern.length * (end - start) <= DEFAULT_BUDGET.cells ? alignInWindow(index, pattern, start, end, start) : null;
  let [s, e] = hit ? trim(index, hit.start, hit.end, anchor.exact) : trim(index, start, end, anchor.exact);
  if (s >= e) return [s, e];
  const isWord = (ch: string | undefined): boolean => ch !== undefined && WORD_CHAR.test(ch);
  const quote = [...anchor.exact];
  if (isWord(quote[0]) && !isWord([...anchor.prefix].pop())) while (s > 0 && isWordChar(index, s - 1)) s--;
  if (isWord(quote[quote.length - 1]) && !isWord([...anchor.suffix][0])) while (e < index.length && isWordChar(index, e)) e++;
  return [s, e];
}

export function placeTrimmed(index: TextIndex, anchor: StoredAnchor, hit: ApproximateHit): Reanchored {
  const [start, end] = trim(index, hit.start, hit.end, anchor.exact);
  return place(index, anchor, 'fuzzy', start, end);
}

/** A placed result; anything but a non-empty valid range is refused (orphaned) rather than stored. */
export function place(index: TextIndex, anchor: StoredAnchor, status: Exclude<AnchorStatus, 'orphaned'>, start: number, end: number): Reanchored {
  if (!(start < end) || !index.isRange(start, end)) return orphan(anchor);
  if (status === 'fuzzy' && !sharesSubstance(anchor.exact, index.slice(start, end))) return orphan(anchor);
  // The exact quote at unchanged offsets is "anchored" (API.md), however it was found.
  const same = status === 'moved' && start === anchor.start && end === anchor.end;
  return { status: same ? 'anchored' : status, start, end, quote: describeQuote(index, start, end) };
}

function sharesSubstance(quote: string, placed: string): boolean {
  const { kept, share } = substanceAt(quote, placed);
  return Math.max(kept, share) >= MIN_SUBSTANCE && Math.min(kept, share) >= MIN_SUBSTANCE_EITHER_WAY;
}

export function orphan(anchor: StoredAnchor): Reanchored {
  return { status: 'orphaned', start: null, end: null, quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix } };
}
