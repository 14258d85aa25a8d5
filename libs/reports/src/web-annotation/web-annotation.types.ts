/**
 * The W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/) in the shape
 * ClaimDesk writes it: compacted JSON-LD under the anno.jsonld context.
 */

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** Where a desk serves the context of the terms it adds to the W3C model (claimant, stance, thread…). */
export const CLAIMDESK_CONTEXT_PATH = '/api/v1/contexts/claimdesk.jsonld';

/**
 * The terms ClaimDesk adds to Web Annotations, so that a round trip keeps what the W3C model has no
 * word for. Terms of schema.org where one fits; the desk's own otherwise. It defines no prefix that
 * anno.jsonld defines, so it never changes the meaning of a W3C term.
 */
export const CLAIMDESK_CONTEXT = {
  '@context': {
    cd: 'urn:claimdesk:vocab#',
    schema: 'http://schema.org/',
    claimant: 'cd:claimant',
    claimReviewed: 'schema:claimReviewed',
    noteId: 'cd:noteId',
    inReplyTo: 'cd:inReplyTo',
    rating: 'cd:rating',
    ratingScale: 'cd:ratingScale',
    stance: 'cd:stance',
    title: 'schema:name',
    excerpt: 'cd:excerpt',
    note: 'cd:note',
  },
} as const;

/** `@context` of a ClaimDesk document: the W3C context first, as the model requires, then ours. */
export type ClaimDeskContext = [typeof ANNO_CONTEXT, string];

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
  /** A reviewer's note: its id on the desk, and the note it answers (ClaimDesk terms). */
  noteId?: string;
  inReplyTo?: string;
  /** A published verdict: the rating's key and its scale (ClaimDesk terms). */
  rating?: string;
  ratingScale?: string;
}

export interface LinkingBody {
  type: 'SpecificResource';
  purpose: 'linking';
  source: string;
  /** How the source bears on the claim, and what the reviewer took from it (ClaimDesk terms). */
  stance?: string;
  title?: string;
  excerpt?: string;
  note?: string;
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
  '@context'?: ClaimDeskContext;
  id: string;
  type: 'Annotation';
  motivation: Purpose;
  created: string;
  modified: string;
  creator: Agent;
  generator: Agent;
  /** Who made the claim and the claim as checked, in the fact-checker's words (ClaimDesk terms). */
  claimant?: string;
  claimReviewed?: string;
  body?: AnnotationBody[];
  target: ClaimTarget;
}

export interface PartOfCollection {
  id: string;
  total: number;
}

export interface AnnotationPage {
  '@context'?: ClaimDeskContext;
  id: string;
  type: 'AnnotationPage';
  partOf: PartOfCollection;
  startIndex: number;
  next?: string;
  prev?: string;
  items: WebAnnotation[];
}

export interface AnnotationCollection {
  '@context': ClaimDeskContext;
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
