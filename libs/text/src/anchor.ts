/** A claim's anchor as stored and as re-anchored; public through reanchor.ts. */
import { QuoteSelector } from './quote';

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
