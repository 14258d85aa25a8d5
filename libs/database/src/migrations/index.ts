import { InitialSchema1764400000000 } from './1764400000000-initial-schema';
import { BuiltInRatingScales1764400000001 } from './1764400000001-built-in-rating-scales';
import { VerdictEvidence1765000000300 } from './1765000000300-verdict-evidence';
import { OnePublishedVerdictPerClaim1765000000500 } from './1765000000500-one-published-verdict-per-claim';
import { ImportedAnnotations1765000000900 } from './1765000000900-imported-annotations';
import { ClaimCorrections1765000001000 } from './1765000001000-claim-corrections';
import { FactCheckLibrary1765000006000 } from './1765000006000-fact-check-library';
import { Notifications1765000003000 } from './1765000003000-notifications';
import { Webhooks1765000004000 } from './1765000004000-webhooks';
import { SearchIndex1765000005000 } from './1765000005000-search-index';
import { Assignment1765000002000 } from './1765000002000-assignment';
import { SourceSnapshots1765000007000 } from './1765000007000-source-snapshots';

/** Every migration, oldest first. Listed as classes so bundled builds need no file globbing. */
export const MIGRATIONS = [
  InitialSchema1764400000000,
  BuiltInRatingScales1764400000001,
  VerdictEvidence1765000000300,
  OnePublishedVerdictPerClaim1765000000500,
  ImportedAnnotations1765000000900,
  ClaimCorrections1765000001000,
  Assignment1765000002000,
  Notifications1765000003000,
  Webhooks1765000004000,
  SearchIndex1765000005000,
  FactCheckLibrary1765000006000,
  SourceSnapshots1765000007000,
];
