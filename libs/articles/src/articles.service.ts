import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, assertVersion, assigneeCondition, AssignmentDto, checkedAssignment, HeavyWork, containsPattern, decodeCursor, DEFAULT_PAGE_SIZE, notFound, nowIso, Page, toPage, toStoredTime, validationFailed, versionConflict } from '@claimdesk/core';
import { findForChange, jsonText, runStatement, Statement, Transactions, Tx, updateAtVersion } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { UsersService } from '@claimdesk/identity';
import { ArticleFormat, codePointLength, ImportedContent, TextIndex, TextIndexCache, titleFromText } from '@claimdesk/text';
import { canonicalTextTask } from './canonical-text.task';
import { Article, ArticleRevision } from './article.entity';
import { ArticleSummary, ArticleView, RawContentView, RevisionSummary, RevisionView, toArticleSummary, toArticleView, toRevisionSummary } from './article.view';
import { ArticleListQueryDto, CreateArticleDto, UpdateArticleDto } from './dto/article.dto';

/** The text of an article as claims see it: what offsets index. */
export interface ArticleText {
  id: string;
  text: string;
  revision: number;
  url: string | null;
}

export interface Revised {
  article: ArticleView;
  previousText: string;
}

/** An article's current text, read raw (no entity hydration). */
const TEXT_OF = new Statement('SELECT id, text, revision, url FROM articles WHERE id = ?');

/**
 * The current revision of an article without its text, to find its TextIndex in the cache. A caller
 * that marks a claim reads it FOR SHARE on PostgreSQL: a revision in progress (which holds FOR NO KEY
 * UPDATE) is waited for, and one starting later waits for the caller's commit. SQLite runs one
 * transaction at a time.
 */
const REVISION_OF_SQL = 'SELECT id, revision, content_hash AS "contentHash", url FROM articles WHERE id = ?';
const REVISION_OF = new Statement(REVISION_OF_SQL);
const REVISION_OF_SHARED = new Statement(`${REVISION_OF_SQL} FOR SHARE`);
const TEXT_ONLY = new Statement('SELECT text FROM articles WHERE id = ?');

/** The current text with its code point index, for marking claims on it. */
export interface IndexedArticleText extends Omit<ArticleText, 'text'> {
  index: TextIndex;
}

/** What a report names an article by (ClaimReview's appearance), read raw. */
const AUTHORS_COLUMN = jsonText<string[]>([]);
const HEAD_OF = new Statement('SELECT id, title, url, publisher, authors, published_at AS "publishedAt" FROM articles WHERE id = ?');
export type ArticleHead = Pick<ArticleView, 'id' | 'title' | 'url' | 'publisher' | 'authors' | 'publishedAt'>;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** New content for an article, with its canonical text already computed (see ArticlesService.canonicalText). */
export interface RevisedContent {
  format: ArticleFormat;
  content: string;
  text: string;
}

/** The article's text changed between reading it and writing the revision computed from it: compute again. */
export class TextChangedMeanwhile extends Error {}

@Injectable()
export class ArticlesService {
  /** The TextIndex of recently marked revisions (see indexedTextOf). */
  private readonly indexes = new TextIndexCache();

  constructor(
    @InjectRepository(Article) private readonly articles: Repository<Article>,
    @InjectRepository(ArticleRevision) private readonly revisions: Repository<ArticleRevision>,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly heavyWork: HeavyWork,
    private readonly users: UsersService,
  ) {}

  /** The canonical text of new content (off the event loop when large); refused when markup leaves no text. */
  async canonicalText(format: ArticleFormat, content: string): Promise<string> {
    return (await this.importContent(format, content)).text;
  }

  /** The canonical text and, for an HTML page, its metadata; refused when markup leaves no text. */
  private async importContent(format: ArticleFormat, content: string): Promise<ImportedContent> {
    const imported = await this.heavyWork.run(canonicalTextTask, { format, content });
    if (imported.text.length === 0) throw validationFailed('content', 'the content has no text once markup is removed');
    return imported;
  }

  /** The request's metadata fields win, even when they are null or empty; the page fills only what it leaves out. */
  async create(actor: Actor, input: CreateArticleDto): Promise<ArticleView> {
    const { text, metadata: page } = await this.importContent(input.format, input.content);
    const now = nowIso();
    const article = this.articles.create({
      id: randomUUID(),
      title: input.title ?? page.title ?? (titleFromText(text) || 'Untitled article'),
      url: input.url ?? null,
      publisher: input.publisher !== undefined ? input.publisher : page.publisher,
      authors: input.authors ?? page.authors,
      publishedAt: input.publishedAt !== undefined ? (toStoredTime(input.publishedAt) ?? null) : page.publishedAt,
      language: input.language !== undefined ? input.language : page.language,
      format: input.format,
      rawContent: input.content,
      text,
      length: codePointLength(text),
      contentHash: sha256(text),
      revision: 1,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      version: 1, assigneeId: null, dueAt: null, assignedAt: null,
    });
    await this.transactions.run(async (tx) => {
      await tx.manager.insert(Article, article);
      await tx.manager.insert(ArticleRevision, this.revisionOf(article, actor.id, now));
      await this.audit.record(tx, { actorId: actor.id, action: 'article.created', entityType: 'article', entityId: article.id, articleId: article.id, after: toArticleSummary(article) });
    });
    return toArticleView(article);
  }

  /** Newest first; `q` matches title or text, case-insensitively. */
  async list(query: ArticleListQueryDto, reader?: Actor): Promise<Page<ArticleSummary>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.articles.createQueryBuilder('a').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').take(limit + 1);
    // The list never carries the text; leave it out of the query too.
    qb.select(['a.id', 'a.title', 'a.url', 'a.publisher', 'a.authors', 'a.publishedAt', 'a.language', 'a.format', 'a.length',
      'a.contentHash', 'a.revision', 'a.createdBy', 'a.createdAt', 'a.updatedAt', 'a.version', 'a.assigneeId', 'a.dueAt']);
    if (query.assignee) {
      const { where, parameters } = assigneeCondition('a.assignee_id', query.assignee, reader);
      qb.andWhere(where, parameters);
    }
    if (query.q?.trim()) {
      qb.andWhere("(LOWER(a.title) LIKE :q ESCAPE '\\' OR LOWER(a.text) LIKE :q ESCAPE '\\')", { q: containsPattern(query.q.trim()) });
    }
    if (query.cursor) {
      const [createdAt, id] = decodeCursor(query.cursor, 2);
      qb.andWhere('(a.created_at < :createdAt OR (a.created_at = :createdAt AND a.id < :id))', { createdAt, id });
    }
    return toPage(await qb.getMany(), limit, toArticleSummary, (a) => [a.createdAt, a.id]);
  }

  async get(id: string): Promise<ArticleView> {
    return toArticleView(await this.load(id));
  }

  /** The current text, for anchoring claims; inside a transaction when given one. Marking reads indexedTextOf. */
  async textOf(id: string, tx?: Tx): Promise<ArticleText> {
    const [article] = await runStatement<ArticleText>(tx?.manager ?? this.articles.manager, TEXT_OF, [id]);
    if (!article) throw notFound('article', id);
    return { id: article.id, text: article.text, revision: Number(article.revision), url: article.url };
  }

  /** The article's title, link, publisher, authors and date, without its text. */
  async headOf(id: string): Promise<ArticleHead> {
    const [head] = await runStatement<Omit<ArticleHead, 'authors'> & { authors: string }>(this.articles.manager, HEAD_OF, [id]);
    if (!head) throw notFound('article', id);
    // Read raw, so the JSON text column goes through the entity's transformer here.
    return { ...head, authors: AUTHORS_COLUMN.from(head.authors) as string[] };
  }

  /**
   * The current text as a TextIndex, read FOR SHARE when the caller depends on it and
   * indexed once per revision: marking claim after claim on one article reads and indexes its text
   * only when the revision is not in the cache.
   */
  async indexedTextOf(id: string, tx: Tx, dependOn = false): Promise<IndexedArticleText> {
    const [article] = await runStatement<Omit<ArticleText, 'text'> & { contentHash: string }>(tx.manager, tx.engine === 'postgres' && dependOn ? REVISION_OF_SHARED : REVISION_OF, [id]);
    if (!article) throw notFound('article', id);
    const index = await this.indexes.get(`${id}:${article.revision}:${article.contentHash}`, async () => {
      const [row] = await runStatement<{ text: string }>(tx.manager, TEXT_ONLY, [id]);
      return row.text;
    });
    return { id: article.id, revision: Number(article.revision), url: article.url, index };
  }

  /** 404 for an unknown article, without reading its text: for routes about what hangs on it. */
  async assertExists(id: string): Promise<void> {
    if (!(await this.articles.existsBy({ id }))) throw notFound('article', id);
  }

  async update(actor: Actor, id: string, input: UpdateArticleDto, expectedVersion?: number): Promise<ArticleView> {
    return this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      assertVersion(expectedVersion, before.version);
      const changes: Partial<Article> = { updatedAt: nowIso() };
      if (input.title !== undefined) changes.title = input.title;
      if (input.url !== undefined) changes.url = input.url;
      if (input.publisher !== undefined) changes.publisher = input.publisher;
      if (input.authors !== undefined) changes.authors = input.authors;
      if (input.publishedAt !== undefined) changes.publishedAt = toStoredTime(input.publishedAt) ?? null;
      if (input.language !== undefined) changes.language = input.language;
      if (!(await updateAtVersion(tx.manager, Article, id, before.version, changes))) throw versionConflict();
      const after: Article = { ...before, ...changes, version: before.version + 1 };
      await this.audit.record(tx, { actorId: actor.id, action: 'article.updated', entityType: 'article', entityId: id, articleId: id, before: toArticleSummary(before), after: toArticleSummary(after) });
      return toArticleView(after);
    });
  }

  /** API.md, "Work": who works on the article and until when; the rules are the claims' (assertMayAssign). */
  async assign(actor: Actor, id: string, input: AssignmentDto, expectedVersion?: number): Promise<ArticleView> {
    return this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      const now = nowIso();
      const assignment = await checkedAssignment(actor, before, input, expectedVersion, (userId) => this.users.assertAssignable(tx, userId), now);
      const changes: Partial<Article> = { ...assignment, updatedAt: now };
      if (!(await updateAtVersion(tx.manager, Article, id, before.version, changes))) throw versionConflict();
      const after: Article = { ...before, ...changes, version: before.version + 1 };
      await this.audit.record(tx, { actorId: actor.id, action: 'article.assigned', entityType: 'article', entityId: id, articleId: id, before: toArticleSummary(before), after: toArticleSummary(after) });
      return toArticleView(after);
    });
  }

  async remove(actor: Actor, id: string, expectedVersion?: number): Promise<void> {
    await this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      assertVersion(expectedVersion, before.version);
      await tx.manager.delete(Article, { id });
      await this.audit.record(tx, { actorId: actor.id, action: 'article.deleted', entityType: 'article', entityId: id, articleId: id, before: toArticleSummary(before) });
    });
  }

  /**
   * Stores a new revision inside the caller's transaction (which re-anchors the claims in the same
   * transaction). Content whose canonical text equals the current text is a no-op: null.
   */
  /**
   * Writes `revised` as the article's next revision, unless its text is the current one (null).
   * `basedOn` is the text the caller computed from (re-anchoring): if another revision landed
   * meanwhile, TextChangedMeanwhile, and the caller computes again.
   */
  async applyRevision(tx: Tx, actor: Actor, id: string, revised: RevisedContent, basedOn: string, expectedVersion?: number): Promise<Revised | null> {
    const { format, content, text } = revised;
    const before = await this.load(id, tx, true);
    assertVersion(expectedVersion, before.version);
    if (before.text !== basedOn) throw new TextChangedMeanwhile();
    if (text === before.text) return null;
    const now = nowIso();
    const changes: Partial<Article> = { text, format, rawContent: content, length: codePointLength(text), contentHash: sha256(text), revision: before.revision + 1, updatedAt: now };
    if (!(await updateAtVersion(tx.manager, Article, id, before.version, changes))) throw versionConflict();
    const after: Article = { ...before, ...changes, version: before.version + 1 };
    await tx.manager.insert(ArticleRevision, this.revisionOf(after, actor.id, now));
    await this.audit.record(tx, { actorId: actor.id, action: 'article.revised', entityType: 'article', entityId: id, articleId: id, before: toArticleSummary(before), after: toArticleSummary(after) });
    return { article: toArticleView(after), previousText: before.text };
  }

  /** The current revision's content exactly as it arrived (an HTML page whole, before extraction). */
  async rawContentOf(id: string): Promise<RawContentView> {
    const article = await this.articles.createQueryBuilder('a').select(['a.id', 'a.revision', 'a.format']).addSelect('a.rawContent').where('a.id = :id', { id }).getOne();
    if (!article) throw notFound('article', id);
    return { revision: article.revision, format: article.format, content: article.rawContent };
  }

  async listRevisions(id: string, limit = DEFAULT_PAGE_SIZE, cursor?: string): Promise<Page<RevisionSummary>> {
    await this.assertExists(id);
    const qb = this.revisions.createQueryBuilder('r').select(['r.id', 'r.revision', 'r.contentHash', 'r.length', 'r.createdBy', 'r.createdAt', 'r.format'])
      .where('r.article_id = :id', { id }).orderBy('r.revision', 'ASC').take(limit + 1);
    if (cursor) qb.andWhere('r.revision > :after', { after: decodeCursor(cursor, ['int'])[0] });
    return toPage(await qb.getMany(), limit, toRevisionSummary, (r) => [r.revision]);
  }

  /** Everyone who stored a version of the article's text, for naming them beside its revisions. */
  async revisionAuthors(id: string): Promise<string[]> {
    const rows = await this.revisions.createQueryBuilder('r').select('DISTINCT r.created_by', 'createdBy')
      .where('r.article_id = :id', { id }).getRawMany<{ createdBy: string }>();
    return rows.map((r) => r.createdBy);
  }

  async getRevision(id: string, revision: number): Promise<RevisionView> {
    const row = await this.revisions.findOne({ where: { articleId: id, revision } });
    if (!row) throw notFound('revision', `${revision} of article ${id}`);
    return { ...toRevisionSummary(row), text: row.text };
  }

  /** `forChange`: the transaction is about to change or delete it, so it is locked (see findForChange). */
  private async load(id: string, tx?: Tx, forChange = false): Promise<Article> {
    const article = await (!tx ? this.articles.findOne({ where: { id } }) : forChange ? findForChange(tx, Article, id) : tx.manager.findOne(Article, { where: { id } }));
    if (!article) throw notFound('article', id);
    return article;
  }

  private revisionOf(article: Article, actorId: string, at: string): ArticleRevision {
    return this.revisions.create({
      id: randomUUID(), articleId: article.id, revision: article.revision, format: article.format, rawContent: article.rawContent,
      text: article.text, length: article.length, contentHash: article.contentHash, createdBy: actorId, createdAt: at,
    });
  }
}
