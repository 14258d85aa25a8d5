/**
 * Following a claim whose passage moved. Move detection (throughMovedPassage) finds where the old
 * text around the span went and runs a second diff there; passages too short for it are checked by
 * the text right around an exact copy (cameAlong), or as a whole paragraph moved (movedWholeParagraph).
 */
import { Reanchored, StoredAnchor } from './anchor';
import { Candidate, editedSpan, IN_PLACE_OVERLAP, isFull, place } from './candidates';
import { codePointLength, TextIndex } from './code-points';
import { belongsElsewhere, rotatedCopy, surroundingsAgreement } from './copies';
import { computeEmbeddedEditMap, insertedWithin, insertionAround, mapSpan, SEGMENT_BOUNDARY, SpanMapping } from './edit-map';
import { contextFit, prefixDistance, toCodePoints } from './fuzzy';
import { insertedOccurrences, mostlyInserted, Revision } from './revision';

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
/**
 * New text is old text moved in (oldTextMovedIn) when 3 of 4 of its 32-code-point chunks, evenly
 * spread, occur in the old text: formulaic phrases recur in fresh prose, but rarely three of four.
 */
const MOVED_IN_SAMPLES = 4;
const MOVED_IN_CHUNK = 32;
const MOVED_IN_SHARE = 3 / 4;
const VOTE_SPREAD = 64;
const MOVED_CLUSTERS = 3;
const MOVED_BLOCK_DIFF_SECONDS = 0.05;
/**
 * The passage moved when ≥ 85 % of it outside the quote, and ≥ 32 code points, is common to the old
 * passage and the new place (≥ 60 % when the claim's stored context is intact there). A moved
 * paragraph with a word or a sentence changed shares over 90 %; two different sentences built on
 * the same formula ("X delayed the fund in Moscow on Monday, and the figures could not be
 * independently verified") share 70-80 %.
 */
export const MOVED_BLOCK_SHARE = 0.85;
const MOVED_BLOCK_SHARE_WITH_CONTEXT = 0.6;
const MOVED_BLOCK_CONTEXT = 32;
/** An edited span found through the second diff must keep half of the 16 code points on each side of it. */
const NEIGHBOURS = 16;

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

/**
 * Share of the span's passage outside the quote (or outside a wider old range holding it, `outside`)
 * that the diff carried over in place; 1 if too short to judge.
 */
export function passageStayed(revision: Revision, anchor: StoredAnchor, quoteLength: number, outside?: { from: number; to: number }): number {
  const { map, newIndex } = revision;
  const start = anchor.start ?? 0;
  const end = anchor.end ?? 0;
  const { from, to } = passageAround(revision.oldIndex, start, end);
  const cutFrom = Math.max(from, outside?.from ?? start);
  const cutTo = Math.min(to, outside?.to ?? end);
  const rest = to - from - Math.max(0, cutTo - cutFrom);
  if (rest < MOVED_BLOCK_CONTEXT || (outside === undefined && to - from - quoteLength < MOVED_BLOCK_CONTEXT)) return 1;
  const keptInCut = cutTo > cutFrom ? mapSpan(map, newIndex, cutFrom, cutTo).preserved : 0;
  return (mapSpan(map, newIndex, from, to).preserved - keptInCut) / rest;
}

/**
 * Whether new text [start, end) is mostly old text moved there (two paragraphs swapped), rather
 * than text written afresh.
 */
export function oldTextMovedIn(revision: Revision, start: number, end: number): boolean {
  const { oldIndex, newIndex } = revision;
  const count = Math.min(MOVED_IN_SAMPLES, Math.floor((end - start) / MOVED_IN_CHUNK));
  if (count === 0) return false;
  const step = (end - start - MOVED_IN_CHUNK) / Math.max(1, count - 1);
  let found = 0;
  for (let i = 0; i < count; i++) {
    const at = start + Math.round(i * step);
    if (oldIndex.text.includes(newIndex.slice(at, at + MOVED_IN_CHUNK))) found++;
  }
  return found >= MOVED_IN_SHARE * count;
}

/**
 * The span's paragraph was deleted whole and the very same paragraph inserted elsewhere, the span
 * at the same offset in it. The diff shows a short paragraph moving whenever a longer one moves
 * past it (it keeps the longer one in place), and a short paragraph (a subheading, a one-line
 * quote) has too little text around a claim for the other checks.
 */
export function movedWholeParagraph(revision: Revision, anchor: StoredAnchor, candidate: Candidate): boolean {
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
export function throughMovedPassage(revision: Revision, anchor: StoredAnchor, quoteLength: number): Reanchored | null {
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
    ? editedSpan(newIndex, anchor, windowStart + inner.start, windowStart + inner.end)
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
export function cameAlong(
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
