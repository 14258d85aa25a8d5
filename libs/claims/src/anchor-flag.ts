import type { Reanchored } from '@claimdesk/text';
import type { ClaimSpan } from './claim.entity';

/**
 * API.md, "Integrity": a claim marked `fuzzy` or `orphaned` keeps that mark through later revisions
 * until a reviewer re-marks or confirms it. A revision that happens to find the words again may move
 * a fuzzy claim (still fuzzy) but never clears the flag; an orphaned claim stays orphaned with its
 * last quote, for a reviewer to re-mark. A fuzzy claim whose words are gone becomes orphaned.
 */
export function keepFlag(claim: Pick<ClaimSpan, 'anchor' | 'quote' | 'prefix' | 'suffix'>, outcome: Reanchored): Reanchored {
  if (claim.anchor === 'orphaned') {
    return { status: 'orphaned', start: null, end: null, quote: { exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix } };
  }
  if (claim.anchor === 'fuzzy' && outcome.status !== 'orphaned') return { ...outcome, status: 'fuzzy' };
  return outcome;
}
