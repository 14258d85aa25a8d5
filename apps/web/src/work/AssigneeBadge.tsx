import { formatDate } from '../lib/format';
import { usePeople } from '../lib/people';
import { initials, isOverdue } from './due';

interface Props {
  assigneeId: string | null;
  dueAt: string | null;
  /** Names the page already has (an article's workspace); anyone else is looked up among the desk's people. */
  users?: Record<string, { displayName: string }>;
}

/** Who works on a claim (initials, the full name for screen readers and on hover) and when it is due, in red once overdue. */
export function AssigneeBadge({ assigneeId, dueAt, users = {} }: Props) {
  const people = usePeople();
  if (!assigneeId && !dueAt) return null;
  // A workspace names the people who worked on its article: someone just assigned may not be among them yet.
  const name = assigneeId ? users[assigneeId]?.displayName ?? people.find((p) => p.id === assigneeId)?.displayName ?? 'Unknown user' : null;
  const overdue = isOverdue(dueAt);
  return (
    <span className="assignee" data-testid="assignee-badge">
      {name && (
        <span className="avatar" title={`Assigned to ${name}`}>
          <span aria-hidden="true">{initials(name)}</span>
          <span className="visually-hidden">Assigned to {name}</span>
        </span>
      )}
      {dueAt && <DueDate dueAt={dueAt} overdue={overdue} />}
    </span>
  );
}

export function DueDate({ dueAt, overdue = isOverdue(dueAt) }: { dueAt: string; overdue?: boolean }) {
  return (
    <span className={`due-date${overdue ? ' due-overdue' : ''}`} data-testid="due-date">
      {overdue ? 'Overdue: ' : 'Due '}
      <time dateTime={dueAt}>{formatDate(dueAt)}</time>
    </span>
  );
}
