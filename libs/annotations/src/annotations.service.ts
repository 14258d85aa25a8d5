import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Actor, assertVersion, forbidden, hasRole, notFound, nowIso, Page, pageInOrder, PageQuery, validationFailed, versionConflict } from '@claimdesk/core';
import { findForChange, inChunks, runStatement, selectEntityColumns, Statement, Transactions, Tx, updateAtVersion } from '@claimdesk/database';
import { AuditService } from '@claimdesk/audit';
import { ClaimsService } from '@claimdesk/claims';
import { Annotation, NoteOrigin } from './annotation.entity';
import { AnnotationView, toAnnotationView } from './annotation.view';
import { CreateAnnotationDto, UpdateAnnotationDto } from './dto/annotation.dto';
import { threadOrder } from './thread-order';

const INSERT_NOTE = new Statement(
  'INSERT INTO annotations (id, claim_id, parent_id, author_id, body, motivation, deleted, created_at, edited_at, updated_at, version, origin_id, origin_author, origin_created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
);

const assertNotBlank = (body: string): void => {
  if (body.trim().length === 0) throw validationFailed('body', 'the note is empty');
};

@Injectable()
export class AnnotationsService {
  constructor(
    @InjectRepository(Annotation) private readonly annotations: Repository<Annotation>,
    private readonly claims: ClaimsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** `origin` is for imports: the note's id, author and date in the tool it comes from. */
  async create(actor: Actor, claimId: string, input: CreateAnnotationDto, origin: NoteOrigin | null = null): Promise<AnnotationView> {
    assertNotBlank(input.body);
    return this.transactions.run(async (tx) => {
      const claim = await this.claims.ref(claimId, tx);
      if (input.parentId) {
        const parent = await tx.manager.findOneBy(Annotation, { id: input.parentId });
        if (!parent || parent.claimId !== claimId) throw validationFailed('parentId', 'the note replied to is not on this claim');
      }
      const now = nowIso();
      const annotation: Annotation = {
        id: randomUUID(), claimId, parentId: input.parentId ?? null, authorId: actor.id, body: input.body,
        motivation: input.motivation ?? 'commenting', deleted: false, createdAt: now, editedAt: null, updatedAt: now, version: 1,
        originId: origin?.id ?? null, originAuthor: origin?.author ?? null, originCreatedAt: origin?.createdAt ?? null,
      };
      // Notes are the desk's most frequent write: a fixed statement, nothing read back.
      await runStatement(tx.manager, INSERT_NOTE, [
        annotation.id, annotation.claimId, annotation.parentId, annotation.authorId, annotation.body, annotation.motivation, annotation.deleted,
        annotation.createdAt, annotation.editedAt, annotation.updatedAt, annotation.version,
        annotation.originId, annotation.originAuthor, annotation.originCreatedAt,
      ]);
      const view = toAnnotationView(annotation);
      await this.audit.record(tx, { actorId: actor.id, action: 'annotation.created', entityType: 'annotation', entityId: annotation.id, articleId: claim.articleId, claimId, after: view });
      return view;
    });
  }

  /** One page of the claim's thread, in thread order; the cursor names the last note shown. */
  async listForClaim(claimId: string, query: PageQuery): Promise<Page<AnnotationView>> {
    await this.claims.ref(claimId);
    return pageInOrder(await this.listForClaims([claimId]), query, (note) => note.id);
  }

  /**
   * The threads of many claims, each in thread order, in one query per 500 claims. A hot read (the
   * workspace): raw rows with the entity's property names, without TypeORM's entity hydration.
   */
  async listForClaims(claimIds: readonly string[]): Promise<AnnotationView[]> {
    const rows = await inChunks(claimIds, (ids) => selectEntityColumns(this.annotations.createQueryBuilder('a'))
      .where('a.claim_id IN (:...ids)', { ids }).getRawMany<Annotation>());
    // `deleted` comes back as 0/1 on SQLite: toAnnotationView reads it as a boolean either way.
    return threadOrder(rows).map(toAnnotationView);
  }

  async get(id: string): Promise<AnnotationView> {
    return toAnnotationView(await this.load(id));
  }

  /** Only the author edits a note; `editedAt` tells readers it changed. */
  async update(actor: Actor, id: string, input: UpdateAnnotationDto, expectedVersion?: number): Promise<AnnotationView> {
    assertNotBlank(input.body);
    return this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      if (before.authorId !== actor.id) throw forbidden('only its author may edit a note');
      if (before.deleted) throw notFound('annotation', id);
      assertVersion(expectedVersion, before.version);
      const now = nowIso();
      const changes: Partial<Annotation> = { body: input.body, editedAt: now, updatedAt: now };
      if (!(await updateAtVersion(tx.manager, Annotation, id, before.version, changes))) throw versionConflict();
      const view = toAnnotationView({ ...before, ...changes, version: before.version + 1 });
      const claim = await this.claims.ref(before.claimId, tx);
      await this.audit.record(tx, { actorId: actor.id, action: 'annotation.updated', entityType: 'annotation', entityId: id, articleId: claim.articleId, claimId: claim.id, before: toAnnotationView(before), after: view });
      return view;
    });
  }

  /**
   * The author deletes their note, an editor any note (moderation). A note with replies stays as a
   * tombstone so the thread holds; a tombstone left without replies goes too.
   */
  async remove(actor: Actor, id: string, expectedVersion?: number): Promise<void> {
    await this.transactions.run(async (tx) => {
      const before = await this.load(id, tx, true);
      if (before.authorId !== actor.id && !hasRole(actor, 'editor')) throw forbidden('only its author or an editor may delete a note');
      if (before.deleted) throw notFound('annotation', id);
      assertVersion(expectedVersion, before.version);
      const claim = await this.claims.ref(before.claimId, tx);
      if (await tx.manager.existsBy(Annotation, { parentId: id })) {
        const now = nowIso();
        await tx.manager.update(Annotation, { id }, { body: null, deleted: true, updatedAt: now, version: before.version + 1 });
      } else {
        await tx.manager.delete(Annotation, { id });
        await this.pruneTombstones(tx, before.parentId);
      }
      await this.audit.record(tx, { actorId: actor.id, action: 'annotation.deleted', entityType: 'annotation', entityId: id, articleId: claim.articleId, claimId: claim.id, before: toAnnotationView(before) });
    });
  }

  private async pruneTombstones(tx: Tx, parentId: string | null): Promise<void> {
    let current = parentId;
    while (current) {
      const parent = await tx.manager.findOneBy(Annotation, { id: current });
      if (!parent || !parent.deleted || (await tx.manager.existsBy(Annotation, { parentId: current }))) return;
      await tx.manager.delete(Annotation, { id: current });
      current = parent.parentId;
    }
  }

  /** `forChange`: the transaction is about to change or delete it, so it is locked (see findForChange). */
  private async load(id: string, tx?: Tx, forChange = false): Promise<Annotation> {
    const annotation = await (!tx ? this.annotations.findOneBy({ id }) : forChange ? findForChange(tx, Annotation, id) : tx.manager.findOneBy(Annotation, { id }));
    if (!annotation) throw notFound('annotation', id);
    return annotation;
  }
}
