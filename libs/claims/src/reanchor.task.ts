import type { HeavyTask } from '@claimdesk/core';
import { reanchorAll, Reanchored, StoredAnchor, TextIndex } from '@claimdesk/text';

export interface ReanchorInput {
  previousText: string;
  newText: string;
  anchors: StoredAnchor[];
}

/** A claim's new place, with its UTF-16 offsets (null when orphaned). */
export interface ReanchorOutcome extends Reanchored {
  startUtf16: number | null;
  endUtf16: number | null;
}

/** Every claim of an article from its old text to its new one: a diff of two texts up to 5 MiB each. */
export const reanchorTask: HeavyTask<ReanchorInput, ReanchorOutcome[]> = {
  name: 'reanchor',
  run: ({ previousText, newText, anchors }) => {
    const index = new TextIndex(newText);
    return reanchorAll(previousText, newText, anchors).map((outcome) => {
      const placed = outcome.start !== null && outcome.end !== null;
      return { ...outcome, startUtf16: placed ? index.toUtf16(outcome.start as number) : null, endUtf16: placed ? index.toUtf16(outcome.end as number) : null };
    });
  },
  size: ({ previousText, newText }) => previousText.length + newText.length,
};
