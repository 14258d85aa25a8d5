/**
 * The API's types, taken from the generated OpenAPI schema (schema.d.ts, `npm run openapi`).
 * Where the document does not describe a shape yet (list envelopes, a few routes), the type is
 * written here from API.md and says so.
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/**
 * @nestjs/swagger renders `nullable: true` without an explicit type as `Record<string, never> | null`;
 * for request bodies those fields are strings. Turns such fields back into `string | null`.
 */
type Writable<T> = { [K in keyof T]: Exclude<T[K], null | undefined> extends Record<string, never> ? string | null : T[K] };

export type User = Schemas['UserView'];
export type Role = User['role'];
export type LoginResult = Schemas['LoginResult'];

export type Article = Schemas['ArticleView'];
/** An article in a list: everything but the text (API.md: "items without `text`"). */
export type ArticleSummary = Omit<Article, 'text'>;
export type ArticleFormat = Article['format'];
export type CreateArticle = Writable<Schemas['CreateArticleDto']>;

export type Claim = Schemas['ClaimView'];
export type ClaimStatus = Claim['status'];
export type AnchorStatus = Claim['anchor'];
export type CreateClaim = Omit<Writable<Schemas['CreateClaimDto']>, 'selector'> & { selector: Schemas['SelectorDto'] };
export type UpdateClaim = Writable<Schemas['UpdateClaimDto']>;

/** Every list route's envelope (API.md, Conventions). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Annotation = Schemas['AnnotationView'];
export type Motivation = Annotation['motivation'];
export type Source = Schemas['SourceView'];
export type SourceKind = Source['kind'];
export type ClaimSource = Schemas['ClaimSourceView'];
export type Stance = ClaimSource['stance'];
export type RatingScale = Schemas['RatingScaleView'];
export type RatingLevel = Schemas['RatingLevelView'];
export type Verdict = Schemas['VerdictView'];
export type VerdictStatus = Verdict['status'];

// ---- Response shapes the OpenAPI document only describes in prose: written from API.md ----

export interface WorkspaceClaim extends Claim {
  annotations: Annotation[];
  sources: ClaimSource[];
  verdicts: Verdict[];
}

export interface Workspace {
  article: Article;
  claims: WorkspaceClaim[];
  users: Record<string, { displayName: string; role: Role }>;
}

export interface HistoryEntry {
  id: string | number;
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface ClaimCounts {
  open: number;
  in_review: number;
  resolved: number;
  fuzzy: number;
  orphaned: number;
  total: number;
}

/** One Server-Sent Event of an article (API.md, Live updates). */
export interface LiveEvent {
  type: string;
  articleId: string;
  entityId: string;
  entity: unknown;
  actorId: string | null;
  at: string;
}

export const REPORT_FORMATS = ['html', 'pdf', 'markdown', 'csv', 'json', 'claimreview'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
