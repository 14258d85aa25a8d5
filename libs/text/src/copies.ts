/**
 * Which copy of a phrase is the claim's: the one around which the new text repeats most of the
 * claim's old surroundings. The diff may pair the claim with another old copy of its quote that
 * moved (belongsElsewhere), or with a copy pasted next to the original (rotatedCopy).
 */
import { StoredAnchor } from './anchor';
import { isFull } from './candidates';
import { isTouched } from './edit-map';
import { commonPrefixRun, commonSuffixRun, contextFit, exactOccurrences } from './fuzzy';
import { CONTEXT_LENGTH } from './quote';
import { mostlyInserted, occurrencesOf, Revision } from './revision';

/** How far out belongsElsewhere compares the surroundings of two copies of a phrase. */
const SURROUNDINGS = 256;

/**
 * Text pasted next to an identical copy of itself ("…S¶" + "S¶") can be described as inserted after
 * the original or before it, and a paragraph moved away with a pull quote of it left behind as the
 * original staying put: the diff (or move detection's second diff) picks the cheapest reading. If
 * it paired the claim with the copy, the claim's stored context no longer agrees in full there,
 * while the original, in inserted text, agrees in full (all 64 code points) and repeats more of the
 * old surroundings, or sits at the same edge of the text as the claim did. Exactly one such copy →
 * that is the claim.
 */
export function rotatedCopy(revision: Revision, anchor: StoredAnchor, placed: { start: number; end: number }): number | undefined {
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

/**
 * Whether new text at [start, end), though inserted, is another old copy of the quote that moved
 * (a paragraph holding the same phrase was moved too): the text around it repeats as much or more
 * of the surroundings of another old occurrence that also left its place as of the claim's own.
 */
export function belongsElsewhere(revision: Revision, anchor: StoredAnchor, start: number, end: number): boolean {
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
export function outwardRuns(
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
export function surroundingsAgreement(revision: Revision, oldStart: number, oldEnd: number, newStart: number, newEnd: number): number {
  const runs = outwardRuns(revision, oldStart, oldEnd, newStart, newEnd);
  return runs.before + runs.after;
}
