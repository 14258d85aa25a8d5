import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, CurrentActor } from '@claimdesk/core';
import { ArticleView } from '../article.view';
import { ArticleFromUrlDto } from './from-url.dto';
import { ArticleFromUrl } from './from-url.service';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class ArticleFromUrlController {
  constructor(private readonly fromUrl: ArticleFromUrl) {}

  @Post('from-url')
  @ApiCreatedResponse({ type: ArticleView, description: 'the desk fetches the page (http/https, 5 redirects, 15 s, 10 MiB; refused addresses 403) and imports it as POST /articles does; `url` becomes the page\'s final URL' })
  @ApiProblems('fetch_forbidden', 'fetch_failed')
  create(@CurrentActor() actor: Actor, @Body() body: ArticleFromUrlDto): Promise<ArticleView> {
    return this.fromUrl.import(actor, body);
  }
}
