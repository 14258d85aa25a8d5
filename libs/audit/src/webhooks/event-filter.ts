/**
 * The live events a webhook may subscribe to (API.md, "Live updates", plus articles created and
 * deleted and assignments); `*` is every event, including types added later.
 */
export const WEBHOOK_EVENT_TYPES = [
  'article.created', 'article.updated', 'article.revised', 'article.deleted', 'article.assigned',
  'claim.created', 'claim.updated', 'claim.corrected', 'claim.deleted', 'claim.assigned',
  'annotation.created', 'annotation.updated', 'annotation.deleted',
  'claim_source.created', 'claim_source.deleted',
  'verdict.created', 'verdict.updated', 'verdict.submitted', 'verdict.approved', 'verdict.rejected', 'verdict.published', 'verdict.retracted',
] as const;

export const EVERY_EVENT = '*';

/** The test event of `POST /webhooks/:id/test`, sent whatever the hook subscribes to. */
export const PING_EVENT = 'ping';

export const subscribesTo = (events: readonly string[], type: string): boolean => events.includes(EVERY_EVENT) || events.includes(type);

/** The body of a test delivery. */
export interface Ping {
  type: typeof PING_EVENT;
  webhookId: string;
  at: string;
}
