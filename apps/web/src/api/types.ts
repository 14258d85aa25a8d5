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

// ---- Shapes the OpenAPI document does not carry yet: written from API.md ----

export type Motivation = 'commenting' | 'questioning' | 'assessing' | 'tagging';

export interface Annotation {
  id: string;
  claimId: string;
  parentId: string | null;
  authorId: string;
  body: string | null;
  motivation: Motivation;
  createdAt: string;
  editedAt: string | null;
  version: number;
  deleted?: boolean;
}

export type SourceKind = 'primary' | 'official' | 'news' | 'dataset' | 'interview' | 'other';

export interface Source {
  id: string;
  url: string;
  normalizedUrl: string;
  title: string | null;
  publisher: string | null;
  publishedAt: string | null;
  kind: SourceKind | null;
  archiveUrl: string | null;
  createdBy: string;
  createdAt: string;
  version: number;
}

export type Stance = 'supports' | 'refutes' | 'context';

export interface ClaimSource {
  claimId: string;
  sourceId: string;
  source: Source;
  stance: Stance;
  excerpt: string | null;
  note: string | null;
  addedBy: string;
  createdAt: string;
}

export interface RatingLevel {
  key: string;
  label: string;
  value: number | null;
  description?: string | null;
}

export interface RatingScale {
  id: string;
  name: string;
  levels: RatingLevel[];
  bestRating: number;
  worstRating: number;
}

export type VerdictStatus = 'draft' | 'submitted' | 'approved' | 'published' | 'retracted';

export interface Verdict {
  id: string;
  claimId: string;
  authorId: string;
  scaleId: string;
  rating: string;
  ratingLabel: string;
  ratingValue: number | null;
  rationale: string | null;
  confidence: number | null;
  status: VerdictStatus;
  reviewedBy: string | null;
  reviewNote: string | null;
  publishedAt: string | null;
  supersedes: string | null;
  correctionNote: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

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
