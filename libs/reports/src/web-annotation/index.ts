export * from './web-annotation.types';
export {
  DEFAULT_ANNOTATION_PAGE_SIZE,
  annotationCollectionId,
  annotationPageCount,
  annotationPageId,
  articleOfCollectionId,
  claimOfAnnotationId,
  pageOfAnnotationPageId,
  claimAnnotationId,
  exportContext,
  toAnnotationCollection,
  toAnnotationPage,
  toSingleFileCollection,
  toWebAnnotation,
} from './to-web-annotation';
export type { AnnotationPageOptions, WebAnnotationOptions } from './to-web-annotation';
export { AnnotationImportError, isRejected, parseAnnotationImport } from './annotation-import';
export type { AnnotationImportItem, AnnotationImportOptions, ImportedAnnotation, ImportedNote, ImportedReply, ImportedSourceLink, RejectedAnnotation } from './annotation-import';
export { JSONLD_CONTEXT_URLS, readAnnotationContext, readJsonLdContext } from './jsonld-contexts';
