import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Article, ArticleRevision } from './article.entity';
import { ArticleEventsController } from './article-events.controller';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';
import { PageFetcher } from '@claimdesk/core';
import { ArticleFromUrl } from './from-url/from-url.service';
import { ArticleFromUrlController } from './from-url/from-url.controller';

@Module({
  imports: [TypeOrmModule.forFeature([Article, ArticleRevision])],
  controllers: [ArticlesController, ArticleEventsController, ArticleFromUrlController],
  providers: [ArticlesService, PageFetcher, ArticleFromUrl],
  exports: [ArticlesService, ArticleFromUrl],
})
export class ArticlesModule {}
