import type { ArticleReport, ClaimReport, PersonRef, ReportedAnnotation, ReportedVerdict } from '../report.model';
import { articlePageUrl, trimSlash } from '../render/links';
import {
  ANNO_CONTEXT,
  Agent,
  CLAIMDESK_CONTEXT_PATH,
  ClaimDeskContext,
  AnnotationBody,
  AnnotationCollection,
  AnnotationPage,
  ClaimTarget,
  TextSelector,
  LinkingBody,
  TextualBody,
  WebAnnotation,
} from './web-annotation.types';

/**
 * One W3C Web Annotation per claim span, as API.md "GET /api/v1/articles/:id/annotations"
 * describes: the claim's selectors as target; its annotations, current verdict, sources and tags
 * as bodies.
 */

export interface WebAnnotationOptions {
  /** CLAIMDESK_PUBLIC_URL. */
  publicUrl: string;
}

export interface AnnotationPageOptions extends WebAnnotationOptions {
  /** Annotations per page; 100 unless said. */
  pageSize?: number;
}

export const DEFAULT_ANNOTATION_PAGE_SIZE = 100;

const api = (publicUrl: string): string => `${trimSlash(publicUrl)}/api/v1`;

/** The `@context` of every document the desk exports: the W3C context, then the desk's own terms. */
export function exportContext(publicUrl: string): ClaimDeskContext {
  return [ANNO_CONTEXT, `${trimSlash(publicUrl)}${CLAIMDESK_CONTEXT_PATH}`];
}

export function claimAnnotationId(publicUrl: string, claimId: string): string {
  return `${api(publicUrl)}/claims/${encodeURIComponent(claimId)}`;
}

export function annotationCollectionId(publicUrl: string, articleId: string): string {
  return `${api(publicUrl)}/articles/${encodeURIComponent(articleId)}/annotations`;
}

export function annotationPageId(publicUrl: string, articleId: string, page: number): string {
  return `${annotationCollectionId(publicUrl, articleId)}?page=${page}`;
}

/** The article whose collection this desk published under `id`, or null for any other id. */
export function articleOfCollectionId(publicUrl: string, id: string): string | null {
  const prefix = `${api(publicUrl)}/articles/`;
  const match = id.startsWith(prefix) ? /^([^/?#]+)\/annotations$/.exec(id.slice(prefix.length)) : null;
  return match ? decodeURIComponent(match[1]) : null;
}

/** The page number of one of the article's page URLs, or null for any other URL. */
export function pageOfAnnotationPageId(publicUrl: string, articleId: string, url: string): number | null {
  const prefix = `${annotationCollectionId(publicUrl, articleId)}?page=`;
  const page = url.startsWith(prefix) && /^[0-9]{1,9}$/.test(url.slice(prefix.length)) ? Number(url.slice(prefix.length)) : null;
  return page;
}

/** The claim this desk exported under `id`, or null for any other id. */
export function claimOfAnnotationId(publicUrl: string, id: string): string | null {
  const prefix = `${api(publicUrl)}/claims/`;
  const rest = id.startsWith(prefix) ? id.slice(prefix.length) : '';
  return rest && !/[/?#]/.test(rest) ? decodeURIComponent(rest) : null;
}

function person(publicUrl: string, user: PersonRef): Agent {
  return { id: `${api(publicUrl)}/users/${encodeURIComponent(user.id)}`, type: 'Person', name: user.displayName };
}

function generator(publicUrl: string): Agent {
  return { id: `${trimSlash(publicUrl)}/`, type: 'Software', name: 'ClaimDesk' };
}

function selectors(claim: ClaimReport): TextSelector[] {
  // An empty prefix or suffix is kept: it says the quote starts or ends the text.
  const quote: TextSelector = { type: 'TextQuoteSelector', exact: claim.quote, prefix: claim.prefix, suffix: claim.suffix };
  // An orphaned claim has no position in the current text, only its last quote.
  if (claim.start === null || claim.end === null) return [quote];
  return [quote, { type: 'TextPositionSelector', start: claim.start, end: claim.end }];
}

function target(claim: ClaimReport, article: ArticleReport, publicUrl: string): ClaimTarget {
  return {
    type: 'SpecificResource',
    source: article.url ?? articlePageUrl(publicUrl, article.id),
    // The quoted text is in the article's language (a BCP 47 tag, as the article records it).
    ...(article.language ? { language: article.language } : {}),
    selector: selectors(claim),
  };
}

/*
 * Textual bodies carry no `id`, though the model allows one: the W3C test suite takes any body with
 * an `id` and no `source` for an External Web Resource, which MUST NOT have a `purpose`
 * (assertion 3.3.5-bodyEWRNoPurpose), and every body here needs its purpose. A note names itself
 * and the note it answers with the desk's `noteId` and `inReplyTo` instead, so the thread survives.
 */
function noteBody(annotation: ReportedAnnotation, inReplyTo: string | null, publicUrl: string): TextualBody | null {
  if (annotation.deleted || annotation.body === null) return null;
  return {
    type: 'TextualBody',
    value: annotation.body,
    format: 'text/markdown',
    purpose: annotation.motivation,
    creator: person(publicUrl, annotation.author),
    created: annotation.createdAt,
    ...(annotation.editedAt ? { modified: annotation.editedAt } : {}),
    noteId: annotation.id,
    ...(inReplyTo ? { inReplyTo } : {}),
  };
}

/** Each note's nearest ancestor that is exported: a reply to a deleted note answers the note above it. */
function exportedParents(annotations: readonly ReportedAnnotation[]): Map<string, string | null> {
  const byId = new Map(annotations.map((annotation) => [annotation.id, annotation]));
  const parents = new Map<string, string | null>();
  for (const annotation of annotations) {
    let parent = annotation.parentId === null ? undefined : byId.get(annotation.parentId);
    while (parent && (parent.deleted || parent.body === null)) parent = parent.parentId === null ? undefined : byId.get(parent.parentId);
    parents.set(annotation.id, parent?.id ?? null);
  }
  return parents;
}

function verdictBody(verdict: ReportedVerdict, publicUrl: string): TextualBody {
  const rationale = verdict.rationale?.trim();
  return {
    type: 'TextualBody',
    value: rationale ? `${verdict.ratingLabel}: ${rationale}` : verdict.ratingLabel,
    format: 'text/markdown',
    purpose: 'assessing',
    creator: person(publicUrl, verdict.author),
    created: verdict.createdAt,
    modified: verdict.updatedAt,
    rating: verdict.rating,
    ratingScale: verdict.scale.id,
  };
}

/** Only a published verdict is the desk's word on a claim; drafts and pending verdicts stay inside. */
function publishedVerdict(claim: ClaimReport): ReportedVerdict | null {
  return claim.currentVerdict?.status === 'published' ? claim.currentVerdict : null;
}

function sourceBody(attached: ClaimReport['sources'][number]): LinkingBody {
  return {
    type: 'SpecificResource',
    purpose: 'linking',
    source: attached.source.url,
    stance: attached.stance,
    ...(attached.source.title ? { title: attached.source.title } : {}),
    ...(attached.excerpt ? { excerpt: attached.excerpt } : {}),
    ...(attached.note ? { note: attached.note } : {}),
  };
}

function bodies(claim: ClaimReport, publicUrl: string): AnnotationBody[] {
  const all: AnnotationBody[] = [];
  const parents = exportedParents(claim.annotations);
  for (const annotation of claim.annotations) {
    const body = noteBody(annotation, parents.get(annotation.id) ?? null, publicUrl);
    if (body) all.push(body);
  }
  const verdict = publishedVerdict(claim);
  if (verdict) all.push(verdictBody(verdict, publicUrl));
  for (const attached of claim.sources) all.push(sourceBody(attached));
  for (const tag of claim.tags) all.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  return all;
}

/**
 * One claim as an Annotation. Inside a page it goes without `@context` (the page's applies);
 * on its own it carries it (`withContext`).
 */
export function toWebAnnotation(claim: ClaimReport, article: ArticleReport, options: WebAnnotationOptions & { withContext?: boolean }): WebAnnotation {
  const { publicUrl } = options;
  const body = bodies(claim, publicUrl);
  return {
    ...(options.withContext ? { '@context': exportContext(publicUrl) } : {}),
    id: claimAnnotationId(publicUrl, claim.id),
    type: 'Annotation',
    // A claim with a published verdict is an assessment; one still waiting for it only marks the span.
    motivation: publishedVerdict(claim) ? 'assessing' : 'highlighting',
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: person(publicUrl, claim.createdBy),
    generator: generator(publicUrl),
    ...(claim.claimant ? { claimant: claim.claimant } : {}),
    ...(claim.claimReviewed ? { claimReviewed: claim.claimReviewed } : {}),
    ...(body.length ? { body } : {}),
    target: target(claim, article, publicUrl),
  };
}

export function annotationPageCount(article: Pick<ArticleReport, 'claims'>, pageSize = DEFAULT_ANNOTATION_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(article.claims.length / pageSize));
}

/**
 * Page `page` (from 1) of an article's annotations, or null past the last page. An article without
 * claims has one empty page, so that `first` always leads somewhere.
 */
export function toAnnotationPage(
  article: ArticleReport,
  page: number,
  options: AnnotationPageOptions & { withContext?: boolean },
): AnnotationPage | null {
  const pageSize = options.pageSize ?? DEFAULT_ANNOTATION_PAGE_SIZE;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size ${pageSize} is not a positive integer`);
  const pages = annotationPageCount(article, pageSize);
  if (!Number.isInteger(page) || page < 1 || page > pages) return null;
  const { publicUrl } = options;
  const startIndex = (page - 1) * pageSize;
  return {
    ...(options.withContext === false ? {} : { '@context': exportContext(publicUrl) }),
    id: annotationPageId(publicUrl, article.id, page),
    type: 'AnnotationPage',
    partOf: { id: annotationCollectionId(publicUrl, article.id), total: article.claims.length },
    startIndex,
    ...(page < pages ? { next: annotationPageId(publicUrl, article.id, page + 1) } : {}),
    ...(page > 1 ? { prev: annotationPageId(publicUrl, article.id, page - 1) } : {}),
    items: article.claims.slice(startIndex, startIndex + pageSize).map((claim) => toWebAnnotation(claim, article, { publicUrl })),
  };
}

/** The AnnotationCollection of an article's claims, with its first page embedded. */
export function toAnnotationCollection(article: ArticleReport, options: AnnotationPageOptions): AnnotationCollection {
  const { publicUrl } = options;
  const first = toAnnotationPage(article, 1, { ...options, withContext: false });
  if (!first) throw new Error('an article always has a first annotation page');
  const modified = article.claims.reduce<string | undefined>((latest, claim) => (!latest || claim.updatedAt > latest ? claim.updatedAt : latest), undefined);
  return {
    '@context': exportContext(publicUrl),
    id: annotationCollectionId(publicUrl, article.id),
    type: 'AnnotationCollection',
    label: `Claims marked in “${article.title}”`,
    total: article.claims.length,
    ...(modified ? { modified } : {}),
    first,
    last: annotationPageId(publicUrl, article.id, annotationPageCount(article, options.pageSize)),
  };
}

/**
 * The whole collection in one file (the CLI's export): every annotation in one embedded page. That
 * page is not the API's page 1 (which holds at most a page's worth), so it has an id of its own.
 */
export function toSingleFileCollection(article: ArticleReport, options: WebAnnotationOptions): AnnotationCollection {
  const collection = toAnnotationCollection(article, { ...options, pageSize: Math.max(1, article.claims.length) });
  const pageId = `${collection.id}#all`;
  return { ...collection, first: { ...collection.first, id: pageId }, last: pageId };
}
