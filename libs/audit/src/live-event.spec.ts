import { AuditEntry } from './audit-entry.entity';
import { formatSse, toLiveEvent } from './live-event';

const entry = (changes: Partial<AuditEntry>): AuditEntry => ({
  seq: 7, id: 'e', at: '2026-12-07T21:00:00.000Z', actorId: 'u1', action: 'annotation.created', entityType: 'annotation', entityId: 'n1',
  articleId: 'a1', claimId: 'c1', before: null, after: '{"id":"n1","body":"12.4 per cent"}', ...changes,
});

describe('toLiveEvent', () => {
  it('carries the entity after the change, parsed from the log', () => {
    expect(toLiveEvent(entry({}))?.entity).toEqual({ id: 'n1', body: '12.4 per cent' });
  });

  it('carries the entity before the change when there is no after (a deletion)', () => {
    expect(toLiveEvent(entry({ action: 'annotation.deleted', before: '{"id":"n1"}', after: null }))?.entity).toEqual({ id: 'n1' });
  });

  it('parses the entity once, when read, and still serialises and spreads it', () => {
    const event = toLiveEvent(entry({}));
    if (!event) throw new Error('expected an event');
    expect(event.entity).toBe(event.entity);
    expect(formatSse(event)).toBe('id: 7\nevent: annotation.created\ndata: {"type":"annotation.created","articleId":"a1","entityId":"n1","entity":{"id":"n1","body":"12.4 per cent"},"actorId":"u1","at":"2026-12-07T21:00:00.000Z"}\n\n');
    expect({ ...event, entity: null }.entity).toBeNull();
  });

  it('gives no event for a change outside any article', () => {
    expect(toLiveEvent(entry({ articleId: null }))).toBeNull();
  });
});
