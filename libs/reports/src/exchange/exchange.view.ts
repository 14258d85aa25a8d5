import { ApiProperty, SchemaObject } from '@nestjs/swagger';
import { ANCHOR_STATUSES, AnchorStatus } from '@claimdesk/text';
import { ANNO_CONTEXT } from '../web-annotation';
import type { ImportOutcome } from './annotation-import.service';

// The exchange formats as OpenAPI describes them: W3C and Hypothesis JSON are specified elsewhere, so only their outline is given here.

const W3C_MODEL = { description: 'W3C Web Annotation Data Model', url: 'https://www.w3.org/TR/annotation-model/' };

const annotation: SchemaObject = {
  type: 'object',
  additionalProperties: true,
  description: 'a W3C Annotation: one per claim, its bodies the notes, the current verdict and the sources; target selectors TextQuoteSelector and (unless orphaned) TextPositionSelector',
};

const annotationPage: SchemaObject = {
  type: 'object',
  required: ['id', 'type', 'partOf', 'startIndex', 'items'],
  properties: {
    '@context': { type: 'string', enum: [ANNO_CONTEXT], description: 'on a page served on its own' },
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
        '@context': { type: 'string', enum: [ANNO_CONTEXT] },
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
  description: 'one W3C Annotation, an AnnotationCollection or AnnotationPage, one Hypothesis API annotation, or a Hypothesis search result `{ rows }`',
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

export class ImportFailureView {
  @ApiProperty({ description: 'the position of the item in the document, from 0' }) index!: number;
  @ApiProperty() reason!: string;
}

export class ImportOutcomeView implements ImportOutcome {
  @ApiProperty({ type: [ImportedClaimView] }) created!: ImportedClaimView[];
  @ApiProperty({ type: [ImportFailureView] }) failed!: ImportFailureView[];
}
