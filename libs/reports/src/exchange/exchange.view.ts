import { ApiProperty, SchemaObject } from '@nestjs/swagger';
import { ANCHOR_STATUSES, AnchorStatus } from '@claimdesk/text';
import { ANNO_CONTEXT, CLAIMDESK_CONTEXT_PATH } from '../web-annotation';
import type { ImportOutcome } from './annotation-import.service';

// The exchange formats as OpenAPI describes them: W3C and Hypothesis JSON are specified elsewhere, so only their outline is given here.

const W3C_MODEL = { description: 'W3C Web Annotation Data Model', url: 'https://www.w3.org/TR/annotation-model/' };

const context: SchemaObject = {
  type: 'array',
  items: { type: 'string' },
  minItems: 2,
  maxItems: 2,
  description: `the W3C context (${ANNO_CONTEXT}), then the desk's own terms ({CLAIMDESK_PUBLIC_URL}${CLAIMDESK_CONTEXT_PATH})`,
};

const annotation: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  description: 'a W3C Annotation: one per claim (with `claimant` and `claimReviewed`), its bodies the notes (with `noteId` and `inReplyTo`), the published verdict (with `rating` and `ratingScale`), the sources (with `stance`, `title`, `excerpt`, `note`) and the tags; target selectors TextQuoteSelector and (unless orphaned) TextPositionSelector',
};

const annotationPage: SchemaObject = {
  type: 'object',
  required: ['id', 'type', 'partOf', 'startIndex', 'items'],
  properties: {
    '@context': { ...context, description: `on a page served on its own: ${context.description}` },
    id: { type: 'string' },
    type: { type: 'string', enum: ['AnnotationPage'] },
    partOf: { type: 'object', required: ['id', 'total'], properties: { id: { type: 'string' }, total: { type: 'integer' } } },
    startIndex: { type: 'integer' },
    next: { type: 'string' },
    prev: { type: 'string' },
    items: { type: 'array', items: annotation },
  },
};

/** `GET /articles/{id}/annotations`: the collection with its first page, or with `?page=N` one page. */
export const ANNOTATION_EXPORT_SCHEMA: SchemaObject = {
  externalDocs: W3C_MODEL,
  oneOf: [
    {
      type: 'object',
      required: ['@context', 'id', 'type', 'label', 'total', 'first', 'last'],
      properties: {
        '@context': context,
        id: { type: 'string' },
        type: { type: 'string', enum: ['AnnotationCollection'] },
        label: { type: 'string' },
        total: { type: 'integer' },
        modified: { type: 'string' },
        first: annotationPage,
        last: { type: 'string', description: "the last page's URL" },
      },
    },
    annotationPage,
  ],
};

const importDocument: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  description: 'one W3C Annotation, an AnnotationCollection (its pages followed when they are this desk\'s own) or AnnotationPage, one Hypothesis API annotation, a Hypothesis search result `{ rows }`, or a Hypothesis export file `{ annotations }`',
};

/** `POST /imports/annotations`: W3C Web Annotation or Hypothesis JSON, an object or an array. */
export const ANNOTATION_IMPORT_SCHEMA: SchemaObject = {
  externalDocs: W3C_MODEL,
  oneOf: [importDocument, { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'W3C Annotations or Hypothesis API annotations' }],
};

export class ImportedClaimView {
  @ApiProperty({ description: 'the position of the item in the document, from 0' }) index!: number;
  @ApiProperty({ format: 'uuid' }) claimId!: string;
  @ApiProperty({ enum: ANCHOR_STATUSES }) anchor!: AnchorStatus;
}

export class ImportedReplyView {
  @ApiProperty({ description: 'the position of the item in the document, from 0' }) index!: number;
  @ApiProperty({ format: 'uuid', description: 'the claim whose thread holds the reply' }) claimId!: string;
  @ApiProperty({ format: 'uuid', description: 'the note the reply became' }) annotationId!: string;
}

export class ExistingItemView {
  @ApiProperty({ description: 'the position of the item in the document, from 0' }) index!: number;
  @ApiProperty({ format: 'uuid', description: 'the claim it was imported as before (or the desk\'s own claim of this article)' }) claimId!: string;
}

export class ImportFailureView {
  @ApiProperty({ description: 'the position of the item in the document, from 0' }) index!: number;
  @ApiProperty() reason!: string;
}

export class ImportOutcomeView implements ImportOutcome {
  @ApiProperty({ type: [ImportedClaimView] }) created!: ImportedClaimView[];
  @ApiProperty({ type: [ImportedReplyView], description: 'replies, each a note in the thread of a claim imported now or before' }) replies!: ImportedReplyView[];
  @ApiProperty({ type: [ExistingItemView], description: 'items imported before, by their id: left unchanged' }) existing!: ExistingItemView[];
  @ApiProperty({ type: [ImportFailureView] }) failed!: ImportFailureView[];
}
