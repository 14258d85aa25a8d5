import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, ApiPage, AssignmentDto, ApiProblems, CurrentActor, DomainError, IfMatch, ListQueryDto, Page, PositiveInt32Pipe, Roles } from '@claimdesk/core';
import { ArticlesService } from './articles.service';
import { ArticleSummary, ArticleView, RawContentView, RevisionSummary, RevisionView } from './article.view';
import { ArticleListQueryDto, CreateArticleDto, UpdateArticleDto } from './dto/article.dto';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @ApiCreatedResponse({ type: ArticleView, description: 'Markdown and HTML are reduced to canonical text; the raw input is kept' })
  @ApiProblems('payload_too_large', 'malformed_json')
  create(@CurrentActor() actor: Actor, @Body() body: CreateArticleDto): Promise<ArticleView> {
    return this.articles.create(actor, body);
  }

  @Get()
  @ApiPage(ArticleSummary, 'newest first, without the text')
  @ApiProblems()
  list(@CurrentActor() actor: Actor, @Query() query: ArticleListQueryDto): Promise<Page<ArticleSummary>> {
    return this.articles.list(query, actor);
  }

  @Get(':id')
  @ApiOkResponse({ type: ArticleView, description: 'with ETag: "<version>"' })
  @ApiProblems('not_found')
  get(@Param('id') id: string): Promise<ArticleView> {
    return this.articles.get(id);
  }

  @Get(':id/content')
  @ApiOkResponse({ type: RawContentView, description: 'the current revision as it arrived, before conversion (an HTML page whole, not only its main content)' })
  @ApiProblems('not_found')
  content(@Param('id') id: string): Promise<RawContentView> {
    return this.articles.rawContentOf(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ArticleView, description: 'metadata only; the text changes through PUT /articles/:id/text' })
  @ApiProblems('not_found', 'version_conflict')
  update(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: UpdateArticleDto, @IfMatch() version?: number): Promise<ArticleView> {
    return this.articles.update(actor, id, body, version);
  }

  @Put(':id/assignment')
  @ApiOkResponse({ type: ArticleView, description: 'an editor assigns anyone; a reviewer takes an unassigned article or gives back their own' })
  @ApiProblems('forbidden', 'not_found', 'version_conflict')
  assign(@CurrentActor() actor: Actor, @Param('id') id: string, @Body() body: AssignmentDto, @IfMatch() version?: number): Promise<ArticleView> {
    return this.articles.assign(actor, id, body, version);
  }

  @Delete(':id')
  @Roles('editor')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'deletes the article with its revisions, claims and everything attached to them' })
  @ApiProblems('forbidden', 'not_found', 'version_conflict')
  remove(@CurrentActor() actor: Actor, @Param('id') id: string, @IfMatch() version?: number): Promise<void> {
    return this.articles.remove(actor, id, version);
  }

  @Get(':id/revisions')
  @ApiPage(RevisionSummary, 'oldest first')
  @ApiProblems('not_found')
  revisions(@Param('id') id: string, @Query() query: ListQueryDto): Promise<Page<RevisionSummary>> {
    return this.articles.listRevisions(id, query.limit, query.cursor);
  }

  @Get(':id/revisions/:n')
  @ApiOkResponse({ type: RevisionView })
  @ApiProblems('not_found')
  revision(@Param('id') id: string, @Param('n', new PositiveInt32Pipe(() => new DomainError('not_found', 'revisions are numbered from 1'))) n: number): Promise<RevisionView> {
    return this.articles.getRevision(id, n);
  }
}
