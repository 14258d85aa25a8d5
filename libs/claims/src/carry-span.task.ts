import type { HeavyTask } from '@claimdesk/core';
import { carrySpan } from '@claimdesk/text';

export interface CarrySpanInput {
  earlierText: string;
  laterText: string;
  start: number;
  end: number;
}

/** A span of an earlier revision carried to the current text (a diff of two texts up to 5 MiB each), or null. */
export const carrySpanTask: HeavyTask<CarrySpanInput, { start: number; end: number } | null> = {
  name: 'carry-span',
  run: ({ earlierText, laterText, start, end }) => carrySpan(earlierText, laterText, start, end),
  size: ({ earlierText, laterText }) => earlierText.length + laterText.length,
};
