import type { HeavyTask } from '@claimdesk/core';
import { anchorInText, Reanchored, StoredAnchor } from '@claimdesk/text';

/**
 * Every imported annotation placed in the article's text. Each placement searches the whole text
 * (exactly, then approximately), so the work grows with items × text: a worker's job when large.
 */
export const anchorImportTask: HeavyTask<{ text: string; anchors: StoredAnchor[] }, Reanchored[]> = {
  name: 'anchor-import',
  run: ({ text, anchors }) => anchors.map((anchor) => anchorInText(text, anchor)),
  size: ({ text, anchors }) => text.length * Math.max(1, anchors.length),
};
