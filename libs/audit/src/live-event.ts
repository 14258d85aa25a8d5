import { AuditEntry } from './audit-entry.entity';

/** What an SSE client receives for one change (API.md, "Live updates"). */
export interface LiveEvent {
  id: number;
  type: string;
  articleId: string;
  entityId: string;
  entity: unknown;
  actorId: string | null;
  at: string;
}

const parse = (json: string | null): unknown => (json === null ? null : JSON.parse(json));

/** Rebuilds the event of an article-scoped audit entry; the log is the stream's only source. */
export function toLiveEvent(entry: AuditEntry): LiveEvent | null {
  if (!entry.articleId) return null;
  return {
    id: Number(entry.seq),
    type: entry.action,
    articleId: entry.articleId,
    entityId: entry.entityId,
    entity: entry.after !== null ? parse(entry.after) : parse(entry.before),
    actorId: entry.actorId,
    at: entry.at,
  };
}

/** One event in the SSE wire format. */
export function formatSse(event: LiveEvent): string {
  const { id, ...data } = event;
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}
