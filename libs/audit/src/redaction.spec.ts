import type { AuditView } from './audit.service';
import type { LiveEvent } from './live-event';
import { redactAuditEntry, redactLiveEvent, redactNote, streamRedaction } from './redaction';

const SECRET = 'named a confidential source';
const note = (id: string, body: string | null = SECRET) => ({ id, claimId: 'c1', parentId: null, authorId: 'u1', body, motivation: 'commenting', version: 1 });
const entry = (action: string, entityId: string, before: unknown, after: unknown, entityType: AuditView['entityType'] = 'annotation'): AuditView => ({
  id: `e-${action}`, seq: 1, at: '2026-12-07T00:00:00.000Z', actorId: 'u1', action, entityType, entityId, articleId: 'a1', claimId: 'c1', before, after,
});
const event = (type: string, entityId: string, entity: unknown, id = 1): LiveEvent => ({ id, type, articleId: 'a1', entityId, entity, actorId: 'u1', at: '2026-12-07T00:00:00.000Z' });

describe('redaction of deleted notes', () => {
  it('removes the body and says so, keeping the rest of the note', () => {
    expect(redactNote(note('n1'))).toEqual({ ...note('n1'), body: null, redacted: true });
    expect(redactNote(null)).toBeNull();
  });

  it('redacts both sides of every history entry of a deleted note, and nothing else', () => {
    const deleted = new Set(['n1']);
    const updated = redactAuditEntry(entry('annotation.updated', 'n1', note('n1', 'old'), note('n1')), deleted);
    expect(JSON.stringify(updated)).not.toContain(SECRET);
    expect(JSON.stringify(updated)).not.toContain('old');
    expect(updated.after).toMatchObject({ id: 'n1', body: null, redacted: true });
    expect(redactAuditEntry(entry('annotation.deleted', 'n1', note('n1'), null), deleted).after).toBeNull();

    const alive = entry('annotation.created', 'n2', null, note('n2'));
    expect(redactAuditEntry(alive, deleted)).toBe(alive);
    // A claim whose id happens to be in the set is not a note.
    const claim = entry('claim.updated', 'n1', { quote: 'q' }, { quote: 'q' }, 'claim');
    expect(redactAuditEntry(claim, deleted)).toBe(claim);
  });

  it('redacts the events of deleted notes only', () => {
    const deleted = new Set(['n1']);
    expect(redactLiveEvent(event('annotation.created', 'n1', note('n1')), deleted).entity).toMatchObject({ body: null, redacted: true });
    const other = event('annotation.created', 'n2', note('n2'));
    expect(redactLiveEvent(other, deleted)).toBe(other);
    const claim = event('claim.deleted', 'n1', { id: 'n1' });
    expect(redactLiveEvent(claim, deleted)).toBe(claim);
  });

  it('learns deletions from the stream itself', () => {
    const redact = streamRedaction(['n0']);
    expect(redact(event('annotation.updated', 'n0', note('n0'))).entity).toMatchObject({ redacted: true });
    expect(redact(event('annotation.created', 'n1', note('n1'), 2)).entity).toMatchObject({ body: SECRET });
    expect(redact(event('annotation.deleted', 'n1', note('n1'), 3)).entity).toMatchObject({ body: null, redacted: true });
    expect(redact(event('annotation.updated', 'n1', note('n1'), 4)).entity).toMatchObject({ redacted: true });
  });
});
