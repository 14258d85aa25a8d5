import { mayChangeQueues, queueAudience, QueueFacts } from './queue-audience';

const facts: QueueFacts = { claimAssigneeId: 'assignee', claimCreatorId: 'marker', articleAssigneeId: 'article-owner' };

describe('queueAudience', () => {
  it('tells the old and the new assignee of an assignment, nobody else', () => {
    const audience = queueAudience({ action: 'claim.assigned', actorId: 'ed', before: { assigneeId: 'old' }, after: { assigneeId: 'new' } }, null);
    expect(audience).toEqual({ everyone: false, editors: false, people: ['old', 'new'] });
  });

  it('tells the editors, the author, the claim\'s and the article\'s assignees of a verdict step', () => {
    const audience = queueAudience({ action: 'verdict.approved', actorId: 'ed', before: { authorId: 'author' }, after: { authorId: 'author' } }, facts);
    expect(audience.editors).toBe(true);
    expect(audience.people.sort()).toEqual(['article-owner', 'assignee', 'author', 'marker']);
  });

  it('tells the claim\'s assignee and marker when a claim changes (status, anchor)', () => {
    const audience = queueAudience({ action: 'claim.updated', actorId: 'x', before: { assigneeId: null, createdBy: 'marker' }, after: { assigneeId: null, createdBy: 'marker' } },
      { ...facts, claimAssigneeId: null });
    expect(audience).toEqual({ everyone: false, editors: false, people: ['marker', 'article-owner'] });
  });

  it('tells everyone listening of deletions and text revisions', () => {
    for (const action of ['article.deleted', 'claim.deleted', 'annotation.deleted', 'article.revised']) {
      expect(queueAudience({ action, actorId: 'x', before: null, after: null }, null).everyone).toBe(true);
    }
  });

  it('leaves out changes that touch no queue (notes come as notifications; sources are in nobody\'s queue)', () => {
    for (const action of ['annotation.created', 'claim_source.created', 'source.updated', 'article.updated', 'article.created']) {
      expect(mayChangeQueues(action)).toBe(false);
      expect(queueAudience({ action, actorId: 'x', before: null, after: {} }, facts)).toEqual({ everyone: false, editors: false, people: [] });
    }
  });
});
