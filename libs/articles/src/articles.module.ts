import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Article, ArticleRevision } from './article.entity';
import { ArticleEventsController } from './article-events.controller';
import { ArticlesController } from './articles.controller';
import { ArticlesService } from './articles.service';

@Module({
  imports: [TypeOrmModule.forFeature([Article, ArticleRevision])],
  controllers: [ArticlesController, ArticleEventsController],
  providers: [ArticlesService],
  exports: [ArticlesService],
})
export class ArticlesModule {}
