import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Actor } from '@claimdesk/core';
import { Transactions } from '@claimdesk/database';
import { ArticleContentDto, ArticlesService, ArticleView } from '@claimdesk/articles';
import { ANCHOR_STATUSES, AnchorStatus, reanchorAll, TextIndex } from '@claimdesk/text';
import { keepFlag } from './anchor-flag';
import { ClaimsService } from './claims.service';

export class ReanchoredClaim {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ANCHOR_STATUSES }) status!: AnchorStatus;
  @ApiProperty({ nullable: true, type: Number }) start!: number | null;
  @ApiProperty({ nullable: true, type: Number }) end!: number | null;
  @ApiProperty({ nullable: true, type: Number }) startUtf16!: number | null;
  @ApiProperty({ nullable: true, type: Number }) endUtf16!: number | null;
}

export class ReanchorSummary {
  @ApiProperty() anchored!: number;
  @ApiProperty() moved!: number;
  @ApiProperty() fuzzy!: number;
  @ApiProperty() orphaned!: number;
  @ApiProperty({ type: [ReanchoredClaim] }) claims!: ReanchoredClaim[];
}

export class RevisionResult {
  @ApiProperty({ type: ArticleView }) article!: ArticleView;
  @ApiProperty({ type: ReanchorSummary }) reanchor!: ReanchorSummary;
}

function summarise(claims: ReanchoredClaim[]): ReanchorSummary {
  const count = (status: AnchorStatus): number => claims.filter((c) => c.status === status).length;
  return { anchored: count('anchored'), moved: count('moved'), fuzzy: count('fuzzy'), orphaned: count('orphaned'), claims };
}

/**
 * A new text for an article: the revision and the re-anchoring of every claim commit together,
 * so no reader ever sees claims pointing into a text they do not belong to.
 */
@Injectable()
export class ArticleRevisionService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly transactions: Transactions,
  ) {}

  async revise(actor: Actor, articleId: string, input: ArticleContentDto, expectedVersion?: number): Promise<RevisionResult> {
    return this.transactions.run(async (tx) => {
      const revised = await this.articles.applyRevision(tx, actor, articleId, input.format, input.content, expectedVersion);
      const claims = await this.claims.entitiesOf(articleId, tx);
      if (!revised) {
        // Same canonical text: no new revision, every claim stays where it is.
        const article = await this.articles.get(articleId);
        return { article, reanchor: summarise(claims.map((c) => ({ id: c.id, status: c.anchor, start: c.start, end: c.end, startUtf16: c.startUtf16, endUtf16: c.endUtf16 }))) };
      }
      const newText = revised.article.text;
      const index = new TextIndex(newText);
      const outcomes = reanchorAll(revised.previousText, newText, claims.map((c) => ({ start: c.start, end: c.end, exact: c.quote, prefix: c.prefix, suffix: c.suffix })));
      const results: ReanchoredClaim[] = [];
      for (const [i, claim] of claims.entries()) {
        const outcome = keepFlag(claim, outcomes[i]); // a flag waits for a reviewer (API.md, Integrity)
        const placed = outcome.start !== null && outcome.end !== null;
        const startUtf16 = placed ? index.toUtf16(outcome.start as number) : null;
        const endUtf16 = placed ? index.toUtf16(outcome.end as number) : null;
        await this.claims.applyAnchoring(tx, actor.id, claim, {
          revision: revised.article.revision, anchor: outcome.status, start: outcome.start, end: outcome.end, startUtf16, endUtf16,
          quote: outcome.quote.exact, prefix: outcome.quote.prefix, suffix: outcome.quote.suffix,
        });
        results.push({ id: claim.id, status: outcome.status, start: outcome.start, end: outcome.end, startUtf16, endUtf16 });
      }
      return { article: revised.article, reanchor: summarise(results) };
    });
  }
}
