/**
 * The revision being re-anchored: the old and the new text, the diff between them, and the look-ups
 * in them that the claims of one reanchorAll call share.
 */
import { TextIndex } from './code-points';
import { EditMap, insertedWithin } from './edit-map';
import { exactOccurrences } from './fuzzy';

export interface Revision {
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

/** Whether at least half of new [start, end) is text the diff counts as inserted (new, or moved here). */
export const mostlyInserted = (map: EditMap, start: number, end: number): boolean => 2 * insertedWithin(map, start, end) >= end - start;

/** Inserted hunks of the new text, joined by NUL so that no match spans two of them. */
export interface InsertedText {
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
export function insertedOccurrences(revision: Revision, chunk: string): number[] {
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

export function occurrencesOf(revision: Revision, exact: string): number[] {
  let starts = revision.occurrences.get(exact);
  if (!starts) {
    starts = exactOccurrences(revision.newIndex, exact);
    revision.occurrences.set(exact, starts);
  }
  return starts;
}
