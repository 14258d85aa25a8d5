import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Actor, HeavyWork, versionConflict } from '@claimdesk/core';
import { Transactions, Tx } from '@claimdesk/database';
import { ArticleContentDto, ArticlesService, ArticleView, RevisedContent, TextChangedMeanwhile } from '@claimdesk/articles';
import { ANCHOR_STATUSES, AnchorStatus } from '@claimdesk/text';
import { keepFlag } from './anchor-flag';
import { ClaimSpan } from './claim.entity';
import { ClaimsService } from './claims.service';
import { ReanchorOutcome, reanchorTask } from './reanchor.task';

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

/** Times a revision is computed again when another write changed its inputs meanwhile, before giving up. */
const MAX_ATTEMPTS = 5;

/** The claims changed (added, deleted, re-marked) while the re-anchoring was computed: compute again. */
class ClaimsChangedMeanwhile extends Error {}

const sameClaims = (read: readonly ClaimSpan[], current: readonly ClaimSpan[]): boolean =>
  read.length === current.length && read.every((claim, i) => claim.id === current[i].id && claim.version === current[i].version);

/**
 * A new text for an article: the revision and the re-anchoring of every claim commit together,
 * so no reader ever sees claims pointing into a text they do not belong to.
 *
 * The heavy part (canonical text, re-anchoring: a diff of two texts up to 5 MiB) runs off the event
 * loop (HeavyWork) and outside any transaction, on the text and claims as read; the write is a short
 * transaction that checks nothing changed meanwhile, else computes again. So a long revision neither
 * stalls other requests nor holds SQLite's write lock (docs/architecture.md, "Heavy work").
 */
@Injectable()
export class ArticleRevisionService {
  constructor(
    private readonly articles: ArticlesService,
    private readonly claims: ClaimsService,
    private readonly transactions: Transactions,
    private readonly heavyWork: HeavyWork,
  ) {}

  async revise(actor: Actor, articleId: string, input: ArticleContentDto, expectedVersion?: number): Promise<RevisionResult> {
    const revised = { format: input.format, content: input.content, text: await this.articles.canonicalText(input.format, input.content) };
    for (let attempt = 1; ; attempt++) {
      const { previousText, claims } = await this.transactions.run(async (tx) => ({ previousText: (await this.articles.textOf(articleId, tx)).text, claims: await this.claims.entitiesOf(articleId, tx) }));
      const outcomes = revised.text === previousText ? [] : await this.heavyWork.run(reanchorTask, { previousText, newText: revised.text, anchors: claims.map((c) => ({ start: c.start, end: c.end, exact: c.quote, prefix: c.prefix, suffix: c.suffix })) });
      try {
        return await this.transactions.run((tx) => this.write(tx, actor, articleId, revised, previousText, claims, outcomes, expectedVersion));
      } catch (error) {
        if (!(error instanceof TextChangedMeanwhile || error instanceof ClaimsChangedMeanwhile)) throw error;
        if (attempt === MAX_ATTEMPTS) throw versionConflict();
      }
    }
  }

  private async write(tx: Tx, actor: Actor, articleId: string, revisedContent: RevisedContent, previousText: string, claims: ClaimSpan[], outcomes: ReanchorOutcome[], expectedVersion?: number): Promise<RevisionResult> {
    const revised = await this.articles.applyRevision(tx, actor, articleId, revisedContent, previousText, expectedVersion);
    if (!sameClaims(claims, await this.claims.entitiesOf(articleId, tx))) throw new ClaimsChangedMeanwhile();
    if (!revised) {
      // Same canonical text: no new revision, every claim stays where it is.
      const article = await this.articles.get(articleId);
      return { article, reanchor: summarise(claims.map((c) => ({ id: c.id, status: c.anchor, start: c.start, end: c.end, startUtf16: c.startUtf16, endUtf16: c.endUtf16 }))) };
    }
    const results: ReanchoredClaim[] = [];
    for (const [i, claim] of claims.entries()) {
      const { status, start, end, quote } = keepFlag(claim, outcomes[i]); // a flag waits for a reviewer (API.md, Integrity)
      const startUtf16 = start === null ? null : outcomes[i].startUtf16;
      const endUtf16 = end === null ? null : outcomes[i].endUtf16;
      await this.claims.applyAnchoring(tx, actor.id, claim, {
        revision: revised.article.revision, anchor: status, start, end, startUtf16, endUtf16, quote: quote.exact, prefix: quote.prefix, suffix: quote.suffix,
      });
      results.push({ id: claim.id, status, start, end, startUtf16, endUtf16 });
    }
    return { article: revised.article, reanchor: summarise(results) };
  }
}
