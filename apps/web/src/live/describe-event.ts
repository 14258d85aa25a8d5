import type { LiveEvent, Workspace } from '../api/types';

const WHAT: Record<string, string> = {
  'claim.created': 'marked a claim',
  'claim.updated': 'edited a claim',
  'claim.corrected': 'corrected a claim’s words',
  'claim.deleted': 'deleted a claim',
  'annotation.created': 'wrote a note',
  'annotation.updated': 'edited a note',
  'annotation.deleted': 'deleted a note',
  'claim_source.created': 'added a source',
  'claim_source.deleted': 'removed a source',
  'verdict.created': 'drafted a verdict',
  'verdict.updated': 'edited a verdict',
  'verdict.submitted': 'submitted a verdict',
  'verdict.approved': 'approved a verdict',
  'verdict.rejected': 'sent a verdict back',
  'verdict.published': 'published a verdict',
  'verdict.retracted': 'retracted a verdict',
  'article.updated': 'edited the article details',
  'article.revised': 'revised the article text',
  'claim.assigned': 'assigned a claim',
  'article.assigned': 'assigned the article',
};

/** A one-line notice for a change made by someone else. */
export function describeEvent(event: Pick<LiveEvent, 'type' | 'actorId'>, users: Workspace['users']): string {
  const who = (event.actorId && users[event.actorId]?.displayName) || 'Another reviewer';
  return `${who} ${WHAT[event.type] ?? `changed something (${event.type})`}.`;
}
