import { TextIndex } from './code-points';
import { computeEditMap, mapSpan } from './edit-map';

/**
 * Where a span of an earlier revision's text stands in a later text, when the edits between them
 * left it exactly as it was (the same words, at most shifted); null when an edit touched it. For
 * offsets a client computed on a revision that is no longer current: mapped exactly, or not at all.
 */
export function carrySpan(earlierText: string, laterText: string, start: number, end: number): { start: number; end: number } | null {
  const earlier = new TextIndex(earlierText);
  const later = new TextIndex(laterText);
  const mapped = mapSpan(computeEditMap(earlier, later), later, start, end);
  if (mapped.touched || later.slice(mapped.start, mapped.end) !== earlier.slice(start, end)) return null;
  return { start: mapped.start, end: mapped.end };
}
