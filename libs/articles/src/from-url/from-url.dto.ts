import { ApiProperty, OmitType } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { MaxEncodedLength } from '@claimdesk/core';
import { ArticleMetadataDto } from '../dto/article.dto';

/** `POST /articles/from-url`: the page's address and, optionally, the metadata of POST /articles. */
export class ArticleFromUrlDto extends OmitType(ArticleMetadataDto, ['url'] as const) {
  @ApiProperty({ example: 'https://news.example/2018/11/interpol', description: 'an http(s) URL; the desk fetches it (API.md, "Fetching rules")' })
  @IsString()
  @MaxLength(2048)
  @MaxEncodedLength(2048)
  url!: string;
}
