/**
 * The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in the shape
 * ClaimDesk writes it: compacted JSON-LD under the anno.jsonld context.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The media type of Web Annotation JSON-LD responses (Web Annotation Protocol, section 4). */
export const ANNO_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export type Purpose = 'assessing' | 'commenting' | 'questioning' | 'tagging' | 'linking' | 'highlighting' | 'replying';

export interface Agent {
  id: string;
  type: 'Person' | 'Organization' | 'Software';
  name: string;
  homepage?: string;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type TextSelector = TextQuoteSelector | TextPositionSelector;

export interface TextualBody {
  id?: string;
  type: 'TextualBody';
  value: string;
  format?: 'text/markdown' | 'text/plain';
  purpose: Purpose;
  creator?: Agent;
  created?: string;
  modified?: string;
}

export interface LinkingBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
}

export type AnnotationBody = TextualBody | LinkingBody;

export interface ClaimTarget {
  type: 'SpecificResource';
  source: string;
  language?: string;
  /** Alternatives that select the same span: a quote and, unless the claim is orphaned, its position. */
  selector: TextSelector[];
}

export interface WebAnnotation {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: Purpose;
  created: string;
  modified: string;
  creator: Agent;
  generator: Agent;
  body?: AnnotationBody[];
  target: ClaimTarget;
}

export interface PartOfCollection {
  id: string;
  total: number;
}

export interface AnnotationPage {
  '@context'?: typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationPage';
  partOf: PartOfCollection;
  startIndex: number;
  next?: string;
  prev?: string;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': typeof ANNO_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  modified?: string;
  /** The first page, embedded. */
  first: AnnotationPage;
  /** The last page's URL. */
  last: string;
}
