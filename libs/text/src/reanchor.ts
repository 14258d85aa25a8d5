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
import { Reanchored, StoredAnchor } from './anchor';
import {
  bestHit,
  bothSidesAgree,
  editedSpan,
  IN_PLACE_CONTEXT,
  IN_PLACE_MIN_OVERLAP,
  IN_PLACE_OVERLAP,
  isClear,
  isFull,
  isGood,
  isWeak,
  locate,
  nextToItAgrees,
  orphan,
  place,
  placeTrimmed,
  rank,
  WEAK_CONTEXT_RUN,
} from './candidates';
import { codePointLength, TextIndex } from './code-points';
import { belongsElsewhere, outwardRuns, rotatedCopy } from './copies';
import { computeEditMap, insertedWithin, mapPosition, mapSpan, SpanMapping } from './edit-map';
import { contextFit, contextSimilarity, exactOccurrences, searchApproximate, toCodePoints } from './fuzzy';
import { cameAlong, MOVED_BLOCK_SHARE, movedWholeParagraph, oldTextMovedIn, passageStayed, throughMovedPassage } from './moved-passage';
import { mostlyInserted, occurrencesOf, Revision } from './revision';

export type { AnchorStatus, Reanchored, StoredAnchor } from './anchor';

// Edited in place (the overlap thresholds are in candidates.ts, shared with move detection).
/** Reworded in place: new text ½× to 2× the quote's length in its slot, with ≥ 16 code points of context agreeing on each side. */
const REWORD_MIN_SIZE = 0.5;
const REWORD_MAX_SIZE = 2;
/**
 * Where the diff put a phrase with weak context, or edited text, is trusted only if half of its
 * passage stayed there too; otherwise a moved passage may win, or a phrase is orphaned.
 */
const STAYED_SHARE = 0.5;
/** A slot where the diff wrote at least half as much new text as it removed was rewritten, not vacated (rewrittenInPlace). */
const REWRITTEN_SHARE = 0.5;
/** Inside a block the diff could not resolve (a rewrite, a diff timeout): quote similarity needed to accept an alignment. */
const BLOCK_SIMILARITY = 0.75;
const BLOCK_SIMILARITY_WITH_CONTEXT = 0.6;
const BLOCK_CONTEXT = 0.6;

// Followed through a move.
/**
 * Second diffs may take 1 s per reanchorAll call in all. Normal revisions spend a few milliseconds;
 * a wholesale rewrite (every sentence shuffled) would spend many seconds: past the budget, claims
 * are no longer followed through moves (they orphan, or the cheaper checks place them).
 */
const SECOND_DIFF_BUDGET_MS = 1000;
/** Copies of the quote in inserted text examined one by one (best context first). */
const MAX_FRESH_CANDIDATES = 16;
/**
 * A copy in inserted text with ≥ 64 code points of the old text verbatim on one side, ≥ 128 with the
 * quote, is the claim moved with its passage, whatever happened on the other side.
 */
const LONG_SIDE = 64;
const LONG_STRETCH = 128;

/** Re-anchors every claim of an article from its old text to its new text, with one diff for all of them. */
export function reanchorAll(oldText: string, newText: string, anchors: readonly StoredAnchor[]): Reanchored[] {
  const oldIndex = new TextIndex(oldText);
  const newIndex = new TextIndex(newText);
  const revision: Revision = {
    oldIndex,
    newIndex,
    map: computeEditMap(oldIndex, newIndex),
    inserted: null,
    secondDiffBudget: SECOND_DIFF_BUDGET_MS,
    chunkHits: new Map(),
    occurrences: new Map(),
    leftTheirPlace: new Map(),
  };
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
  const inPlace = placed(placeInPlace(revision, anchor, mapping, quoteLength));
  if (inPlace?.status === 'fuzzy' && passageStayed(revision, anchor, quoteLength) < STAYED_SHARE) {
    // Edited text sits where the span was, but most of its passage left: if the passage reappears
    // whole elsewhere, untouched and with the claim's full context, that is the claim (a pull quote
    // was pasted where the paragraph used to be).
    const moved = throughMovedPassage(revision, anchor, quoteLength);
    if (moved?.status === 'moved' && isFull(contextFit(newIndex, moved.start ?? 0, moved.end ?? 0, anchor.prefix, anchor.suffix))) {
      return moved;
    }
  }
  if (inPlace) return inPlace;
  // Its own place was rewritten among surroundings that stayed: the claim did not move, it is gone.
  // Its old words elsewhere (a pull quote of the sentence, an editor's note) quote it; they are not it.
  if (rewrittenInPlace(revision, anchor, mapping, quoteLength)) return orphan(anchor);
  return followMove(revision, anchor, mapping, quoteLength) ?? orphan(anchor);
}

/**
 * The diff replaced the span's text with new text (at least half as much as it removed, and not old
 * text moved in, as when two paragraphs swap places), and most of the passage around the rewritten
 * text stayed where it was (or the rewrite took all of it): the claim's slot was rewritten, not
 * vacated. A claim that moved leaves a deletion behind, or takes its passage along (a pull quote
 * pasted where its paragraph used to be).
 */
function rewrittenInPlace(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): boolean {
  const removed = mapping.oldRegionEnd - mapping.oldRegionStart - mapping.preserved;
  const written = insertedWithin(revision.map, mapping.regionStart, mapping.regionEnd);
  if (written === 0 || written < REWRITTEN_SHARE * removed) return false;
  if (oldTextMovedIn(revision, mapping.regionStart, mapping.regionEnd)) return false;
  const rewritten = { from: mapping.oldRegionStart, to: mapping.oldRegionEnd };
  return passageStayed(revision, anchor, quoteLength, rewritten) >= STAYED_SHARE;
}

/** A place, or null when the claim could not be placed there (a fuzzy place without the claim's substance): try the next way. */
function placed(result: Reanchored | null): Reanchored | null {
  return result?.status === 'orphaned' ? null : result;
}

/** The diff carried the span's text over unchanged. */
function keepUntouched(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping): Reanchored {
  const { newIndex } = revision;
  const quoteLength = mapping.end - mapping.start;
  const fit = contextFit(newIndex, mapping.start, mapping.end, anchor.prefix, anchor.suffix);
  if (!isFull(fit)) {
    const rotated = rotatedCopy(revision, anchor, mapping);
    if (rotated !== undefined) return place(newIndex, anchor, 'moved', rotated, rotated + quoteLength);
    // The diff may have paired the claim's sentence with another old copy of it that it moved or
    // deleted ("Copy 1: <the sentence>"): then that text is the copy's, and the claim's is gone.
    if (belongsElsewhere(revision, anchor, mapping.start, mapping.end)) {
      return throughMovedPassage(revision, anchor, quoteLength) ?? orphan(anchor);
    }
  }
  // The diff's pairing of a phrase is only as good as that of its surroundings.
  const stayed = isFull(fit) ? 1 : passageStayed(revision, anchor, quoteLength);
  if (!isFull(fit) && stayed < MOVED_BLOCK_SHARE) {
    // Most of the passage left this place: if it reappears whole elsewhere, it moved.
    const moved = throughMovedPassage(revision, anchor, quoteLength);
    if (moved && moved.start !== mapping.start) return moved;
  }
  if (isWeak(fit) && occurrencesOf(revision, anchor.exact).length > 1) {
    // Both sides rewritten right up to a phrase that occurs more than once: flagged where the diff
    // put it ("fell to 3.5 percent" → "dropped to 3.5 percent"), provided the passage around it
    // stayed and a few code points next to it still agree. A lone phrase paired amid rewritten or
    // rearranged text, nothing next to it agreeing, could be any of its copies.
    if (stayed < STAYED_SHARE || !nextToItAgrees(fit)) return orphan(anchor);
    return place(newIndex, anchor, 'fuzzy', mapping.start, mapping.end);
  }
  return place(newIndex, anchor, 'moved', mapping.start, mapping.end); // anchored if the offsets did not change
}

/** The span's text was edited: place it where the diff says its text went, if enough of it is there. */
function placeInPlace(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): Reanchored | null {
  const { newIndex } = revision;
  const regionLength = mapping.regionEnd - mapping.regionStart;
  const compact = regionLength <= 2 * quoteLength + 2 * WEAK_CONTEXT_RUN;

  // The quote may still be whole inside a small edited region (a short span the diff folded into
  // the edits around it), with some of its context. Without context it may be a coincidence (a "3"
  // in the replacement of a paragraph that moved away). In a large region, a copy is judged like
  // any other text that moved (followMove).
  if (compact && regionLength >= quoteLength) {
    const starts = exactOccurrences(newIndex, anchor.exact, mapping.regionStart, mapping.regionEnd);
    const ranked = rank(newIndex, starts, quoteLength, anchor, mapping.start);
    const best = ranked[0];
    if (best && !isWeak(best.fit)) {
      // A copy here whose context is not intact loses to the whole passage moved elsewhere with a
      // better one (a pull quote pasted where the paragraph used to be).
      const moved = isFull(best.fit) ? null : throughMovedPassage(revision, anchor, quoteLength);
      const movedRun = moved ? contextFit(newIndex, moved.start ?? 0, moved.end ?? 0, anchor.prefix, anchor.suffix).run : 0;
      if (moved?.status === 'moved' && movedRun > best.fit.run) return moved;
      const sure = isGood(best.fit) && isClear(ranked);
      return place(newIndex, anchor, sure ? 'moved' : 'fuzzy', best.start, best.end);
    }
  }

  const [start, end] = editedSpan(newIndex, anchor, mapping.start, mapping.end);
  // Each fuzzy place must still share the claim's substance (place); one that does not is no place.
  const fuzzyHere = (): Reanchored | null => placed(place(newIndex, anchor, 'fuzzy', start, end));
  if (end > start) {
    const overlap = mapping.preserved / Math.max(quoteLength, end - start);
    if (overlap >= IN_PLACE_OVERLAP || (overlap >= IN_PLACE_MIN_OVERLAP && contextSimilarity(newIndex, start, end, anchor.prefix, anchor.suffix) >= IN_PLACE_CONTEXT)) {
      const here = fuzzyHere();
      if (here) return here;
    }
    // Reworded in place: new words of about the claim's size in exactly its slot, the text on both
    // sides intact ("3.5 percent" → "3.4 percent"). Flagged for review only if they still share the
    // claim's substance: unrelated words in its slot ("hotly contested" → "fiercely fought") are not
    // the claim, however well the context agrees.
    const length = end - start;
    const similarSize = length >= quoteLength * REWORD_MIN_SIZE && length <= quoteLength * REWORD_MAX_SIZE + WEAK_CONTEXT_RUN;
    if (similarSize && bothSidesAgree(contextFit(newIndex, start, end, anchor.prefix, anchor.suffix))) {
      const reworded = fuzzyHere();
      if (reworded) return reworded;
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
 * only where the passage around it moved too. First by move detection (`throughMovedPassage`:
 * moved, or fuzzy if the span was edited on the way); then, for an exact copy, by the text right
 * around it (`cameAlong`). Text that was already there is never a candidate.
 */
function followMove(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): Reanchored | null {
  const { newIndex, map } = revision;
  const { start, end } = anchor;
  if (start === null || end === null) return null;
  const viaPassage = placed(throughMovedPassage(revision, anchor, quoteLength));
  if (viaPassage) return viaPassage;
  // The best few copies in inserted text by context; the checks below are costly, and a copy whose
  // context ranks lower than sixteen others is not the claim moved with its passage.
  const fresh = occurrencesOf(revision, anchor.exact).filter((s) => mostlyInserted(map, s, s + quoteLength));
  const ranked = rank(newIndex, fresh, quoteLength, anchor, mapping.start)
    .slice(0, MAX_FRESH_CANDIDATES)
    .filter((c) => !belongsElsewhere(revision, anchor, c.start, c.end));
  const whole = ranked.find((c) => movedWholeParagraph(revision, anchor, c));
  if (whole) return place(newIndex, anchor, 'moved', whole.start, whole.end);
  // One side of the passage moved with the claim verbatim, the other was edited (a paragraph moved
  // and the sentence after the claim deleted): a long exact stretch is evidence enough.
  const longStretch = ranked.filter((c) => {
    const runs = outwardRuns(revision, start, end, c.start, c.end);
    return Math.max(runs.before, runs.after) >= LONG_SIDE && quoteLength + runs.before + runs.after >= LONG_STRETCH;
  });
  if (longStretch.length === 1) return place(newIndex, anchor, 'moved', longStretch[0].start, longStretch[0].end);
  const moved = ranked.filter((c) => cameAlong(revision, anchor, mapping, c, quoteLength));
  return moved.length > 0 ? place(newIndex, anchor, isClear(moved) ? 'moved' : 'fuzzy', moved[0].start, moved[0].end) : null;
}

/**
 * A claim that was orphaned before comes back only through new text, with its stored context agreeing
 * on both sides (an edit undone, a sentence restored), never to a copy that was already there.
 */
function reattach(revision: Revision, anchor: StoredAnchor): Reanchored {
  const { newIndex, map } = revision;
  const quoteLength = codePointLength(anchor.exact);
  const fresh = occurrencesOf(revision, anchor.exact).filter((s) => mostlyInserted(map, s, s + quoteLength));
  const restored = rank(newIndex, fresh, quoteLength, anchor, 0).filter(({ fit }) => bothSidesAgree(fit));
  if (restored.length === 0) return orphan(anchor);
  return place(newIndex, anchor, isClear(restored) ? 'moved' : 'fuzzy', restored[0].start, restored[0].end);
}
