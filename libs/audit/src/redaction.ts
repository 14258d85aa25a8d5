import { Actor, hasRole } from '@claimdesk/core';
import type { AuditView } from './audit.service';
import type { LiveEvent } from './live-event';

/**
 * A deleted note may have named a confidential source: once deleted, its body stays with editors and
 * admins. Everyone else reads the note's entries and events with `body: null, redacted: true`; the rest
 * of the note (id, author, times) and every other entry read as they are.
 */
export type RedactedNote = Record<string, unknown> & { body: null; redacted: true };

const NOTE_EVENT = 'annotation.';

/** Editors and admins moderate notes, so they read what was deleted. */
export const seesDeletedNotes = (reader: Actor): boolean => hasRole(reader, 'editor');

/** The note as others may read it once deleted; anything that is not a note object passes through. */
export function redactNote(entity: unknown): unknown {
  if (entity === null || typeof entity !== 'object' || Array.isArray(entity)) return entity;
  return { ...(entity as Record<string, unknown>), body: null, redacted: true } satisfies RedactedNote;
}

/** A history entry, with the bodies of a deleted note removed from both sides. */
export function redactAuditEntry(entry: AuditView, deletedNotes: ReadonlySet<string>): AuditView {
  if (entry.entityType !== 'annotation' || !deletedNotes.has(entry.entityId)) return entry;
  return { ...entry, before: redactNote(entry.before), after: redactNote(entry.after) };
}

/** A live or replayed event, with the body of a deleted note removed. */
export function redactLiveEvent(event: LiveEvent, deletedNotes: ReadonlySet<string>): LiveEvent {
  if (!event.type.startsWith(NOTE_EVENT) || !deletedNotes.has(event.entityId)) return event;
  return { ...event, entity: redactNote(event.entity) };
}

/**
 * For one event stream: redacts the notes deleted before it was read, and every note whose deletion
 * the stream itself carries (the `annotation.deleted` event holds the body it had), from then on.
 */
export function streamRedaction(deletedNotes: Iterable<string>): (event: LiveEvent) => LiveEvent {
  const deleted = new Set(deletedNotes);
  return (event) => {
    if (event.type === `${NOTE_EVENT}deleted`) deleted.add(event.entityId);
    return redactLiveEvent(event, deleted);
  };
}
