import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ARTICLE_FORMATS, ArticleFormat } from '@claimdesk/text';
import { Article, ArticleRevision } from './article.entity';

export class ArticleSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ nullable: true, type: String }) url!: string | null;
  @ApiProperty({ nullable: true, type: String }) publisher!: string | null;
  @ApiProperty({ type: [String] }) authors!: string[];
  @ApiProperty({ nullable: true, type: String }) publishedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ enum: ARTICLE_FORMATS }) format!: ArticleFormat;
  @ApiProperty({ description: 'length of the canonical text in Unicode code points' }) length!: number;
  @ApiProperty({ description: 'SHA-256 of the canonical text, hex' }) contentHash!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'who works on the article' }) assigneeId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'when the work is due' }) dueAt!: string | null;
}

export class ArticleView extends ArticleSummary {
  @ApiProperty({ description: 'canonical text: NFC, \\n line ends, paragraphs separated by one blank line' }) text!: string;
}

/** The content of the current revision as it arrived: for an HTML page, the whole page. */
export class RawContentView {
  @ApiProperty() revision!: number;
  @ApiProperty({ enum: ARTICLE_FORMATS }) format!: ArticleFormat;
  @ApiProperty({ description: 'the content exactly as it was sent (or fetched), before conversion to canonical text' }) content!: string;
}

export class RevisionSummary {
  @ApiProperty() revision!: number;
  @ApiProperty() contentHash!: string;
  @ApiProperty() length!: number;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ enum: ARTICLE_FORMATS }) format!: ArticleFormat;
}

export class RevisionView extends RevisionSummary {
  @ApiProperty() text!: string;
}

export function toArticleSummary(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    url: article.url,
    publisher: article.publisher,
    authors: article.authors,
    publishedAt: article.publishedAt,
    language: article.language,
    format: article.format,
    length: article.length,
    contentHash: article.contentHash,
    revision: article.revision,
    createdBy: article.createdBy,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    version: article.version,
    assigneeId: article.assigneeId ?? null,
    dueAt: article.dueAt ?? null,
  };
}

export const toArticleView = (article: Article): ArticleView => ({ ...toArticleSummary(article), text: article.text });

export function toRevisionSummary(revision: ArticleRevision): RevisionSummary {
  return {
    revision: revision.revision,
    contentHash: revision.contentHash,
    length: revision.length,
    createdBy: revision.createdBy,
    createdAt: revision.createdAt,
    format: revision.format,
  };
}
