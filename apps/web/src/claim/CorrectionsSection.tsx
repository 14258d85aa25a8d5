import type { Workspace, WorkspaceClaim } from '../api/types';
import { formatDateTime } from '../lib/format';

interface Props {
  corrections: WorkspaceClaim['corrections'];
  users: Workspace['users'];
}

/** The words a published verdict once stood under, before an editor re-marked the claim, with why (as the reports list them). */
export function CorrectionsSection({ corrections, users }: Props) {
  return (
    <ul className="corrections" data-testid="corrections">
      {corrections.map((c) => (
        <li key={`${c.correctedAt}:${c.quote}`}>
          <q>{c.quote}</q>
          <p>{c.note}</p>
          <p className="muted">{users[c.correctedBy]?.displayName ?? 'An editor'}, {formatDateTime(c.correctedAt)}</p>
        </li>
      ))}
    </ul>
  );
}
