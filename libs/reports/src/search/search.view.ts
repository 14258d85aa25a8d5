import { ApiProperty } from '@nestjs/swagger';
import { SEARCH_KINDS, SearchKind } from '@claimdesk/database';

/** One thing a search found (API.md, "Work": `GET /search`). */
export class SearchResult {
  @ApiProperty({ enum: SEARCH_KINDS }) type!: SearchKind;
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the article it is in (a source: of the claim it was first attached to; null when it is attached to none)' })
  articleId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the claim it is (or is on); null for an article' })
  claimId!: string | null;
  @ApiProperty({ description: "what names it: an article's title, a claim's quote (also for its notes and verdicts), a source's title or URL" })
  title!: string;
  @ApiProperty({ description: 'up to about 200 characters around the first match, HTML-escaped, each matched word wrapped in <mark>…</mark>' })
  snippet!: string;
  @ApiProperty({ description: 'relevance, higher is better; comparable only within one search' })
  score!: number;
}
