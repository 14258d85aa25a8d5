/**
 * The API's types, all taken from the generated OpenAPI document (schema.d.ts, `npm run openapi`):
 * models are `components['schemas'][…]`, list pages, query parameters and enums of parameters are
 * read from `paths` (routes.ts). Only what the document cannot describe is written here by hand, at
 * the end of the file, each with the reason.
 */
import type { AnswerOf, ApiRoute, BodyOf, QueryOf } from './routes';
import type { components } from './schema';

type Schemas = components['schemas'];

// ---- Users and sessions ----
export type User = Schemas['UserView'];
export type Role = User['role'];
export type Login = Schemas['LoginDto'];
export type LoginResult = Schemas['LoginResult'];
export type ChangePassword = Schemas['ChangePasswordDto'];

// ---- Articles ----
export type Article = Schemas['ArticleView'];
/** An article in a list: everything but the text. */
export type ArticleSummary = Schemas['ArticleSummary'];
export type ArticleFormat = Article['format'];
export type CreateArticle = Schemas['CreateArticleDto'];
export type ArticleFromUrl = Schemas['ArticleFromUrlDto'];
export type SnapshotHead = Schemas['SnapshotHead'];
export type ArticleListQuery = QueryOf<'/api/v1/articles', 'get'>;
export type ArticlePage = AnswerOf<'/api/v1/articles', 'get'>;
/** GET /claim-counts: ClaimCounts by article id. */
export type ClaimCounts = Schemas['ClaimCountsView'];
export type ClaimCountsByArticle = AnswerOf<'/api/v1/claim-counts', 'get'>;

// ---- Revisions: a corrected text, and where every claim landed in it ----
/** The body of PUT /articles/{id}/text: the new text as pasted or dropped. */
export type ArticleContent = BodyOf<'/api/v1/articles/{id}/text', 'put'>;
/** What PUT /articles/{id}/text answers: the article at its new revision and the re-anchoring of its claims. */
export type RevisionResult = AnswerOf<'/api/v1/articles/{id}/text', 'put'>;
export type ReanchorSummary = RevisionResult['reanchor'];
export type ReanchoredClaim = ReanchorSummary['claims'][number];
export type RevisionPage = AnswerOf<'/api/v1/articles/{id}/revisions', 'get'>;
export type RevisionSummary = RevisionPage['items'][number];
export type Revision = AnswerOf<'/api/v1/articles/{id}/revisions/{n}', 'get'>;

// ---- The reader's workspace ----
export type Workspace = Schemas['Workspace'];
export type WorkspaceClaim = Schemas['WorkspaceClaim'];
export type WorkspacePerson = Schemas['WorkspacePerson'];

// ---- Claims ----
export type Claim = Schemas['ClaimView'];
export type ClaimStatus = Claim['status'];
export type AnchorStatus = Claim['anchor'];
export type Selector = Schemas['SelectorDto'];
export type CreateClaim = Schemas['CreateClaimDto'];
export type UpdateClaim = Schemas['UpdateClaimDto'];
/** One entry of the audit log (a claim's history). */
export type AuditEntry = Schemas['AuditView'];
export type HistoryPage = AnswerOf<'/api/v1/claims/{id}/history', 'get'>;

// ---- Annotations ----
export type Annotation = Schemas['AnnotationView'];
export type Motivation = Annotation['motivation'];
export type CreateAnnotation = Schemas['CreateAnnotationDto'];
export type UpdateAnnotation = Schemas['UpdateAnnotationDto'];

// ---- Sources ----
export type Source = Schemas['SourceView'];
export type SourceKind = Source['kind'];
export type NewSource = Schemas['CreateSourceDto'];
export type ClaimSource = Schemas['ClaimSourceView'];
export type Stance = ClaimSource['stance'];
export type AttachSource = Schemas['AttachSourceDto'];

// ---- Verdicts ----
export type RatingScale = Schemas['RatingScaleView'];
export type RatingLevel = Schemas['RatingLevelView'];
export type Verdict = Schemas['VerdictView'];
export type VerdictStatus = Verdict['status'];
export type CreateVerdict = Schemas['CreateVerdictDto'];
export type UpdateVerdict = Schemas['UpdateVerdictDto'];

type StepOf<R> = R extends `/api/v1/verdicts/{id}/${infer A}` ? A : never;
/** The workflow steps: the document's POST /verdicts/{id}/{submit|approve|reject|publish|retract}. */
export type VerdictAction = StepOf<ApiRoute>;
/** One workflow step with the body its route takes: reject and retract need a note, the others nothing. */
export type VerdictStep = {
  [A in VerdictAction]: [BodyOf<`/api/v1/verdicts/{id}/${A}`, 'post'>] extends [never] ? { action: A } : { action: A } & BodyOf<`/api/v1/verdicts/{id}/${A}`, 'post'>;
}[VerdictAction];

// ---- Notifications and people ----
export type Notification = Schemas['NotificationView'];
export type NotificationType = Notification['type'];
export type Person = Schemas['PersonView'];
export type EmailChoice = Schemas['MySettingsView']['emailNotifications'];

// ---- Reports ----
/** The `format` query parameter of GET /articles/{id}/report. */
export type ReportFormat = NonNullable<QueryOf<'/api/v1/articles/{id}/report', 'get'>['format']>;

// ---- Webhooks (admin) ----
export type Webhook = Schemas['WebhookView'];
export type CreateWebhook = Schemas['CreateWebhookDto'];
export type WebhookEvent = CreateWebhook['events'][number];
export type WebhookDelivery = Schemas['DeliveryView'];
// ---- Work: assignment and my queue ----
export type Assignment = Schemas['AssignmentDto'];
export type QueuePage = AnswerOf<'/api/v1/me/queue', 'get'>;
export type QueueItem = QueuePage['items'][number];
export type QueueCounts = Schemas['QueueCountsView'];

// ---- Written by hand: not described by the document ----

/**
 * Written by hand from API.md (Live updates): the `data:` of one Server-Sent Event of
 * GET /articles/{id}/events. The document gives that route a text/event-stream answer, whose event
 * payload it only describes in prose, so there is no schema to take this from.
 */
export interface LiveEvent {
  type: string;
  articleId: string;
  entityId: string;
  entity: unknown;
  actorId: string | null;
  at: string;
}

/**
 * A fact-check in the library that may settle a claim (API.md, "Fact-check library and claim matching").
 * Typed here because the similar routes answer an untyped `{ items }` in the OpenAPI document.
 */
export interface FactCheckMatch {
  id: string;
  url: string;
  claimReviewed: string;
  headline: string;
  publisher: string | null;
  datePublished: string | null;
  rating: { label: string | null };
  score: number;
  likelySame: boolean;
}
