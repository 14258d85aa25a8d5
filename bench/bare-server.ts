/**
 * The yardstick of bench/api.bench.ts: the measured routes written by hand on bare Fastify and
 * better-sqlite3, doing the same work as ClaimDesk on the same database file.
 *
 *   BARE_DB=/path/desk.sqlite PORT=3100 npx ts-node --transpile-only bench/bare-server.ts
 *
 * - `GET /api/v1/articles/:id/workspace`: bearer-token auth through the sessions table (sha256 of
 *   the token, as libs/identity does), then the same reads (article, its revision authors, claims, annotations, claim
 *   sources joined with their sources, verdicts labelled from the rating scales, claim corrections,
 *   assignees, the snapshot heads of the sources, users) assembled
 *   into the same JSON (same keys, same order; the benchmark checks the two answers are equal).
 * - `POST /api/v1/claims/:id/annotations`: the same auth, the body validated field by field (unknown
 *   fields rejected), then the annotation and its audit-log row inserted in one transaction.
 * - `POST /api/v1/articles/:id/claims`: the same auth and field validation, then in one transaction the
 *   article's text read, the quote found (the desk's own text functions), and the claim, its anchoring
 *   row and its audit row inserted.
 * - `GET /api/v1/articles/:id/report?format=json` and `GET /api/v1/reports?format=json`: the workspace's
 *   reads, then the desk's own pure report model and JSON writer (streamed for the period).
 * - `GET /api/v1/articles/:id/report?format=claimreview`: the article's head and its claims with a
 *   published verdict in one query, then the desk's own ClaimReview mapping.
 *
 * No framework beyond Fastify, no ORM, no logging, prepared statements throughout.
 */
import Database from 'better-sqlite3';
import Fastify, { FastifyReply, FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { threadOrder } from '../libs/annotations/src/thread-order';
import { TextIndex } from '../libs/text/src/code-points';
import { describeQuote, findQuote } from '../libs/text/src/quote';
import { toClaimReviews } from '../libs/reports/src/render/claimreview';
import { inertJson } from '../libs/reports/src/render/inert-json';
import { renderJson, jsonReportWriter } from '../libs/reports/src/render/json';
import { streamReportPieces } from '../libs/reports/src/render/report-writer';
import { toArticleReport } from '../libs/reports/src/report-builder/reports.service';
import { ArticleReport, compareClaimsInReadingOrder, ReportHeader } from '../libs/reports/src/report.model';

const file = process.env.BARE_DB;
if (!file) throw new Error('BARE_DB must name the SQLite file');
const port = Number(process.env.PORT ?? 3100);

const db = new Database(file);
db.pragma('journal_mode = WAL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
db.pragma('synchronous = NORMAL');

type Row = Record<string, unknown>;

const sql = {
  session: db.prepare(`SELECT u.id AS id, u.role AS role FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ? AND s.revoked_at IS NULL AND s.expires_at > ? AND u.disabled = 0`),
  article: db.prepare(`SELECT id, title, url, publisher, authors, published_at, language, format, text, length, content_hash,
    revision, created_by, created_at, updated_at, version, assignee_id, due_at FROM articles WHERE id = ?`),
  claims: db.prepare(`SELECT * FROM claims WHERE article_id = ?
    ORDER BY COALESCE(start_offset, 2147483647) ASC, end_offset DESC, id ASC`),
  annotations: db.prepare(`SELECT * FROM annotations WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?)`),
  links: db.prepare(`SELECT cs.claim_id, cs.source_id, cs.stance, cs.excerpt, cs.note, cs.added_by, cs.created_at,
      s.url, s.normalized_url, s.title, s.publisher, s.published_at, s.kind, s.archive_url, s.created_by AS s_created_by,
      s.created_at AS s_created_at, s.version AS s_version
    FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
    WHERE cs.claim_id IN (SELECT id FROM claims WHERE article_id = ?) ORDER BY cs.created_at`),
  verdicts: db.prepare(`SELECT * FROM verdicts WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?) ORDER BY created_at, id`),
  scales: db.prepare('SELECT id, levels FROM rating_scales'),
  corrections: db.prepare('SELECT * FROM claim_corrections WHERE claim_id IN (SELECT id FROM claims WHERE article_id = ?) ORDER BY created_at, id'),
  snapshots: db.prepare(`SELECT id, source_id, fetched_at, http_status, sha256, archive_url FROM source_snapshots
    WHERE source_id IN (SELECT value FROM json_each(?)) ORDER BY fetched_at, id`),
  revisers: db.prepare('SELECT DISTINCT created_by FROM article_revisions WHERE article_id = ?'),
  users: db.prepare('SELECT id, display_name, role FROM users WHERE id IN (SELECT value FROM json_each(?))'),
  claimRef: db.prepare('SELECT id, article_id FROM claims WHERE id = ?'),
  parent: db.prepare('SELECT claim_id FROM annotations WHERE id = ?'),
  insertAnnotation: db.prepare(`INSERT INTO annotations (id, claim_id, parent_id, author_id, body, motivation, deleted, created_at, edited_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, 0, ?, NULL, ?, 1)`),
  insertAudit: db.prepare(`INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, article_id, claim_id, before, after)
    VALUES (?, ?, ?, 'annotation.created', 'annotation', ?, ?, ?, NULL, ?)`),
  articleText: db.prepare('SELECT text, revision FROM articles WHERE id = ?'),
  insertClaim: db.prepare(`INSERT INTO claims (id, article_id, revision, start_offset, end_offset, start_utf16, end_utf16, quote, prefix, suffix,
    anchor, claimant, claim_reviewed, tags, status, created_by, created_at, updated_at, version)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?, 'open', ?, ?, ?, 1)`),
  insertAnchoring: db.prepare(`INSERT INTO claim_anchorings (id, claim_id, revision, status, start_offset, end_offset, quote, prefix, suffix, actor_id, created_at)
    VALUES (?, ?, ?, 'anchored', ?, ?, ?, ?, ?, ?, ?)`),
  insertClaimAudit: db.prepare(`INSERT INTO audit_log (id, at, actor_id, action, entity_type, entity_id, article_id, claim_id, before, after)
    VALUES (?, ?, ?, 'claim.created', 'claim', ?, ?, ?, NULL, ?)`),
  articleHead: db.prepare('SELECT id, title, url, publisher, authors, published_at FROM articles WHERE id = ?'),
  publishedClaims: db.prepare(`SELECT c.id, c.quote, c.claimant, c.claim_reviewed, c.start_offset, c.end_offset, c.created_at, v.rating, v.scale_id, v.published_at
    FROM claims c JOIN verdicts v ON v.claim_id = c.id AND v.status = 'published' WHERE c.article_id = ?
    ORDER BY COALESCE(c.start_offset, 2147483647) ASC, c.end_offset ASC, c.created_at ASC, c.id ASC, v.created_at, v.id`),
  ratingScales: db.prepare('SELECT id, name, levels, best_rating, worst_rating FROM rating_scales'),
  periodArticles: db.prepare(`SELECT DISTINCT c.article_id AS id FROM verdicts v JOIN claims c ON c.id = v.claim_id
    WHERE v.published_at >= ? AND v.published_at < ? AND c.article_id > ? ORDER BY c.article_id LIMIT 50`),
};

// ---------------------------------------------------------------- errors and auth

class Problem extends Error {
  constructor(readonly status: number, readonly code: string, detail: string, readonly errors?: { path: string; message: string }[]) {
    super(detail);
  }
}

interface Actor {
  id: string;
  role: string;
}

function authenticate(request: FastifyRequest): Actor {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  const row = match ? (sql.session.get(createHash('sha256').update(match[1]).digest('hex'), new Date().toISOString()) as Actor | undefined) : undefined;
  if (!row) throw new Problem(401, 'unauthenticated', 'sign in first: no valid session or bearer token');
  return row;
}

// ---------------------------------------------------------------- views (the keys and order of ClaimDesk's)

const article = (r: Row) => ({
  id: r.id, title: r.title, url: r.url, publisher: r.publisher, authors: JSON.parse(r.authors as string), publishedAt: r.published_at,
  language: r.language, format: r.format, length: r.length, contentHash: r.content_hash, revision: r.revision, createdBy: r.created_by,
  createdAt: r.created_at, updatedAt: r.updated_at, version: r.version, assigneeId: r.assignee_id, dueAt: r.due_at, text: r.text,
});

const claim = (r: Row) => ({
  id: r.id as string, articleId: r.article_id, start: r.start_offset, end: r.end_offset, startUtf16: r.start_utf16, endUtf16: r.end_utf16,
  quote: r.quote, prefix: r.prefix, suffix: r.suffix, anchor: r.anchor, claimant: r.claimant, claimReviewed: r.claim_reviewed,
  tags: JSON.parse(r.tags as string), status: r.status, revision: r.revision, createdBy: r.created_by as string, createdAt: r.created_at,
  updatedAt: r.updated_at, version: r.version, assigneeId: r.assignee_id as string | null, dueAt: r.due_at,
});

const correction = (r: Row) => ({
  claimId: r.claim_id as string, quote: r.quote, revision: r.revision, note: r.note, correctedBy: r.corrected_by as string, correctedAt: r.created_at,
});

interface AnnotationRow {
  id: string;
  claim_id: string;
  parent_id: string | null;
  author_id: string;
  body: string | null;
  motivation: string;
  deleted: number;
  created_at: string;
  edited_at: string | null;
  version: number;
  origin_id: string | null;
  origin_author: string | null;
  origin_created_at: string | null;
}

const annotation = (a: AnnotationRow) => ({
  id: a.id, claimId: a.claim_id, parentId: a.parent_id, authorId: a.author_id, body: a.deleted ? null : a.body,
  motivation: a.motivation, deleted: Boolean(a.deleted), createdAt: a.created_at, editedAt: a.edited_at, version: a.version,
  origin: a.origin_id === null && a.origin_author === null && a.origin_created_at === null
    ? null : { id: a.origin_id, author: a.origin_author, createdAt: a.origin_created_at },
});

const claimSource = (r: Row) => ({
  claimId: r.claim_id as string, sourceId: r.source_id,
  source: {
    id: r.source_id, url: r.url, normalizedUrl: r.normalized_url, title: r.title, publisher: r.publisher, publishedAt: r.published_at,
    kind: r.kind, archiveUrl: r.archive_url, createdBy: r.s_created_by, createdAt: r.s_created_at, version: r.s_version,
  },
  stance: r.stance, excerpt: r.excerpt, note: r.note, addedBy: r.added_by as string, createdAt: r.created_at,
});

interface Level {
  key: string;
  label: string;
  value: number | null;
}

const verdict = (r: Row, levels: Level[] | undefined) => {
  const level = levels?.find((l) => l.key === r.rating);
  return {
    id: r.id, claimId: r.claim_id as string, authorId: r.author_id as string, scaleId: r.scale_id, rating: r.rating,
    ratingLabel: level?.label ?? r.rating, ratingValue: level?.value ?? null, rationale: r.rationale,
    confidence: r.confidence === null ? null : Number(r.confidence), status: r.status, reviewedBy: r.reviewed_by as string | null,
    reviewNote: r.review_note, publishedAt: r.published_at, supersedes: r.supersedes, correctionNote: r.correction_note,
    evidence: r.evidence === null ? null : (JSON.parse(r.evidence as string) as unknown[]), createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
  };
};

function byClaim<T extends { claimId: string }>(items: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(item.claimId);
    if (group) group.push(item);
    else groups.set(item.claimId, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------- the two routes

export function workspace(articleId: string) {
  const a = sql.article.get(articleId) as Row | undefined;
  if (!a) throw new Problem(404, 'not_found', `article ${articleId} not found`);
  const claims = (sql.claims.all(articleId) as Row[]).map(claim);
  const notes = threadOrder((sql.annotations.all(articleId) as AnnotationRow[]).map(annotation));
  const links = (sql.links.all(articleId) as Row[]).map(claimSource);
  const scales = new Map((sql.scales.all() as { id: string; levels: string }[]).map((s) => [s.id, JSON.parse(s.levels) as Level[]]));
  const verdicts = (sql.verdicts.all(articleId) as Row[]).map((r) => verdict(r, scales.get(r.scale_id as string)));
  const corrections = (sql.corrections.all(articleId) as Row[]).map(correction);
  const people = new Set<string>([a.created_by as string]);
  for (const r of sql.revisers.all(articleId) as { created_by: string }[]) people.add(r.created_by);
  if (a.assignee_id) people.add(a.assignee_id as string);
  for (const c of claims) {
    people.add(c.createdBy);
    if (c.assigneeId) people.add(c.assigneeId);
  }
  for (const c of corrections) people.add(c.correctedBy);
  for (const n of notes) people.add(n.authorId);
  for (const l of links) people.add(l.addedBy);
  for (const v of verdicts) {
    people.add(v.authorId);
    if (v.reviewedBy) people.add(v.reviewedBy);
  }
  const users: Record<string, { displayName: string; role: string }> = {};
  for (const u of sql.users.all(JSON.stringify([...people])) as { id: string; display_name: string; role: string }[]) {
    users[u.id] = { displayName: u.display_name, role: u.role };
  }
  const n = byClaim(notes);
  const l = byClaim(links);
  const v = byClaim(verdicts);
  const k = byClaim(corrections);
  // The snapshots of every source linked or cited as published evidence, by source id, oldest first.
  const sourceIds = [...new Set([...links.map((link) => link.sourceId), ...verdicts.flatMap((x) => (x.evidence ?? []) as { sourceId: string }[]).map((e) => e.sourceId)])];
  const snapshots: Record<string, { id: string; fetchedAt: string; httpStatus: number; sha256: string; archiveUrl: string | null }[]> = {};
  if (sourceIds.length > 0) {
    for (const r of sql.snapshots.all(JSON.stringify(sourceIds)) as Row[]) {
      (snapshots[r.source_id as string] ??= []).push({ id: r.id as string, fetchedAt: r.fetched_at as string, httpStatus: Number(r.http_status), sha256: r.sha256 as string, archiveUrl: r.archive_url as string | null });
    }
  }
  return {
    article: article(a),
    claims: claims.map((c) => ({ ...c, annotations: n.get(c.id) ?? [], sources: l.get(c.id) ?? [], verdicts: v.get(c.id) ?? [], corrections: k.get(c.id) ?? [] })),
    users,
    snapshots,
  };
}

const MOTIVATIONS = ['commenting', 'questioning', 'assessing', 'tagging'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const storable = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

interface NoteInput {
  body: string;
  motivation?: string;
  parentId?: string;
}

function validNote(input: unknown): NoteInput {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new Problem(422, 'validation_failed', 'the body must be a JSON object', [{ path: '', message: 'expected a JSON object' }]);
  }
  const body = input as Record<string, unknown>;
  const errors: { path: string; message: string }[] = [];
  for (const key of Object.keys(body)) {
    if (key !== 'body' && key !== 'motivation' && key !== 'parentId') errors.push({ path: key, message: `property ${key} should not exist` });
  }
  if (typeof body.body !== 'string' || body.body.length < 1 || body.body.length > 20_000 || !storable(body.body)) {
    errors.push({ path: 'body', message: 'body must be a string of 1 to 20000 characters' });
  } else if (body.body.trim().length === 0) {
    errors.push({ path: 'body', message: 'the note is empty' });
  }
  if (body.motivation !== undefined && !MOTIVATIONS.includes(body.motivation as string)) {
    errors.push({ path: 'motivation', message: `motivation must be one of: ${MOTIVATIONS.join(', ')}` });
  }
  if (body.parentId !== undefined && (typeof body.parentId !== 'string' || !UUID.test(body.parentId))) {
    errors.push({ path: 'parentId', message: 'parentId must be a UUID' });
  }
  if (errors.length > 0) throw new Problem(422, 'validation_failed', 'the request is not valid', errors);
  return body as unknown as NoteInput;
}

const createNote = db.transaction((actor: Actor, claimId: string, input: NoteInput) => {
  const ref = sql.claimRef.get(claimId) as { id: string; article_id: string } | undefined;
  if (!ref) throw new Problem(404, 'not_found', `claim ${claimId} not found`);
  if (input.parentId) {
    const parent = sql.parent.get(input.parentId) as { claim_id: string } | undefined;
    if (!parent || parent.claim_id !== claimId) throw new Problem(422, 'validation_failed', 'the request is not valid', [{ path: 'parentId', message: 'the note replied to is not on this claim' }]);
  }
  const now = new Date().toISOString();
  const view = {
    id: randomUUID(), claimId, parentId: input.parentId ?? null, authorId: actor.id, body: input.body,
    motivation: input.motivation ?? 'commenting', deleted: false, createdAt: now, editedAt: null, version: 1, origin: null,
  };
  sql.insertAnnotation.run(view.id, claimId, view.parentId, actor.id, view.body, view.motivation, now, now);
  sql.insertAudit.run(randomUUID(), now, actor.id, view.id, ref.article_id, claimId, JSON.stringify(view));
  return view;
});

// ---------------------------------------------------------------- claims by quote

const SELECTOR_FIELDS: Record<string, string[]> = { TextQuoteSelector: ['type', 'exact', 'prefix', 'suffix'], TextPositionSelector: ['type', 'start', 'end'] };
const CLAIM_FIELDS = new Set(['selector', 'claimant', 'claimReviewed', 'tags']);

interface ClaimInput {
  selector: { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number };
  claimant?: string | null;
  claimReviewed?: string | null;
  tags?: string[];
}

function validClaim(input: unknown): ClaimInput {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new Problem(422, 'validation_failed', 'the body must be a JSON object', [{ path: '', message: 'expected a JSON object' }]);
  }
  const body = input as Record<string, unknown>;
  const errors: { path: string; message: string }[] = [];
  for (const key of Object.keys(body)) if (!CLAIM_FIELDS.has(key)) errors.push({ path: key, message: `property ${key} should not exist` });
  const selector = body.selector as Record<string, unknown> | undefined;
  const fields = selector && typeof selector === 'object' && !Array.isArray(selector) ? SELECTOR_FIELDS[selector.type as string] : undefined;
  if (!selector || !fields) errors.push({ path: 'selector.type', message: 'must be a TextPositionSelector or a TextQuoteSelector' });
  else {
    for (const key of Object.keys(selector)) if (!fields.includes(key)) errors.push({ path: `selector.${key}`, message: `${key} is not a field of a ${String(selector.type)}` });
    if (selector.type === 'TextQuoteSelector') {
      if (typeof selector.exact !== 'string' || selector.exact.length > 100_000) errors.push({ path: 'selector.exact', message: 'exact must be a string' });
      for (const key of ['prefix', 'suffix']) {
        if (selector[key] !== undefined && (typeof selector[key] !== 'string' || (selector[key] as string).length > 1000)) errors.push({ path: `selector.${key}`, message: `${key} must be a string` });
      }
    } else if (!Number.isInteger(selector.start) || !Number.isInteger(selector.end)) errors.push({ path: 'selector', message: 'start and end must be integers' });
  }
  for (const key of ['claimant', 'claimReviewed']) {
    const value = body[key];
    if (value !== undefined && value !== null && (typeof value !== 'string' || value.length > 500 || !storable(value))) errors.push({ path: key, message: `${key} must be a string` });
  }
  if (body.tags !== undefined && (!Array.isArray(body.tags) || body.tags.some((t) => typeof t !== 'string'))) errors.push({ path: 'tags', message: 'tags must be strings' });
  if (errors.length > 0) throw new Problem(422, 'validation_failed', 'the request is not valid', errors);
  return body as unknown as ClaimInput;
}

const createClaim = db.transaction((actor: Actor, articleId: string, input: ClaimInput) => {
  const article = sql.articleText.get(articleId) as { text: string; revision: number } | undefined;
  if (!article) throw new Problem(404, 'not_found', `article ${articleId} not found`);
  const index = new TextIndex(article.text);
  let span: { start: number; end: number };
  if (input.selector.type === 'TextQuoteSelector') {
    const match = findQuote(index, { exact: input.selector.exact ?? '', prefix: input.selector.prefix, suffix: input.selector.suffix });
    if (match.kind !== 'found') throw new Problem(match.kind === 'not_found' ? 422 : 409, `quote_${match.kind}`, 'the quote is not found once');
    span = match;
  } else {
    span = { start: input.selector.start as number, end: input.selector.end as number };
    if (!index.isRange(span.start, span.end) || span.start >= span.end) throw new Problem(422, 'offset_out_of_range', 'the span is outside the text');
  }
  const quote = describeQuote(index, span.start, span.end);
  const now = new Date().toISOString();
  const view = {
    id: randomUUID(), articleId, start: span.start, end: span.end, startUtf16: index.toUtf16(span.start), endUtf16: index.toUtf16(span.end),
    quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix, anchor: 'anchored', claimant: input.claimant?.trim() ?? null,
    claimReviewed: input.claimReviewed?.trim() ?? null, tags: [...new Set((input.tags ?? []).map((t) => t.trim()))], status: 'open',
    revision: article.revision, createdBy: actor.id, createdAt: now, updatedAt: now, version: 1, assigneeId: null, dueAt: null,
  };
  sql.insertClaim.run(view.id, articleId, view.revision, view.start, view.end, view.startUtf16, view.endUtf16, view.quote, view.prefix, view.suffix,
    view.claimant, view.claimReviewed, JSON.stringify(view.tags), actor.id, now, now);
  sql.insertAnchoring.run(randomUUID(), view.id, view.revision, view.start, view.end, view.quote, view.prefix, view.suffix, actor.id, now);
  sql.insertClaimAudit.run(randomUUID(), now, actor.id, view.id, articleId, view.id, JSON.stringify(view));
  return view;
});

// ---------------------------------------------------------------- reports

/** The report header from the same settings as ClaimDesk's (the benchmark gives both the same environment). */
function header(period?: { from: string; to: string }): ReportHeader {
  const publicUrl = process.env.CLAIMDESK_PUBLIC_URL as string;
  return {
    generatedAt: new Date().toISOString(),
    organisation: { name: process.env.CLAIMDESK_ORG_NAME ?? 'ClaimDesk', url: process.env.CLAIMDESK_ORG_URL ?? null },
    publicUrl, reviewUrlTemplate: process.env.CLAIMDESK_REVIEW_URL ?? `${publicUrl}/claims/{claimId}`,
    ...(period ? { period } : {}),
  };
}

interface ScaleRow {
  id: string;
  name: string;
  levels: string;
  best_rating: number;
  worst_rating: number;
}

function scales() {
  return new Map((sql.ratingScales.all() as ScaleRow[]).map((s) => [s.id, {
    id: s.id, name: s.name, bestRating: s.best_rating, worstRating: s.worst_rating, levels: JSON.parse(s.levels) as Level[],
  }]));
}

/** The full report model of an article: the workspace's reads, then the desk's own model function. */
function articleReport(articleId: string, scaleMap = scales()): ArticleReport {
  // toArticleReport reads only id, name, bestRating and worstRating of a scale.
  return toArticleReport(workspace(articleId) as never, scaleMap as never);
}

/**
 * ClaimReview reads only what it shows: the article's head and its claims with a published verdict
 * (one query), no notes, sources or people.
 */
function claimReviews(articleId: string): string {
  const a = sql.articleHead.get(articleId) as Row | undefined;
  if (!a) throw new Problem(404, 'not_found', `article ${articleId} not found`);
  const scaleMap = scales();
  const claims: ArticleReport['claims'] = [];
  for (const r of sql.publishedClaims.all(articleId) as Row[]) {
    const scale = scaleMap.get(r.scale_id as string);
    const level = scale?.levels.find((l) => l.key === r.rating);
    const verdict = {
      rating: r.rating, ratingLabel: level?.label ?? r.rating, ratingValue: level?.value ?? null, status: 'published', publishedAt: r.published_at,
      scale: scale ? { id: scale.id, name: scale.name, bestRating: scale.bestRating, worstRating: scale.worstRating } : { id: r.scale_id, name: r.scale_id, bestRating: 0, worstRating: 0 },
    };
    const last = claims[claims.length - 1];
    if (last?.id === r.id) last.verdicts.push(verdict as never);
    else claims.push({ id: r.id, quote: r.quote, claimant: r.claimant, claimReviewed: r.claim_reviewed, start: r.start_offset, end: r.end_offset, createdAt: r.created_at, verdicts: [verdict] } as never);
  }
  // SQL sorted them as the report does, but for orphans (no position): those last, in the order they were made.
  claims.sort(compareClaimsInReadingOrder);
  const article = { id: a.id, title: a.title, url: a.url, publisher: a.publisher, authors: JSON.parse(a.authors as string) as string[], publishedAt: a.published_at, claims } as ArticleReport;
  const reviews = toClaimReviews(article, header());
  return `${inertJson(reviews, 2)}\n`;
}

function* periodArticles(from: string, to: string): Generator<ArticleReport> {
  const scaleMap = scales();
  const inPeriod = (v: { publishedAt: string | null }): boolean => v.publishedAt !== null && v.publishedAt >= from && v.publishedAt < to;
  for (let after = ''; ;) {
    const ids = (sql.periodArticles.all(from, to, after) as { id: string }[]).map((r) => r.id);
    for (const id of ids) {
      const report = articleReport(id, scaleMap);
      yield { ...report, claims: report.claims.filter((claim) => claim.verdicts.some(inPeriod)) };
    }
    if (ids.length < 50) return;
    after = ids[ids.length - 1];
  }
}

// ---------------------------------------------------------------- server

const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });

app.setErrorHandler((error: Error & { statusCode?: number }, _request: FastifyRequest, reply: FastifyReply) => {
  const problem = error instanceof Problem ? error
    : error.statusCode && error.statusCode < 500 ? new Problem(error.statusCode, error.statusCode === 400 ? 'malformed_json' : 'bad_request', error.message)
      : new Problem(500, 'internal', 'internal error');
  if (problem.status >= 500) process.stderr.write(`bare server: ${error.stack ?? error.message}\n`);
  void reply.status(problem.status).type('application/problem+json')
    .send({ type: 'about:blank', title: problem.code, status: problem.status, code: problem.code, detail: problem.message, errors: problem.errors });
});

app.get('/health', async () => ({ status: 'ok' }));

app.get<{ Params: { id: string } }>('/api/v1/articles/:id/workspace', async (request) => {
  authenticate(request);
  return workspace(request.params.id);
});

app.post<{ Params: { id: string } }>('/api/v1/claims/:id/annotations', async (request, reply) => {
  const actor = authenticate(request);
  // BEGIN IMMEDIATE: the write lock is taken up front, so a concurrent writer makes it wait (busy_timeout), not fail.
  const view = createNote.immediate(actor, request.params.id, validNote(request.body));
  void reply.status(201).header('ETag', `"${view.version}"`);
  return view;
});

app.post<{ Params: { id: string } }>('/api/v1/articles/:id/claims', async (request, reply) => {
  const actor = authenticate(request);
  const view = createClaim.immediate(actor, request.params.id, validClaim(request.body));
  void reply.status(201).header('ETag', `"${view.version}"`);
  return view;
});

app.get<{ Params: { id: string }; Querystring: { format?: string } }>('/api/v1/articles/:id/report', async (request, reply) => {
  authenticate(request);
  const format = request.query.format ?? 'json';
  if (format === 'claimreview') {
    const body = claimReviews(request.params.id);
    return reply.header('Content-Type', 'application/ld+json; charset=utf-8').header('Content-Disposition', 'attachment; filename="claimreview.json"').send(body);
  }
  if (format !== 'json') throw new Problem(422, 'validation_failed', 'only json and claimreview here');
  const body = renderJson({ ...header(), articles: [articleReport(request.params.id)] });
  return reply.header('Content-Type', 'application/json; charset=utf-8').header('Content-Disposition', 'attachment; filename="report.json"').send(body);
});

app.get<{ Querystring: { from: string; to: string; format?: string } }>('/api/v1/reports', async (request, reply) => {
  authenticate(request);
  const from = new Date(request.query.from).toISOString();
  const to = new Date(request.query.to).toISOString();
  const head = header({ from, to });
  return reply.header('Content-Type', 'application/json; charset=utf-8').header('Content-Disposition', 'attachment; filename="report.json"')
    .send(Readable.from(streamReportPieces(jsonReportWriter, head, periodArticles(from, to))));
});

if (require.main === module) {
  app.listen({ port, host: '127.0.0.1' }).then(
    () => process.stdout.write(`bare server listening on http://127.0.0.1:${port}\n`),
    (error: Error) => {
      process.stderr.write(`bare server failed: ${error.message}\n`);
      process.exit(1);
    },
  );
  const stop = (): void => {
    void app.close().then(() => {
      db.close();
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
