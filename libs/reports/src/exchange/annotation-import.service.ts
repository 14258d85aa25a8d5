import { Injectable } from '@nestjs/common';
import { Actor, DomainError } from '@claimdesk/core';
import { AnnotationsService } from '@claimdesk/annotations';
import { ArticlesService } from '@claimdesk/articles';
import { ClaimsService } from '@claimdesk/claims';
import { anchorInText, AnchorStatus } from '@claimdesk/text';
import { AnnotationImportError, isRejected, parseAnnotationImport } from '../web-annotation';

export interface ImportOutcome {
  created: { index: number; claimId: string; anchor: AnchorStatus }[];
  failed: { index: number; reason: string }[];
}

/**
 * Imports W3C Web Annotations and Hypothesis annotations as claims of an article. Each item is
 * placed by its selectors on the article's current text and written through the claims and
 * annotations services, like any reviewer's work; one bad item does not stop the others.
 */
@Injectable()
export class AnnotationImportService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly annotations: AnnotationsService,
  ) {}

  async import(actor: Actor, articleId: string, document: unknown): Promise<ImportOutcome> {
    const article = await this.articles.textOf(articleId);
    let items;
    try {
      items = parseAnnotationImport(document);
    } catch (error) {
      if (error instanceof AnnotationImportError) throw new DomainError('validation_failed', error.message, [{ path: '', message: error.message }]);
      throw error;
    }
    const outcome: ImportOutcome = { created: [], failed: [] };
    for (const item of items) {
      if (isRejected(item)) {
        outcome.failed.push({ index: item.index, reason: item.error });
        continue;
      }
      const placed = anchorInText(article.text, { start: item.start ?? null, end: item.end ?? null, exact: item.exact, prefix: item.prefix, suffix: item.suffix });
      if (placed.status === 'orphaned' || placed.start === null || placed.end === null) {
        outcome.failed.push({ index: item.index, reason: 'the quote is not in the article’s text' });
        continue;
      }
      const claim = await this.claims.createAt(actor, articleId, { start: placed.start, end: placed.end }, placed.status, { tags: item.tags.slice(0, 50) });
      if (item.text.trim()) await this.annotations.create(actor, claim.id, { body: item.text.slice(0, 20_000) });
      outcome.created.push({ index: item.index, claimId: claim.id, anchor: placed.status });
    }
    return outcome;
  }
}
