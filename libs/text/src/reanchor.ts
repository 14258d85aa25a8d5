/**
 * Re-anchoring claims when an article gets a new revision.
 *
 * The order of evidence (ARCHITECTURE.md, "Data rules"): the diff says where each span's text went;
 * the quote and its context confirm it. The one thing never done is what Hypothesis does
 * (hypothesis/client#7571): when the claim's own sentence was edited, jump to an identical phrase
 * elsewhere. Text the diff carries over unchanged from the old revision is somebody else's text,
 * so an exact copy there is never a destination. A claim follows its quote into new text (the diff
 * shows it inserted) only when the old text around the span came along too, i.e. the passage moved;
 * a new sentence that merely reuses the phrase, even in the same boilerplate context, is not it.
 */
import { codePointLength, TextIndex } from './code-points';
import { computeEditMap, EditMap, insertionAround, mapPosition, mapSpan, overlapsInsertion, SpanMapping } from './edit-map';
import {
  alignInWindow,
  ApproximateHit,
  contextFit,
  ContextFit,
  contextSimilarity,
  exactOccurrences,
  isSpaceChar,
  prefixDistance,
  searchApproximate,
  toCodePoints,
} from './fuzzy';
import { describeQuote, QuoteSelector } from './quote';

export type AnchorStatus = 'anchored' | 'moved' | 'fuzzy' | 'orphaned';

/** A claim's stored selectors; start/end are null when it is already orphaned. */
export interface StoredAnchor {
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Reanchored {
  status: AnchorStatus;
  start: number | null;
  end: number | null;
  /** The quote at the new place; the last stored quote when orphaned. */
  quote: QuoteSelector;
}

/*
 * Thresholds. Context is 32 code points a side, 64 in all; agreement is counted as the run of code
 * points that match outwards from the span, so an edit far out in the context costs little and an
 * edit right next to the span costs a lot.
 */
/** Context agreeing over ≥ 16 code points (a quarter) identifies a passage: two copies of a phrase rarely share it. */
const GOOD_CONTEXT_RUN = 16;
/** Under 8 agreeing code points the surroundings were rewritten: the diff's alignment of a short phrase is suspect. */
const WEAK_CONTEXT_RUN = 8;
/** A candidate "clearly wins" when its context agrees over ≥ 8 more code points than the runner-up's. */
const CLEAR_MARGIN = 8;
/**
 * Moved-passage evidence: up to 64 code points on each side of the span, inside the block the diff
 * deleted, must be ≥ 0.8 similar to the same stretch beside the candidate inside the inserted block.
 * 0.8 lets a typo fix or a changed word in a moved paragraph through; a different sentence built on
 * the same boilerplate scores far lower.
 */
const MOVE_WINDOW = 64;
const MOVE_SIMILARITY = 0.8;
/** A moved passage must prove itself over ≥ 40 code points (quote + agreeing text around it)… */
const MIN_MOVED_STRETCH = 40;
/** Block edges within 4 code points count as the same edge: a moved paragraph's blank line lands on either side. */
const EDGE_SLACK = 4;
/**
 * Move detection (throughMovedBlock): a deleted block and an inserted one are the same passage when
 * ≥ 85 % of the deleted text outside the quote, and ≥ 32 code points, reappear in the inserted one.
 * A moved paragraph with a word or a sentence changed shares over 90 %; two different sentences
 * built on the same formula ("X delayed the fund in Moscow on Monday, and the figures could not be
 * independently verified") share 70-80 %.
 */
const MOVED_BLOCK_SHARE = 0.85;
const MOVED_BLOCK_CONTEXT = 32;
/** Inserted blocks over 4× the deleted one (+1 KiB) are not diffed against it; the second diff gets 50 ms. */
const MOVED_BLOCK_SPREAD = 4;
const MOVED_BLOCK_DIFF_SECONDS = 0.05;
/** At most 8 inserted blocks are diffed against a claim's deleted block… */
const MOVED_BLOCKS = 8;
/** …and only those holding verbatim half of its 16-code-point chunks around the span. */
const CHUNK = 16;
const CHUNK_SHARE = 0.5;
/** …of which ≥ 8 around the quote, unless the quote alone is ≥ 64 code points (a sentence or more). */
const MIN_COMPARED = 8;
const SELF_EVIDENT_QUOTE = 64;
/**
 * Edited in place: the share of the span's text the diff carried over, relative to the longer of the
 * old quote and the new region. ≥ 0.5 → fuzzy there; ≥ 0.25 → fuzzy only if the context still agrees
 * (≥ 0.5 similarity); less → the passage is gone. Unrelated prose shares next to nothing after
 * semantic cleanup, so the overlap measures real survival.
 */
const IN_PLACE_OVERLAP = 0.5;
const IN_PLACE_MIN_OVERLAP = 0.25;
const IN_PLACE_CONTEXT = 0.5;
/** Inside a block the diff could not resolve (a rewrite, a diff timeout): quote similarity needed to accept an alignment. */
const BLOCK_SIMILARITY = 0.75;
const BLOCK_SIMILARITY_WITH_CONTEXT = 0.6;
const BLOCK_CONTEXT = 0.6;
/** Anywhere else (no diff evidence): an approximate match needs ≥ 0.8 quote and ≥ 0.5 context similarity. */
const ELSEWHERE_SIMILARITY = 0.8;
const ELSEWHERE_CONTEXT = 0.5;
/** Shorter quotes are never matched approximately away from their place: too many near-copies. */
const MIN_APPROXIMATE_QUOTE = 12;

/** Re-anchors every claim of an article from its old text to its new text, with one diff for all of them. */
export function reanchorAll(oldText: string, newText: string, anchors: readonly StoredAnchor[]): Reanchored[] {
  const oldIndex = new TextIndex(oldText);
  const newIndex = new TextIndex(newText);
  const revision: Revision = { oldIndex, newIndex, map: computeEditMap(oldIndex, newIndex), occurrences: new Map(), movedBlocks: new Map() };
  return anchors.map((anchor) => reanchorOne(revision, anchor));
}

/**
 * Anchors a claim in a text with no old revision to compare with (imports, claims orphaned
 * earlier): the stored position if it still holds the quote, else the quote ranked by context,
 * else a close approximate match, else orphaned.
 */
export function anchorInText(text: string, anchor: StoredAnchor): Reanchored {
  return locate(new TextIndex(text), anchor, anchor.start);
}

interface Revision {
  readonly oldIndex: TextIndex;
  readonly newIndex: TextIndex;
  readonly map: EditMap;
  /** Exact occurrences in the new text per quote, shared by claims with the same quote. */
  readonly occurrences: Map<string, number[]>;
  /** Second diffs between a deleted block and an inserted one, shared by the claims in the block. */
  readonly movedBlocks: Map<string, { map: EditMap; inserted: TextIndex; shared: number } | null>;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly fit: ContextFit;
  readonly distance: number;
}

function reanchorOne(revision: Revision, anchor: StoredAnchor): Reanchored {
  const { oldIndex, newIndex, map } = revision;
  const { start, end, exact } = anchor;
  if (exact.length === 0) return orphan(anchor);
  if (start === null || end === null) return reattach(revision, anchor);
  if (!oldIndex.isRange(start, end) || start === end || oldIndex.slice(start, end) !== exact) {
    // The stored position does not hold the stored quote, so the diff says nothing about this
    // claim: search for the quote near where its position maps.
    const hint = mapPosition(map, Math.min(Math.max(0, start), oldIndex.length));
    return locate(newIndex, anchor, hint);
  }
  const quoteLength = end - start;
  const mapping = mapSpan(map, newIndex, start, end);
  if (!mapping.touched) return keepUntouched(revision, anchor, mapping);
  return (
    placeInPlace(revision, anchor, mapping, quoteLength) ??
    followMove(revision, anchor, mapping, quoteLength) ??
    orphan(anchor)
  );
}

/** The diff carried the span's text over unchanged. */
function keepUntouched(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping): Reanchored {
  const { newIndex } = revision;
  const fit = contextFit(newIndex, mapping.start, mapping.end, anchor.prefix, anchor.suffix);
  // Both sides rewritten right up to a phrase that occurs more than once: the diff may have paired
  // it with another copy. It stays where the diff put it, flagged.
  if (isWeak(fit) && occurrencesOf(revision, anchor.exact).length > 1) {
    return place(newIndex, anchor, 'fuzzy', mapping.start, mapping.end);
  }
  const same = mapping.start === anchor.start && mapping.end === anchor.end;
  return place(newIndex, anchor, same ? 'anchored' : 'moved', mapping.start, mapping.end);
}

/** The span's text was edited: place it where the diff says its text went, if enough of it is there. */
function placeInPlace(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): Reanchored | null {
  const { newIndex } = revision;
  const regionLength = mapping.regionEnd - mapping.regionStart;
  const compact = regionLength <= 2 * quoteLength + 2 * WEAK_CONTEXT_RUN;

  // The quote may still be whole inside a small edited region (a short span the diff folded into
  // the edits around it). In a large one, a copy is judged like any other text that moved (followMove).
  if (compact && regionLength >= quoteLength) {
    const starts = exactOccurrences(newIndex, anchor.exact, mapping.regionStart, mapping.regionEnd);
    const ranked = rank(newIndex, starts, quoteLength, anchor, mapping.start);
    const best = ranked[0];
    if (best) {
      const sure = isGood(best.fit) && isClear(ranked);
      const same = best.start === anchor.start && best.end === anchor.end;
      return place(newIndex, anchor, sure ? (same ? 'anchored' : 'moved') : 'fuzzy', best.start, best.end);
    }
  }

  const [start, end] = trim(newIndex, mapping.start, mapping.end, anchor.exact);
  if (end > start) {
    const overlap = mapping.preserved / Math.max(quoteLength, end - start);
    if (overlap >= IN_PLACE_OVERLAP) return place(newIndex, anchor, 'fuzzy', start, end);
    if (overlap >= IN_PLACE_MIN_OVERLAP && contextSimilarity(newIndex, start, end, anchor.prefix, anchor.suffix) >= IN_PLACE_CONTEXT) {
      return place(newIndex, anchor, 'fuzzy', start, end);
    }
  }

  // A large hunk (a rewritten block, or a diff that hit its deadline) only says "somewhere in
  // here": align the quote inside it, near the proportional position, and accept a close match
  // whose surroundings came along (a new sentence in the block reusing the phrase does not count).
  if (!compact && regionLength >= quoteLength / 2) {
    const pad = 2 * quoteLength + 64;
    const from = Math.max(mapping.regionStart, mapping.start - pad);
    const to = Math.min(mapping.regionEnd, mapping.end + pad);
    const maxErrors = Math.floor(quoteLength * (1 - BLOCK_SIMILARITY_WITH_CONTEXT));
    const hits = searchApproximate(newIndex, toCodePoints(anchor.exact), maxErrors, from, to, mapping.start).filter((hit) =>
      cameAlong(revision, anchor, mapping, hit, quoteLength),
    );
    const best = bestHit(newIndex, anchor, hits, quoteLength);
    if (best && (best.similarity >= BLOCK_SIMILARITY || (best.similarity >= BLOCK_SIMILARITY_WITH_CONTEXT && best.context >= BLOCK_CONTEXT))) {
      return placeTrimmed(newIndex, anchor, best.hit);
    }
  }
  return null;
}

/**
 * The span's text is gone from where it was. It may have moved: follow it into inserted text, but
 * only where the passage around it moved too: the deleted block reappears in an inserted one
 * (`throughMovedBlock`: moved, or fuzzy if the span was edited on the way), or, for an exact copy,
 * the text right around the span came along (`cameAlong`). Text that was already there is never a
 * candidate.
 */
function followMove(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): Reanchored | null {
  const { newIndex, map } = revision;
  const fresh = occurrencesOf(revision, anchor.exact).filter((s) => overlapsInsertion(map, s, s + quoteLength));
  const ranked = rank(newIndex, fresh, quoteLength, anchor, mapping.start);
  const blocks = ranked.length > 0 ? blocksAround(revision, ranked) : resemblingBlocks(revision, anchor, mapping, quoteLength);
  for (const block of blocks) {
    const found = throughMovedBlock(revision, anchor, mapping, block, quoteLength);
    if (found) return found;
  }
  const moved = ranked.filter((c) => cameAlong(revision, anchor, mapping, c, quoteLength));
  return moved.length > 0 ? place(newIndex, anchor, isClear(moved) ? 'moved' : 'fuzzy', moved[0].start, moved[0].end) : null;
}

/** The distinct inserted blocks the given new ranges lie in, in order of first appearance, at most MOVED_BLOCKS. */
function blocksAround(revision: Revision, ranges: ReadonlyArray<{ start: number; end: number }>): Array<{ start: number; end: number }> {
  const blocks = new Map<string, { start: number; end: number }>();
  for (const range of ranges) {
    const block = insertionAround(revision.map, range.start, range.end);
    if (block) blocks.set(`${block.start}:${block.end}`, block);
  }
  return [...blocks.values()].slice(0, MOVED_BLOCKS);
}

/**
 * Where the span's passage may have gone when its quote is nowhere verbatim (moved and edited):
 * the inserted blocks sharing most 16-code-point chunks with the deleted block's text around the
 * span, best first. A cheap filter in front of the second diff.
 */
function resemblingBlocks(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): Array<{ start: number; end: number }> {
  const { map } = revision;
  const outside = mapping.oldRegionEnd - mapping.oldRegionStart - quoteLength;
  if (outside < MOVED_BLOCK_CONTEXT) return [];
  const scored: Array<{ block: { start: number; end: number }; share: number }> = [];
  for (const h of map.hunks) {
    const block = { start: h.newStart, end: h.newEnd };
    if (block.end - block.start < MOVED_BLOCK_SHARE * outside) continue;
    const share = chunkShare(revision, anchor, mapping, block);
    if (share >= CHUNK_SHARE) scored.push({ block, share });
  }
  return scored.sort((a, b) => b.share - a.share).slice(0, MOVED_BLOCKS).map((s) => s.block);
}

/** Share of the deleted block's 16-code-point chunks around the span (quote excluded) found verbatim in a new block. */
function chunkShare(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, block: { start: number; end: number }): number {
  const { oldIndex, newIndex } = revision;
  if (anchor.start === null || anchor.end === null) return 0;
  const chunks: string[] = [];
  const cut = (from: number, to: number): void => {
    for (let at = from; at + CHUNK <= to; at += CHUNK) chunks.push(oldIndex.slice(at, at + CHUNK));
  };
  cut(mapping.oldRegionStart, anchor.start);
  cut(anchor.end, mapping.oldRegionEnd);
  if (chunks.length === 0) return 0;
  const text = newIndex.slice(block.start, block.end);
  return chunks.filter((chunk) => text.includes(chunk)).length / chunks.length;
}

/**
 * Move detection: if most of the block the diff deleted around the span reappears in an inserted
 * block, the passage moved (perhaps edited on the way). Diff the two blocks and map the span through
 * that second diff: untouched → moved to exactly where it lands; edited → fuzzy there if enough of it
 * survived. The shared text must be the surroundings, not the quote (a new sentence that reuses the
 * phrase shares only the phrase): ≥ MOVED_BLOCK_SHARE of the deleted block outside the quote, and
 * at least MOVED_BLOCK_CONTEXT code points of it.
 */
function throughMovedBlock(
  revision: Revision,
  anchor: StoredAnchor,
  mapping: SpanMapping,
  block: { start: number; end: number },
  quoteLength: number,
): Reanchored | null {
  const { oldIndex, newIndex } = revision;
  const { start, end } = anchor;
  const deletedLength = mapping.oldRegionEnd - mapping.oldRegionStart;
  const outside = deletedLength - quoteLength;
  if (start === null || end === null || outside < MOVED_BLOCK_CONTEXT) return null;
  if (block.end - block.start > MOVED_BLOCK_SPREAD * deletedLength + 1024) return null; // keeps the second diff small
  const key = `${mapping.oldRegionStart}:${mapping.oldRegionEnd}>${block.start}:${block.end}`;
  let pair = revision.movedBlocks.get(key);
  if (pair === undefined) {
    // Cheap first: most chunks of the surroundings must be there verbatim before a diff is worth it.
    if (chunkShare(revision, anchor, mapping, block) < CHUNK_SHARE) {
      revision.movedBlocks.set(key, null);
      return null;
    }
    const deleted = new TextIndex(oldIndex.slice(mapping.oldRegionStart, mapping.oldRegionEnd));
    const inserted = new TextIndex(newIndex.slice(block.start, block.end));
    const map = computeEditMap(deleted, inserted, MOVED_BLOCK_DIFF_SECONDS);
    const changed = map.hunks.reduce((sum, h) => sum + (h.oldEnd - h.oldStart), 0);
    pair = { map, inserted, shared: deletedLength - changed };
    revision.movedBlocks.set(key, pair);
  }
  if (pair === null) return null;
  const inner = mapSpan(pair.map, pair.inserted, start - mapping.oldRegionStart, end - mapping.oldRegionStart);
  const sharedOutside = pair.shared - inner.preserved;
  if (sharedOutside < MOVED_BLOCK_SHARE * outside || sharedOutside < MOVED_BLOCK_CONTEXT) return null;
  if (!inner.touched) return place(newIndex, anchor, 'moved', block.start + inner.start, block.start + inner.end);
  const [s, e] = trim(newIndex, block.start + inner.start, block.start + inner.end, anchor.exact);
  if (e > s && inner.preserved / Math.max(quoteLength, e - s) >= IN_PLACE_OVERLAP) return place(newIndex, anchor, 'fuzzy', s, e);
  return null;
}

/**
 * Whether a candidate in inserted text is the span's own passage, moved. On each side, compare the old
 * text next to the span, inside the deleted block, with the new text next to the candidate, inside
 * the inserted block, up to MOVE_WINDOW code points; each must be ≥ MOVE_SIMILARITY similar. The
 * comparison stops at a block edge, and the edges must be consistent: a real move brings a whole unit
 * (the deleted block reappears whole, or the inserted block is all old text), so both sides stop at
 * the deleted block's edges, or both at the inserted block's, or run the full window. A new sentence
 * that starts with a boilerplate phrase the old one ended with stops at one edge of each: rejected.
 * Finally, quote and compared text together must be ≥ MIN_MOVED_STRETCH: a lone phrase proves nothing.
 */
function cameAlong(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, candidate: { start: number; end: number }, quoteLength: number): boolean {
  const { oldIndex, newIndex, map } = revision;
  const { start, end } = anchor;
  const block = insertionAround(map, candidate.start, candidate.end);
  if (start === null || end === null || !block) return false;
  const side = (toDeletedEdge: number, toInsertedEdge: number): { length: number; edges: Set<string> } => {
    const length = Math.min(MOVE_WINDOW, toDeletedEdge, toInsertedEdge);
    const edges = new Set<string>();
    if (length === MOVE_WINDOW) edges.add('full');
    if (toDeletedEdge - length <= EDGE_SLACK) edges.add('deleted');
    if (toInsertedEdge - length <= EDGE_SLACK) edges.add('inserted');
    return { length, edges };
  };
  const left = side(start - mapping.oldRegionStart, Math.max(0, candidate.start - block.start));
  const right = side(mapping.oldRegionEnd - end, Math.max(0, block.end - candidate.end));
  const consistent = left.edges.has('full') || right.edges.has('full') || [...left.edges].some((edge) => right.edges.has(edge));
  if (!consistent || quoteLength + left.length + right.length < MIN_MOVED_STRETCH) return false;
  // Nothing around the span to compare (it was the whole deleted block): only a long quote speaks for itself.
  if (left.length + right.length < MIN_COMPARED && quoteLength < SELF_EVIDENT_QUOTE) return false;
  // Read outwards from the span on both sides; the new side may run a little longer to absorb insertions.
  const reach = (length: number): number => length + Math.ceil(length * (1 - MOVE_SIMILARITY));
  const agrees = (old: Int32Array, moved: Int32Array): boolean => old.length === 0 || 1 - prefixDistance(old, moved) / old.length >= MOVE_SIMILARITY;
  const beforeOld = toCodePoints(oldIndex.slice(start - left.length, start)).reverse();
  const beforeNew = toCodePoints(newIndex.slice(Math.max(0, candidate.start - reach(left.length)), candidate.start)).reverse();
  const afterOld = toCodePoints(oldIndex.slice(end, end + right.length));
  const afterNew = toCodePoints(newIndex.slice(candidate.end, Math.min(newIndex.length, candidate.end + reach(right.length))));
  return agrees(beforeOld, beforeNew) && agrees(afterOld, afterNew);
}

/**
 * A claim that was orphaned before comes back only through new text, with its stored context agreeing
 * on both sides (an edit undone, a sentence restored), never to a copy that was already there.
 */
function reattach(revision: Revision, anchor: StoredAnchor): Reanchored {
  const { newIndex, map } = revision;
  const quoteLength = codePointLength(anchor.exact);
  const fresh = occurrencesOf(revision, anchor.exact).filter((s) => overlapsInsertion(map, s, s + quoteLength));
  const restored = rank(newIndex, fresh, quoteLength, anchor, 0).filter(({ fit }) => bothSidesAgree(fit));
  if (restored.length === 0) return orphan(anchor);
  return place(newIndex, anchor, isClear(restored) ? 'moved' : 'fuzzy', restored[0].start, restored[0].end);
}

/** Anchoring without a diff: stored position → exact quote ranked by context → close approximate match. */
function locate(index: TextIndex, anchor: StoredAnchor, hint: number | null): Reanchored {
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

  const ranked = rank(index, all, quoteLength, anchor, near);
  const best = ranked[0];
  if (best) return place(index, anchor, isGood(best.fit) && isClear(ranked) ? 'moved' : 'fuzzy', best.start, best.end);

  if (quoteLength >= MIN_APPROXIMATE_QUOTE) {
    const pattern = toCodePoints(exact);
    const maxErrors = Math.floor(quoteLength * (1 - ELSEWHERE_SIMILARITY));
    const accept = (hits: ApproximateHit[]): Reanchored | null => {
      const top = bestHit(index, anchor, hits, quoteLength);
      return top && top.similarity >= ELSEWHERE_SIMILARITY && top.context >= ELSEWHERE_CONTEXT ? placeTrimmed(index, anchor, top.hit) : null;
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

function occurrencesOf(revision: Revision, exact: string): number[] {
  let starts = revision.occurrences.get(exact);
  if (!starts) {
    starts = exactOccurrences(revision.newIndex, exact);
    revision.occurrences.set(exact, starts);
  }
  return starts;
}

/** Exact candidates, best first: most agreeing context, then nearest to where the span should be. */
function rank(index: TextIndex, starts: readonly number[], quoteLength: number, anchor: StoredAnchor, hint: number): Candidate[] {
  return starts
    .map((start) => ({
      start,
      end: start + quoteLength,
      fit: contextFit(index, start, start + quoteLength, anchor.prefix, anchor.suffix),
      distance: Math.abs(start - hint),
    }))
    .sort((a, b) => b.fit.run - a.fit.run || a.distance - b.distance);
}

const isGood = (fit: ContextFit): boolean => fit.run >= Math.min(GOOD_CONTEXT_RUN, fit.available);
const isWeak = (fit: ContextFit): boolean => fit.run < Math.min(WEAK_CONTEXT_RUN, fit.available);
const isClear = (ranked: readonly Candidate[]): boolean => ranked.length < 2 || ranked[0].fit.run - ranked[1].fit.run >= CLEAR_MARGIN;
/** Each side agrees over GOOD_CONTEXT_RUN code points, or over all of its stored context if shorter. */
const bothSidesAgree = (fit: ContextFit): boolean =>
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
function bestHit(index: TextIndex, anchor: StoredAnchor, hits: readonly ApproximateHit[], quoteLength: number): ScoredHit | null {
  let best: ScoredHit | null = null;
  for (const hit of hits) {
    const scored = scoreHit(index, anchor, hit, quoteLength);
    if (!best || scored.similarity + scored.context > best.similarity + best.context) best = scored;
  }
  return best;
}

/** Drops white space a fuzzy region gained at its edges, unless the quote itself has it there. */
function trim(index: TextIndex, start: number, end: number, exact: string): [number, number] {
  let s = start;
  let e = end;
  if (!/^\s/u.test(exact)) while (s < e && isSpaceChar(index, s)) s++;
  if (!/\s$/u.test(exact)) while (e > s && isSpaceChar(index, e - 1)) e--;
  return [s, e];
}

function placeTrimmed(index: TextIndex, anchor: StoredAnchor, hit: ApproximateHit): Reanchored {
  const [start, end] = trim(index, hit.start, hit.end, anchor.exact);
  return place(index, anchor, 'fuzzy', start, end);
}

/** A placed result; anything but a non-empty valid range is refused (orphaned) rather than stored. */
function place(index: TextIndex, anchor: StoredAnchor, status: Exclude<AnchorStatus, 'orphaned'>, start: number, end: number): Reanchored {
  if (!(start < end) || !index.isRange(start, end)) return orphan(anchor);
  return { status, start, end, quote: describeQuote(index, start, end) };
}

function orphan(anchor: StoredAnchor): Reanchored {
  return { status: 'orphaned', start: null, end: null, quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix } };
}
