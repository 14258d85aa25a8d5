import { useEffect, useState } from 'react';
import { claims as claimsApi } from '../api/desk';
import { ApiError } from '../api/http';
import type { AuditEntry, Workspace } from '../api/types';
import { formatDateTime } from '../lib/format';
import { describeEvent } from '../live/describe-event';

/** Changed fields between two audit snapshots, for a short "what changed" line. */
function changedFields(before: AuditEntry['before'], after: AuditEntry['after']): string[] {
  if (!before || !after) return [];
  const ignore = new Set(['version', 'updatedAt', 'editedAt']);
  return Object.keys(after).filter((k) => !ignore.has(k) && JSON.stringify(after[k]) !== JSON.stringify(before[k]));
}

/** The audit trail of a claim and everything hanging on it, newest first. */
export function HistorySection({ claimId, users, refreshKey }: { claimId: string; users: Workspace['users']; refreshKey: string }) {
  const [items, setItems] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    claimsApi.history(claimId).then(
      (page) => live && (setItems(page.items), setError(null)),
      (e: unknown) => live && setError(e instanceof ApiError ? e.message : 'The history could not be loaded.'),
    );
    return () => {
      live = false;
    };
  }, [claimId, refreshKey]);
  if (error) return <p className="muted small">{error}</p>;
  if (!items) return <p className="muted small">Loading…</p>;
  return (
    <ol className="history" data-testid="history">
      {items.map((entry) => {
        const fields = changedFields(entry.before, entry.after);
        return (
          <li key={entry.id}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>{' '}
            <span>{describeEvent({ type: entry.action, actorId: entry.actorId }, users).replace(/\.$/, '')}</span>
            {fields.length > 0 && <span className="muted"> ({fields.join(', ')})</span>}
          </li>
        );
      })}
    </ol>
  );
}
