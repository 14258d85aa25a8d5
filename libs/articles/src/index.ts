export * from './articles.module';
export * from './articles.service';
export * from './article.view';
export { ArticleContentDto } from './dto/article.dto';
