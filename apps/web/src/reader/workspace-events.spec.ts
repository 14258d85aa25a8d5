import type { Annotation, LiveEvent, Workspace, WorkspaceClaim } from '../api/types';
import { applyLiveEvent, upsertNote } from './workspace-events';

const claim = (id: string, version = 1): WorkspaceClaim => ({
  id, articleId: 'a1', quote: `quote ${id}`, claimant: null, version, createdBy: 'rita',
  annotations: [], sources: [], verdicts: [], corrections: [],
} as unknown as WorkspaceClaim);

const note = (id: string, parentId: string | null, version = 1): Annotation =>
  ({ id, claimId: 'c1', parentId, authorId: 'rita', body: `note ${id}`, deleted: false, createdAt: `2026-12-07T10:00:0${id.length}Z`, version } as unknown as Annotation);

const workspace = (claims: WorkspaceClaim[] = [claim('c1')]): Workspace => ({
  article: { id: 'a1', title: 'Interpol', text: 'The text.', version: 1 } as unknown as Workspace['article'],
  claims,
  users: { rita: { displayName: 'Rita', role: 'reviewer' } },
  snapshots: {},
});

const event = (type: string, entityId: string, entity: unknown): LiveEvent => ({ type, articleId: 'a1', entityId, entity, actorId: 'rita', at: '2026-12-07T10:00:00Z' });

describe('applyLiveEvent', () => {
  it('adds a colleague\'s claim, and adding it again changes nothing', () => {
    const created = event('claim.created', 'c2', { ...claim('c2'), annotations: undefined });
    const once = applyLiveEvent(workspace(), created)!;
    expect(once.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(once.claims[1].annotations).toEqual([]);
    expect(applyLiveEvent(once, created)!.claims).toHaveLength(2);
  });

  it('keeps a claim\'s notes, sources and verdicts when its fields change, and ignores an older version', () => {
    const held = workspace([{ ...claim('c1', 3), annotations: [note('n1', null)] }]);
    const edited = applyLiveEvent(held, event('claim.updated', 'c1', { ...claim('c1', 4), claimant: 'Interpol', annotations: undefined }))!;
    expect(edited.claims[0].claimant).toBe('Interpol');
    expect(edited.claims[0].annotations).toHaveLength(1);
    const stale = applyLiveEvent(edited, event('claim.updated', 'c1', { ...claim('c1', 2), claimant: 'Old' }))!;
    expect(stale.claims[0].claimant).toBe('Interpol');
  });

  it('removes a deleted claim and keeps a deleted note as a tombstone for its replies', () => {
    expect(applyLiveEvent(workspace(), event('claim.deleted', 'c1', claim('c1')))!.claims).toEqual([]);
    const held = workspace([{ ...claim('c1'), annotations: [note('n1', null), note('n22', 'n1')] }]);
    const after = applyLiveEvent(held, event('annotation.deleted', 'n1', note('n1', null)))!;
    expect(after.claims[0].annotations.map((n) => [n.id, n.deleted, n.body])).toEqual([['n1', true, null], ['n22', false, 'note n22']]);
  });

  it('reads afresh when the event names someone the workspace does not know, or the text changed', () => {
    expect(applyLiveEvent(workspace(), event('annotation.created', 'n1', { ...note('n1', null), authorId: 'newcomer' }))).toBeNull();
    expect(applyLiveEvent(workspace(), event('article.revised', 'a1', { id: 'a1', revision: 2 }))).toBeNull();
    expect(applyLiveEvent(workspace(), event('claim.corrected', 'c1', claim('c1', 2)))).toBeNull();
    expect(applyLiveEvent(workspace(), event('something.new', 'x', {}))).toBeNull();
  });

  it('keeps the article\'s text when its details change', () => {
    const after = applyLiveEvent(workspace(), event('article.updated', 'a1', { id: 'a1', title: 'Interpol vote', version: 2 }))!;
    expect(after.article.title).toBe('Interpol vote');
    expect(after.article.text).toBe('The text.');
  });

  it('lists verdicts oldest first and replaces one by its newer version', () => {
    const v = (id: string, createdAt: string, version: number, status: string) => ({ id, claimId: 'c1', authorId: 'rita', reviewedBy: null, createdAt, version, status });
    let held = applyLiveEvent(workspace(), event('verdict.created', 'v2', v('v2', '2026-12-07T11:00:00Z', 1, 'draft')))!;
    held = applyLiveEvent(held, event('verdict.created', 'v1', v('v1', '2026-12-07T09:00:00Z', 1, 'draft')))!;
    held = applyLiveEvent(held, event('verdict.submitted', 'v2', v('v2', '2026-12-07T11:00:00Z', 2, 'submitted')))!;
    expect(held.claims[0].verdicts.map((x) => [x.id, x.status])).toEqual([['v1', 'draft'], ['v2', 'submitted']]);
  });
});

describe('upsertNote', () => {
  it('puts a reply after the replies its parent already has, before the next thread (thread order)', () => {
    const notes = [note('a', null), note('ab', 'a'), note('abc', 'ab'), note('d', null)];
    expect(upsertNote(notes, note('ae', 'a')).map((n) => n.id)).toEqual(['a', 'ab', 'abc', 'ae', 'd']);
    expect(upsertNote(notes, note('f', null)).map((n) => n.id)).toEqual(['a', 'ab', 'abc', 'd', 'f']);
  });
});

describe('applyLiveEvent after a fresh read', () => {
  it('keeps the notes of a claim whose creation is applied again on top of a read that already has them', () => {
    const read = workspace([{ ...claim('c1'), annotations: [note('n1', null)] }]);
    const again = applyLiveEvent(read, event('claim.created', 'c1', claim('c1')))!;
    expect(again.claims[0].annotations).toHaveLength(1);
  });
});
