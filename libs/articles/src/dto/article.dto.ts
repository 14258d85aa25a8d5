import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength, MinLength } from 'class-validator';
import { AssigneeFilter, HTTP_URL, IsIsoTime, ListQueryDto, MaxEncodedLength, OptionalNotNull, Trimmed } from '@claimdesk/core';
import { ARTICLE_FORMATS, ArticleFormat } from '@claimdesk/text';


/** Article metadata, shared by import and PATCH. */
export class ArticleMetadataDto {
  @ApiPropertyOptional({ maxLength: 500, description: 'defaults to the first non-empty line of the text' })
  @OptionalNotNull()
  @Trimmed()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://news.example/2018/11/interpol' })
  @IsOptional()
  @IsUrl(HTTP_URL)
  @MaxLength(2048)
  @MaxEncodedLength(2048)
  url?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @Trimmed()
  @IsString()
  @MaxLength(300)
  publisher?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  authors?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, example: '2018-11-21', description: 'ISO 8601 date or time' })
  @IsOptional()
  @IsIsoTime()
  publishedAt?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'en', description: 'BCP 47 language tag', maxLength: 35 })
  @IsOptional()
  @MaxLength(35, { message: 'language must be a BCP 47 tag of at most 35 characters' })
  @Matches(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, { message: 'language must be a BCP 47 tag such as en or pt-BR' })
  language?: string | null;
}

export class ArticleContentDto {
  @ApiProperty({ enum: ARTICLE_FORMATS })
  @IsIn(ARTICLE_FORMATS)
  format!: ArticleFormat;

  @ApiProperty({ description: 'the article as pasted: plain text, Markdown or HTML (at most 5 MiB)' })
  @IsString()
  @MinLength(1)
  content!: string;
}

export class CreateArticleDto extends IntersectionType(ArticleMetadataDto, ArticleContentDto) {}

export class UpdateArticleDto extends ArticleMetadataDto {}

export class ArticleListQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ description: 'searches title and text' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @AssigneeFilter()
  assignee?: string;
}
