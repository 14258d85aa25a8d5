import { ChangeFacts, ChangeRecord, factsNeeded, recipientsOf } from './recipients';

const facts = (over: Partial<ChangeFacts> = {}): ChangeFacts => ({
  mentionedIds: [], repliedToAuthorId: null, editorIds: [], verdictAuthorIds: [], assigneeId: null,
  active: new Set(['ana', 'bo', 'cy', 'dee', 'ed']), ...over,
});
const change = (action: string, after: Record<string, unknown> | null = {}, actorId = 'ana', before: Record<string, unknown> | null = null): ChangeRecord =>
  ({ action, actorId, after, before });

describe('who is notified of a change', () => {
  it('tells mentioned people and the author of the note replied to, never the actor', () => {
    expect(recipientsOf(change('annotation.created', { parentId: 'n1' }), facts({ mentionedIds: ['bo', 'ana'], repliedToAuthorId: 'cy' })))
      .toEqual([{ recipientId: 'bo', type: 'mentioned' }, { recipientId: 'cy', type: 'reply' }]);
    expect(recipientsOf(change('annotation.created', { parentId: 'n1' }), facts({ repliedToAuthorId: 'ana' }))).toEqual([]);
  });

  it('tells a person once per change: a reply that mentions its parent\'s author is a mention', () => {
    expect(recipientsOf(change('annotation.created', { parentId: 'n1' }), facts({ mentionedIds: ['bo', 'bo'], repliedToAuthorId: 'bo' })))
      .toEqual([{ recipientId: 'bo', type: 'mentioned' }]);
  });

  it('tells disabled (inactive) users nothing', () => {
    expect(recipientsOf(change('annotation.created'), facts({ mentionedIds: ['zed'] }))).toEqual([]);
    expect(recipientsOf(change('verdict.submitted'), facts({ editorIds: ['zed', 'dee'] }))).toEqual([{ recipientId: 'dee', type: 'submitted' }]);
  });

  it('tells every editor and admin of a submitted verdict, except the one who submitted it', () => {
    expect(recipientsOf(change('verdict.submitted', {}, 'dee'), facts({ editorIds: ['dee', 'ed'] }))).toEqual([{ recipientId: 'ed', type: 'submitted' }]);
  });

  it('tells the verdict\'s author and the claim\'s assignee of approval, rejection and publication', () => {
    for (const [action, type] of [['verdict.approved', 'approved'], ['verdict.rejected', 'rejected'], ['verdict.published', 'published']]) {
      expect(recipientsOf(change(action, { supersedes: null }, 'ed'), facts({ verdictAuthorIds: ['bo'], assigneeId: 'cy' })))
        .toEqual([{ recipientId: 'bo', type }, { recipientId: 'cy', type }]);
    }
  });

  it('tells the authors of both verdicts and the assignee when a correction is published', () => {
    expect(recipientsOf(change('verdict.published', { supersedes: 'v1' }, 'ed'), facts({ verdictAuthorIds: ['bo', 'cy'], assigneeId: 'dee' })).map((r) => [r.recipientId, r.type]))
      .toEqual([['bo', 'corrected'], ['cy', 'corrected'], ['dee', 'corrected']]);
  });

  it('tells the new assignee of a claim or article (the queue\'s claim.assigned / article.assigned entries)', () => {
    const assigned = change('claim.assigned', { id: 'c1', assigneeId: 'bo', dueAt: '2026-12-10T12:00:00.000Z' }, 'ed', { id: 'c1', assigneeId: null, dueAt: null });
    expect(recipientsOf(assigned, facts())).toEqual([{ recipientId: 'bo', type: 'assigned' }]);
    expect(recipientsOf(change('article.assigned', { assigneeId: 'cy' }, 'ed', { assigneeId: 'bo' }), facts())).toEqual([{ recipientId: 'cy', type: 'assigned' }]);
    // A new due date for the same assignee, a claim given back, or taking a claim oneself tells no one.
    expect(recipientsOf(change('claim.assigned', { assigneeId: 'bo', dueAt: 'x' }, 'ed', { assigneeId: 'bo', dueAt: null }), facts())).toEqual([]);
    expect(recipientsOf(change('claim.assigned', { assigneeId: null }, 'bo', { assigneeId: 'bo' }), facts())).toEqual([]);
    expect(recipientsOf(change('claim.assigned', { assigneeId: 'bo' }, 'bo', { assigneeId: null }), facts())).toEqual([]);
  });

  it('needs no facts for changes nobody is told about', () => {
    expect(factsNeeded({ action: 'claim.created', after: {} })).toEqual([]);
    expect(recipientsOf(change('claim.created'), facts({ editorIds: ['ed'] }))).toEqual([]);
    expect(factsNeeded({ action: 'annotation.created', after: { parentId: null } })).toEqual(['mentions']);
  });
});
