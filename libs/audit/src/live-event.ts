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

/**
 * Rebuilds the event of an article-scoped audit entry; the log is the stream's only source. The
 * entity is parsed from the log's JSON when first read (an enumerable getter, so spreading or
 * serialising the event reads it): every committed change is dispatched, most to no open stream.
 */
export function toLiveEvent(entry: AuditEntry): LiveEvent | null {
  if (!entry.articleId) return null;
  const json = entry.after !== null ? entry.after : entry.before;
  let entity: unknown;
  let parsed = false;
  return {
    id: Number(entry.seq),
    type: entry.action,
    articleId: entry.articleId,
    entityId: entry.entityId,
    get entity(): unknown {
      if (!parsed) {
        entity = parse(json);
        parsed = true;
      }
      return entity;
    },
    actorId: entry.actorId,
    at: entry.at,
  };
}

/** One event in the SSE wire format. */
export function formatSse(event: LiveEvent): string {
  const { id, ...data } = event;
  return `id: ${id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}
