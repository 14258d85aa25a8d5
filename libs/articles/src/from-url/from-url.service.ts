import { Injectable } from '@nestjs/common';
import { Actor, decodePage, fetchFailed, PageFetcher } from '@claimdesk/core';
import { ArticlesService } from '../articles.service';
import { ArticleView } from '../article.view';
import { ArticleFromUrlDto } from './from-url.dto';
import { articleFormatOf, mediaTypeOf } from './page-format';

/**
 * Import by URL: fetch the page (outside any transaction — a fetch may take 15 s), decode it in its
 * charset, and hand it to the same import as `POST /articles` with the matching format.
 */
@Injectable()
export class ArticleFromUrl {
  constructor(private readonly fetcher: PageFetcher, private readonly articles: ArticlesService) {}

  async import(actor: Actor, input: ArticleFromUrlDto): Promise<ArticleView> {
    const page = await this.fetcher.fetch(input.url);
    if (page.httpStatus < 200 || page.httpStatus > 299) throw fetchFailed(`the page answered HTTP ${page.httpStatus}`);
    const format = articleFormatOf(page.contentType);
    if (format === null) throw fetchFailed(`the page is ${mediaTypeOf(page.contentType)}, not HTML, plain text or Markdown`);
    const content = decodePage(page.body, page.contentType ?? undefined, format === 'html');
    if (content.trim() === '') throw fetchFailed('the page is empty');
    // The article records where the page was found, after redirects.
    return this.articles.create(actor, { ...input, url: page.finalUrl, format, content });
  }
}
