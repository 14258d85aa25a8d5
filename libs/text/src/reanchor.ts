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
import {
  computeEditMap,
  computeEmbeddedEditMap,
  EditMap,
  insertedWithin,
  insertionAround,
  isTouched,
  mapPosition,
  mapSpan,
  SEGMENT_BOUNDARY,
  SpanMapping,
} from './edit-map';
import {
  alignInWindow,
  ApproximateHit,
  commonPrefixRun,
  commonSuffixRun,
  contextFit,
  ContextFit,
  contextSimilarity,
  exactOccurrences,
  isSpaceChar,
  prefixDistance,
  searchApproximate,
  toCodePoints,
} from './fuzzy';
import { CONTEXT_LENGTH, describeQuote, QuoteSelector } from './quote';

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
 * edit right next to the span costs a lot. Each value was checked against the newsroom cases in
 * reanchor.spec.ts, the properties in reanchor.property.spec.ts and bench/reanchor.bench.ts.
 */

// Context.
/** Context agreeing over ≥ 16 code points (a quarter) identifies a passage: two copies of a phrase rarely share it. */
const GOOD_CONTEXT_RUN = 16;
/** Under 8 agreeing code points the surroundings were rewritten: the diff's alignment of a short phrase is suspect. */
const WEAK_CONTEXT_RUN = 8;
/** A candidate "clearly wins" when its context agrees over ≥ 8 more code points than the runner-up's. */
const CLEAR_MARGIN = 8;
/** A repeated phrase with weak context stays flagged only if ≥ 3 code points next to it agree on one side (" to "). */
const NEXT_TO_IT = 3;

// Edited in place.
/**
 * The share of the span's text the diff carried over, relative to the longer of the old quote and
 * the new region. ≥ 0.5 → fuzzy there; ≥ 0.25 → fuzzy only if the context still agrees (≥ 0.5
 * similarity); less → gone, unless the claim was reworded in its slot (below). Unrelated prose
 * shares next to nothing after semantic cleanup, so the overlap measures real survival.
 */
const IN_PLACE_OVERLAP = 0.5;
const IN_PLACE_MIN_OVERLAP = 0.25;
const IN_PLACE_CONTEXT = 0.5;
/** Reworded in place: new text ½× to 2× the quote's length in its slot, with ≥ 16 code points of context agreeing on each side. */
const REWORD_MIN_SIZE = 0.5;
const REWORD_MAX_SIZE = 2;
/**
 * Where the diff put a phrase with weak context, or edited text, is trusted only if half of its
 * passage stayed there too; otherwise a moved passage may win, or a phrase is orphaned.
 */
const STAYED_SHARE = 0.5;
/** Inside a block the diff could not resolve (a rewrite, a diff timeout): quote similarity needed to accept an alignment. */
const BLOCK_SIMILARITY = 0.75;
const BLOCK_SIMILARITY_WITH_CONTEXT = 0.6;
const BLOCK_CONTEXT = 0.6;

// Move detection (throughMovedPassage).
/**
 * The sentences within 96 code points of the span, inside its paragraph, are its passage. Its
 * 16-code-point chunks (one every 8) vote for where it went; the vote only says where to look (the
 * second diff decides): a third of the chunks, at least two, must agree within 64 code points, each
 * chunk counting only if it occurs ≤ 32 times in inserted text. Up to 3 such places get a second
 * diff, of 50 ms.
 */
const MOVED_PASSAGE = 96;
const CHUNK = 16;
const CHUNK_STRIDE = 8;
const CHUNK_SHARE = 1 / 3;
const MAX_CHUNK_HITS = 32;
const VOTE_SPREAD = 64;
const MOVED_CLUSTERS = 3;
const MOVED_BLOCK_DIFF_SECONDS = 0.05;
/**
 * Second diffs may take 1 s per reanchorAll call in all. Normal revisions spend a few milliseconds;
 * a wholesale rewrite (every sentence shuffled) would spend many seconds: past the budget, claims
 * are no longer followed through moves (they orphan, or the cheaper checks place them).
 */
const SECOND_DIFF_BUDGET_MS = 1000;
/** Copies of the quote in inserted text examined one by one (best context first). */
const MAX_FRESH_CANDIDATES = 16;
/**
 * The passage moved when ≥ 85 % of it outside the quote, and ≥ 32 code points, is common to the old
 * passage and the new place (≥ 60 % when the claim's stored context is intact there). A moved
 * paragraph with a word or a sentence changed shares over 90 %; two different sentences built on
 * the same formula ("X delayed the fund in Moscow on Monday, and the figures could not be
 * independently verified") share 70-80 %.
 */
const MOVED_BLOCK_SHARE = 0.85;
const MOVED_BLOCK_SHARE_WITH_CONTEXT = 0.6;
const MOVED_BLOCK_CONTEXT = 32;
/** An edited span found through the second diff must keep half of the 16 code points on each side of it. */
const NEIGHBOURS = 16;
/** How far out belongsElsewhere compares the surroundings of two copies of a phrase. */
const SURROUNDINGS = 256;
/**
 * A copy in inserted text with ≥ 64 code points of the old text verbatim on one side, ≥ 128 with the
 * quote, is the claim moved with its passage, whatever happened on the other side.
 */
const LONG_SIDE = 64;
const LONG_STRETCH = 128;

// An exact copy that came along (cameAlong), for passages too short for move detection.
/**
 * Up to 64 code points on each side of the span, inside the block the diff deleted, must be ≥ 0.9
 * similar to the same stretch beside the candidate inside the inserted block. 0.9 lets a typo or
 * two through; twin sentences that differ in a name ("X insisted the claim was “exaggerated”,
 * but…") score about 0.8.
 */
const MOVE_WINDOW = 64;
const MOVE_SIMILARITY = 0.9;
/** Block edges within 4 code points count as the same edge: a moved paragraph's blank line lands on either side. */
const EDGE_SLACK = 4;
/**
 * Quote and agreeing text together must be ≥ 40 code points, of which ≥ 8 around the quote unless
 * the quote alone is ≥ 64 (a sentence or more): a lone phrase proves nothing.
 */
const MIN_MOVED_STRETCH = 40;
const MIN_COMPARED = 8;
const SELF_EVIDENT_QUOTE = 64;

// No diff (anchorInText).
/** An approximate match needs ≥ 0.8 quote and ≥ 0.5 context similarity… */
const ELSEWHERE_SIMILARITY = 0.8;
const ELSEWHERE_CONTEXT = 0.5;
/** …and a quote of ≥ 12 code points: shorter ones have too many near-copies. */
const MIN_APPROXIMATE_QUOTE = 12;

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

interface Revision {
  readonly oldIndex: TextIndex;
  readonly newIndex: TextIndex;
  readonly map: EditMap;
  /** The new text's inserted hunks, concatenated for chunk look-ups (built when first needed). */
  inserted: InsertedText | null;
  /** Milliseconds move detection may still spend on second diffs in this call. */
  secondDiffBudget: number;
  /** Exact occurrences of passage chunks inside inserted text. */
  readonly chunkHits: Map<string, number[]>;
  /** Exact occurrences in the new text per quote or passage chunk, shared by the claims that need them. */
  readonly occurrences: Map<string, number[]>;
  /** Per quote, its old occurrences that some change touched (they left their place, or were edited). */
  readonly leftTheirPlace: Map<string, number[]>;
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
  const inPlace = placeInPlace(revision, anchor, mapping, quoteLength);
  if (inPlace?.status === 'fuzzy' && passageStayed(revision, anchor, quoteLength) < STAYED_SHARE) {
    // Edited text sits where the span was, but most of its passage left: if the passage reappears
    // whole elsewhere, untouched and with the claim's full context, that is the claim (a pull quote
    // was pasted where the paragraph used to be).
    const moved = throughMovedPassage(revision, anchor, quoteLength);
    if (moved?.status === 'moved' && isFull(contextFit(newIndex, moved.start ?? 0, moved.end ?? 0, anchor.prefix, anchor.suffix))) {
      return moved;
    }
  }
  return inPlace ?? followMove(revision, anchor, mapping, quoteLength) ?? orphan(anchor);
}

/** Share of the span's passage (outside the quote) that the diff carried over in place; 1 if too short to judge. */
function passageStayed(revision: Revision, anchor: StoredAnchor, quoteLength: number): number {
  const { from, to } = passageAround(revision.oldIndex, anchor.start ?? 0, anchor.end ?? 0);
  const outside = to - from - quoteLength;
  if (outside < MOVED_BLOCK_CONTEXT) return 1;
  const quoteKept = mapSpan(revision.map, revision.newIndex, anchor.start ?? 0, anchor.end ?? 0).preserved;
  return (mapSpan(revision.map, revision.newIndex, from, to).preserved - quoteKept) / outside;
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

/**
 * Text pasted next to an identical copy of itself ("…S¶" + "S¶") can be described as inserted after
 * the original or before it, and a paragraph moved away with a pull quote of it left behind as the
 * original staying put: the diff (or move detection's second diff) picks the cheapest reading. If
 * it paired the claim with the copy, the claim's stored context no longer agrees in full there,
 * while the original, in inserted text, agrees in full (all 64 code points) and repeats more of the
 * old surroundings, or sits at the same edge of the text as the claim did. Exactly one such copy →
 * that is the claim.
 */
function rotatedCopy(revision: Revision, anchor: StoredAnchor, placed: { start: number; end: number }): number | undefined {
  const { newIndex, map } = revision;
  const { start, end } = anchor;
  if (start === null || end === null) return undefined;
  const quoteLength = placed.end - placed.start;
  const here = surroundingsAgreement(revision, start, end, placed.start, placed.end);
  const hereFit = contextFit(newIndex, placed.start, placed.end, anchor.prefix, anchor.suffix);
  const better = occurrencesOf(revision, anchor.exact).filter((s) => {
    if (s === placed.start || !mostlyInserted(map, s, s + quoteLength)) return false;
    const fit = contextFit(newIndex, s, s + quoteLength, anchor.prefix, anchor.suffix);
    if (!isFull(fit)) return false;
    // A claim that sat at the start or end of the text: the one copy at that edge is it.
    const edge =
      (fit.prefixLength < CONTEXT_LENGTH && !hereFit.prefixAtEdge) || (fit.suffixLength < CONTEXT_LENGTH && !hereFit.suffixAtEdge);
    return edge || surroundingsAgreement(revision, start, end, s, s + quoteLength) > here;
  });
  return better.length === 1 ? better[0] : undefined;
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

  const [start, end] = trim(newIndex, mapping.start, mapping.end, anchor.exact);
  if (end > start) {
    const overlap = mapping.preserved / Math.max(quoteLength, end - start);
    if (overlap >= IN_PLACE_OVERLAP) return place(newIndex, anchor, 'fuzzy', start, end);
    if (overlap >= IN_PLACE_MIN_OVERLAP && contextSimilarity(newIndex, start, end, anchor.prefix, anchor.suffix) >= IN_PLACE_CONTEXT) {
      return place(newIndex, anchor, 'fuzzy', start, end);
    }
    // Reworded in place: new words of about the claim's size in exactly its slot, the text on both
    // sides intact ("hotly contested" → "fiercely fought"). Flag the new words for review.
    const length = end - start;
    const similarSize = length >= quoteLength * REWORD_MIN_SIZE && length <= quoteLength * REWORD_MAX_SIZE + WEAK_CONTEXT_RUN;
    if (similarSize && bothSidesAgree(contextFit(newIndex, start, end, anchor.prefix, anchor.suffix))) {
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
 * only where the passage around it moved too. First by move detection (`throughMovedPassage`:
 * moved, or fuzzy if the span was edited on the way); then, for an exact copy, by the text right
 * around it (`cameAlong`). Text that was already there is never a candidate.
 */
function followMove(revision: Revision, anchor: StoredAnchor, mapping: SpanMapping, quoteLength: number): Reanchored | null {
  const { newIndex, map } = revision;
  const { start, end } = anchor;
  if (start === null || end === null) return null;
  const viaPassage = throughMovedPassage(revision, anchor, quoteLength);
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
 * The span's paragraph was deleted whole and the very same paragraph inserted elsewhere, the span
 * at the same offset in it. The diff shows a short paragraph moving whenever a longer one moves
 * past it (it keeps the longer one in place), and a short paragraph (a subheading, a one-line
 * quote) has too little text around a claim for the other checks.
 */
function movedWholeParagraph(revision: Revision, anchor: StoredAnchor, candidate: Candidate): boolean {
  const { oldIndex, newIndex, map } = revision;
  const { start, end } = anchor;
  if (start === null || end === null) return false;
  const [oldFrom, oldTo] = paragraphAround(oldIndex, start, end);
  const [newFrom, newTo] = paragraphAround(newIndex, candidate.start, candidate.end);
  return (
    candidate.start - newFrom === start - oldFrom &&
    oldTo - oldFrom === newTo - newFrom &&
    mapSpan(map, newIndex, oldFrom, oldTo).preserved === 0 &&
    insertedWithin(map, newFrom, newTo) === newTo - newFrom &&
    oldIndex.slice(oldFrom, oldTo) === newIndex.slice(newFrom, newTo)
  );
}

/**
 * Move detection. The old text around the span (its passage) is cut into chunks; where enough of
 * them reappear together in the new text, the passage may have gone. A second diff between the old
 * passage and that stretch of new text then says where the span is inside it: untouched → moved
 * there; edited → fuzzy there if at least half of it survived. The evidence must be the
 * surroundings, not the quote (a new sentence reusing the phrase shares only the phrase), and the
 * span must land on inserted text (landPassage). Two equally good landings → fuzzy.
 */
function throughMovedPassage(revision: Revision, anchor: StoredAnchor, quoteLength: number): Reanchored | null {
  const { oldIndex, newIndex } = revision;
  const { start, end } = anchor;
  if (start === null || end === null || revision.secondDiffBudget <= 0) return null;
  const { from, to } = passageAround(oldIndex, start, end);
  const outside = to - from - quoteLength;
  if (outside < MOVED_BLOCK_CONTEXT) return null;

  // Overlapping chunks (every CHUNK_STRIDE): an edit inside the passage breaks fewer of them.
  const chunks: Array<{ text: string; offset: number }> = [];
  for (let at = start - CHUNK; at >= from; at -= CHUNK_STRIDE) chunks.push({ text: oldIndex.slice(at, at + CHUNK), offset: at - from });
  for (let at = end; at + CHUNK <= to; at += CHUNK_STRIDE) chunks.push({ text: oldIndex.slice(at, at + CHUNK), offset: at - from });
  // Each occurrence of a chunk in inserted text (only there can the passage have gone) votes for
  // where the passage would start. Chunks found too often (formulaic phrases) say nothing about where
  // this passage went: they neither vote nor count.
  const votes: Vote[] = [];
  let informative = 0;
  chunks.forEach((chunk, i) => {
    const hits = insertedOccurrences(revision, chunk.text);
    if (hits.length > MAX_CHUNK_HITS) return;
    informative++;
    for (const hit of hits) votes.push({ at: hit - chunk.offset, chunk: i });
  });
  const landings = voteClusters(votes, Math.max(2, CHUNK_SHARE * informative))
    .map((cluster) => landPassage(revision, anchor, from, to, cluster))
    .filter((landing, i, all): landing is Landing => landing !== null && all.findIndex((l) => l?.start === landing.start) === i)
    .sort((a, b) => b.run - a.run || b.surroundings - a.surroundings);
  const best = landings[0];
  if (!best) return null;
  // Two copies of the whole passage in new text whose context agrees equally, near and far: flag,
  // do not choose. (Clusters close together may land on the same place: one landing, counted once.)
  const second = landings[1];
  const tied = second !== undefined && second.run === best.run && second.surroundings === best.surroundings;
  if (!best.touched && !best.full) {
    // The second diff may pair the span with a pull quote of its sentence lying next to the passage.
    const rotated = rotatedCopy(revision, anchor, best);
    if (rotated !== undefined) return place(newIndex, anchor, 'moved', rotated, rotated + quoteLength);
  }
  return place(newIndex, anchor, best.touched || tied ? 'fuzzy' : 'moved', best.start, best.end);
}

interface Vote {
  readonly at: number;
  readonly chunk: number;
}

/** Where passage chunks agree (≥ `needed` distinct chunks within VOTE_SPREAD), strongest first, at most MOVED_CLUSTERS. */
function voteClusters(votes: Vote[], needed: number): Array<{ first: number; last: number; count: number }> {
  votes.sort((a, b) => a.at - b.at);
  const windows: Array<{ first: number; last: number; count: number }> = [];
  for (let i = 0, j = 0; j < votes.length; j++) {
    while (votes[j].at - votes[i].at > VOTE_SPREAD) i++;
    const count = new Set(votes.slice(i, j + 1).map((v) => v.chunk)).size;
    if (count >= needed) windows.push({ first: votes[i].at, last: votes[j].at, count });
  }
  const chosen: Array<{ first: number; last: number; count: number }> = [];
  for (const w of windows.sort((a, b) => b.count - a.count)) {
    if (chosen.length >= MOVED_CLUSTERS) break;
    if (chosen.every((c) => w.last + VOTE_SPREAD < c.first || w.first > c.last + VOTE_SPREAD)) chosen.push(w);
  }
  return chosen;
}

interface Landing {
  readonly start: number;
  readonly end: number;
  readonly touched: boolean;
  /** Agreement of the stored context there, in code points, and whether it is complete (isFull). */
  readonly run: number;
  readonly full: boolean;
  /** Agreement of the old text further around the span there (surroundingsAgreement). */
  readonly surroundings: number;
}

/**
 * The second diff: the old passage [from, to) against the new text where its chunks voted, and where
 * the span lands in it. Null unless the passage really moved there: enough of it outside the quote
 * is common to both (MOVED_BLOCK_SHARE, or MOVED_BLOCK_SHARE_WITH_CONTEXT when the stored context is
 * intact there), that common text is mostly inserted text of the main diff (not an old copy with an
 * edit in it), and so is the span; an edited span must keep at least half of itself and of its
 * NEIGHBOURS on each side; an intact one must not be another old copy that moved.
 */
function landPassage(
  revision: Revision,
  anchor: StoredAnchor,
  from: number,
  to: number,
  cluster: { first: number; last: number },
): Landing | null {
  const { oldIndex, newIndex, map } = revision;
  const start = anchor.start ?? 0;
  const end = anchor.end ?? 0;
  const quoteLength = end - start;
  const outside = to - from - quoteLength;
  // Votes agree within VOTE_SPREAD, but text inserted or deleted inside the passage shifts the
  // chunks on either side of it apart: leave a passage's length of room on both sides.
  const windowStart = Math.max(0, cluster.first - (to - from));
  const windowEnd = Math.min(newIndex.length, cluster.last + 2 * (to - from));
  const passage = new TextIndex(oldIndex.slice(from, to));
  const window = new TextIndex(newIndex.slice(windowStart, windowEnd));
  if (revision.secondDiffBudget <= 0) return null; // pathological input: stop looking for moves
  const began = Date.now();
  const second = computeEmbeddedEditMap(passage, window, MOVED_BLOCK_DIFF_SECONDS);
  revision.secondDiffBudget -= Date.now() - began;
  const inner = mapSpan(second, window, start - from, end - from);

  // The text the two have in common: the gaps between the second diff's hunks.
  let shared = 0;
  let sharedInserted = 0;
  let at = 0;
  for (const h of [...second.hunks, { newStart: window.length, newEnd: window.length, oldStart: 0, oldEnd: 0 }]) {
    shared += h.newStart - at;
    sharedInserted += insertedWithin(map, windowStart + at, windowStart + h.newStart);
    at = h.newEnd;
  }
  const sharedOutside = shared - inner.preserved;
  if (2 * sharedInserted < shared) return null;

  const [s, e] = inner.touched
    ? trim(newIndex, windowStart + inner.start, windowStart + inner.end, anchor.exact)
    : [windowStart + inner.start, windowStart + inner.end];
  if (!(e > s) || !mostlyInserted(map, s, e)) return null;
  const fit = contextFit(newIndex, s, e, anchor.prefix, anchor.suffix);
  // An edit elsewhere in a short passage costs a large share; the stored context intact on both
  // sides vouches for the place then.
  const share = !inner.touched && isFull(fit) ? MOVED_BLOCK_SHARE_WITH_CONTEXT : MOVED_BLOCK_SHARE;
  if (sharedOutside < share * outside || sharedOutside < MOVED_BLOCK_CONTEXT) return null;
  if (inner.touched) {
    // An edited span that moved with its passage keeps the text next to it (half of 16 code points
    // each side, within the passage); a raw alignment of a deleted sentence's fragments with a
    // neighbouring sentence does not.
    if (inner.preserved / Math.max(quoteLength, e - s) < IN_PLACE_OVERLAP) return null;
    const kept = (a: number, b: number): boolean => b <= a || 2 * mapSpan(second, window, a, b).preserved >= b - a;
    const before = start - from;
    const after = end - from;
    if (!kept(Math.max(0, before - NEIGHBOURS), before) || !kept(after, Math.min(to - from, after + NEIGHBOURS))) return null;
  } else if (belongsElsewhere(revision, anchor, s, e)) {
    return null;
  }
  const surroundings = surroundingsAgreement(revision, start, end, s, e);
  return { start: s, end: e, touched: inner.touched, run: fit.run, full: isFull(fit), surroundings };
}

/**
 * The old text around a span that move detection follows: whole sentences within MOVED_PASSAGE code
 * points of it, inside its paragraph. Whole sentences, so that the second diff matches unchanged
 * sentences whole, never a cut one.
 */
function passageAround(oldIndex: TextIndex, start: number, end: number): { from: number; to: number } {
  const [paragraphStart, paragraphEnd] = paragraphAround(oldIndex, start, end);
  return {
    from: sentenceStart(oldIndex, paragraphStart, Math.max(paragraphStart, start - MOVED_PASSAGE)),
    to: sentenceEnd(oldIndex, Math.min(paragraphEnd, end + MOVED_PASSAGE), paragraphEnd),
  };
}

/** Start of the sentence holding `at`, no earlier than `floor`. */
function sentenceStart(index: TextIndex, floor: number, at: number): number {
  const before = index.slice(floor, at);
  let cut = 0;
  for (const m of before.matchAll(new RegExp(SEGMENT_BOUNDARY.source, 'g'))) cut = (m.index ?? 0) + m[0].length;
  return floor + codePointLength(before.slice(0, cut));
}

/** End of the sentence holding `at` (with its trailing space), no later than `ceiling`. */
function sentenceEnd(index: TextIndex, at: number, ceiling: number): number {
  const after = index.slice(at, ceiling);
  const m = SEGMENT_BOUNDARY.exec(after);
  return m ? at + codePointLength(after.slice(0, (m.index ?? 0) + m[0].length)) : ceiling;
}

/** The code point range of the paragraph (between blank lines) holding [start, end). */
function paragraphAround(index: TextIndex, start: number, end: number): [number, number] {
  const before = index.text.lastIndexOf('\n\n', index.toUtf16(start) - 1);
  const after = index.text.indexOf('\n\n', index.toUtf16(end));
  return [before < 0 ? 0 : index.toCodePoint(before + 2), after < 0 ? index.length : index.toCodePoint(after)];
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
function cameAlong(
  revision: Revision,
  anchor: StoredAnchor,
  mapping: SpanMapping,
  candidate: { start: number; end: number },
  quoteLength: number,
): boolean {
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
  const agrees = (old: Int32Array, moved: Int32Array): boolean =>
    old.length === 0 || 1 - prefixDistance(old, moved) / old.length >= MOVE_SIMILARITY;
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
  const fresh = occurrencesOf(revision, anchor.exact).filter((s) => mostlyInserted(map, s, s + quoteLength));
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

/**
 * Whether new text at [start, end), though inserted, is another old copy of the quote that moved
 * (a paragraph holding the same phrase was moved too): the text around it repeats as much or more
 * of the surroundings of another old occurrence that also left its place as of the claim's own.
 */
function belongsElsewhere(revision: Revision, anchor: StoredAnchor, start: number, end: number): boolean {
  const { oldIndex, map } = revision;
  if (anchor.start === null || anchor.end === null) return false;
  const quoteLength = end - start;
  let left = revision.leftTheirPlace.get(anchor.exact);
  if (!left) {
    left = exactOccurrences(oldIndex, anchor.exact).filter((other) => isTouched(map, other, other + quoteLength));
    revision.leftTheirPlace.set(anchor.exact, left);
  }
  const moved = left.filter((other) => other !== anchor.start);
  if (moved.length === 0) return false;
  // A tie is no evidence that the copy is ours: it goes to the other occurrence.
  const own = surroundingsAgreement(revision, anchor.start, anchor.end, start, end);
  return moved.some((other) => surroundingsAgreement(revision, other, other + quoteLength, start, end) >= own);
}

/**
 * Code points of old text around [oldStart, oldEnd) that new text around [newStart, newEnd) repeats
 * exactly, read outwards, up to SURROUNDINGS each side. Exact runs: scattered coincidences do not
 * count; far-reaching, so that a copy that moved with its whole paragraph shows it.
 */
function outwardRuns(
  revision: Revision,
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
): { before: number; after: number } {
  const { oldIndex, newIndex } = revision;
  return {
    before: commonSuffixRun(
      oldIndex.slice(Math.max(0, oldStart - SURROUNDINGS), oldStart),
      newIndex.slice(Math.max(0, newStart - SURROUNDINGS), newStart),
    ),
    after: commonPrefixRun(
      oldIndex.slice(oldEnd, Math.min(oldIndex.length, oldEnd + SURROUNDINGS)),
      newIndex.slice(newEnd, Math.min(newIndex.length, newEnd + SURROUNDINGS)),
    ),
  };
}

/** Both outward runs together: how much of the old surroundings the new place repeats. */
function surroundingsAgreement(revision: Revision, oldStart: number, oldEnd: number, newStart: number, newEnd: number): number {
  const runs = outwardRuns(revision, oldStart, oldEnd, newStart, newEnd);
  return runs.before + runs.after;
}

/** Whether at least half of new [start, end) is text the diff counts as inserted (new, or moved here). */
const mostlyInserted = (map: EditMap, start: number, end: number): boolean => 2 * insertedWithin(map, start, end) >= end - start;

/** Inserted hunks of the new text, joined by NUL so that no match spans two of them. */
interface InsertedText {
  readonly joined: string;
  /** Per hunk: UTF-16 offset in `joined`, code point offset in the new text, and its own index. */
  readonly pieces: ReadonlyArray<{ readonly at: number; readonly start: number; readonly index: TextIndex }>;
}

function insertedText(revision: Revision): InsertedText {
  if (!revision.inserted) {
    const pieces: Array<{ at: number; start: number; index: TextIndex }> = [];
    let joined = '';
    for (const h of revision.map.hunks) {
      if (h.newEnd === h.newStart) continue;
      const index = new TextIndex(revision.newIndex.slice(h.newStart, h.newEnd));
      pieces.push({ at: joined.length, start: h.newStart, index });
      joined += `${index.text}\u0000`;
    }
    revision.inserted = { joined, pieces };
  }
  return revision.inserted;
}

/** Code point starts, in the new text, of a chunk's occurrences inside inserted text. */
function insertedOccurrences(revision: Revision, chunk: string): number[] {
  let starts = revision.chunkHits.get(chunk);
  if (!starts) {
    const { joined, pieces } = insertedText(revision);
    starts = [];
    for (let at = joined.indexOf(chunk); at !== -1; at = joined.indexOf(chunk, at + 1)) {
      let lo = 0;
      let hi = pieces.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (pieces[mid].at <= at) lo = mid;
        else hi = mid - 1;
      }
      const piece = pieces[lo];
      starts.push(piece.start + piece.index.toCodePoint(at - piece.at));
    }
    revision.chunkHits.set(chunk, starts);
  }
  return starts;
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
/**
 * Both sides agree over all of the stored context; a side stored shorter than CONTEXT_LENGTH means
 * the text began or ended there, so the candidate must sit at that edge of the text too.
 */
const isFull = (fit: ContextFit): boolean =>
  fit.prefixRun === fit.prefixLength &&
  fit.suffixRun === fit.suffixLength &&
  (fit.prefixLength >= CONTEXT_LENGTH || fit.prefixAtEdge) &&
  (fit.suffixLength >= CONTEXT_LENGTH || fit.suffixAtEdge);
const isWeak = (fit: ContextFit): boolean => fit.run < Math.min(WEAK_CONTEXT_RUN, fit.available);
/** At least one side agrees over NEXT_TO_IT code points (or all of it, if stored shorter, at the text's edge). */
const nextToItAgrees = (fit: ContextFit): boolean =>
  (fit.prefixLength === 0 ? fit.prefixAtEdge : fit.prefixRun >= Math.min(NEXT_TO_IT, fit.prefixLength)) ||
  (fit.suffixLength === 0 ? fit.suffixAtEdge : fit.suffixRun >= Math.min(NEXT_TO_IT, fit.suffixLength));
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
  // The exact quote at unchanged offsets is "anchored" (API.md), however it was found.
  const same = status === 'moved' && start === anchor.start && end === anchor.end;
  return { status: same ? 'anchored' : status, start, end, quote: describeQuote(index, start, end) };
}

function orphan(anchor: StoredAnchor): Reanchored {
  return { status: 'orphaned', start: null, end: null, quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix } };
}
