export * from './articles.module';
export * from './articles.service';
export * from './article.view';
export { ArticleContentDto } from './dto/article.dto';
export { ArticleFromUrl } from './from-url/from-url.service';
export { ArticleFromUrlDto } from './from-url/from-url.dto';
export { articleFormatOf, mediaTypeOf } from './from-url/page-format';
export { canonicalTextTask } from './canonical-text.task';
