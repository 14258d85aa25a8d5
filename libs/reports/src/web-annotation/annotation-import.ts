/**
 * Reads annotations to import as claims (API.md, POST /api/v1/imports/annotations): W3C Web
 * Annotations (one, an array, an AnnotationCollection with its first page embedded, an
 * AnnotationPage) or Hypothesis API JSON (one annotation, an array, a search result `{ rows }`).
 * Each item either gives what a claim is made of (quote, context, position, text, tags) or says
 * why it cannot be imported; `index` counts from 0 in the order given.
 */

export interface ImportedAnnotation {
  index: number;
  exact: string;
  prefix: string;
  suffix: string;
  /** Code points, as W3C TextPositionSelector counts them; absent when the item has no position. */
  start?: number;
  end?: number;
  /** The annotation's text (Markdown or plain), empty when it has none. */
  text: string;
  tags: string[];
  /** The target's source (the annotated page), when given: the caller may warn when it is another article. */
  source?: string;
}

export interface RejectedAnnotation {
  index: number;
  error: string;
}

export type AnnotationImportItem = ImportedAnnotation | RejectedAnnotation;

export function isRejected(item: AnnotationImportItem): item is RejectedAnnotation {
  return 'error' in item;
}

/** The document as a whole is not one of the accepted shapes (maps to 422 `validation_failed`). */
export class AnnotationImportError extends Error {
  readonly code = 'validation_failed';
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationImportError';
  }
}

type JsonObject = Record<string, unknown>;

/** Why one item cannot be imported; caught per item. */
class ItemError extends Error {}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `type` or `@type`, a string or an array of strings, with an `oa:`/`as:` prefix dropped. */
function typesOf(value: JsonObject): string[] {
  const raw = value.type ?? value['@type'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((type): type is string => typeof type === 'string').map((type) => type.replace(/^(oa|as):/, ''));
}

const ACCEPTED = 'a W3C Annotation, an array of them, an AnnotationCollection or AnnotationPage, or Hypothesis API JSON (an annotation, an array, or a search result with rows)';

/** The items of the document, in the order given. */
function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) throw new AnnotationImportError(`Expected ${ACCEPTED}.`);
  const types = typesOf(json);
  if (types.includes('AnnotationCollection') || types.includes('OrderedCollection')) return collectionItems(json);
  if (types.includes('AnnotationPage') || types.includes('OrderedCollectionPage')) return pageItems(json, 'the AnnotationPage');
  if (Array.isArray(json.rows)) return json.rows;
  if (types.includes('Annotation') || 'target' in json) return [json];
  if ('rows' in json) throw new AnnotationImportError('rows must be an array of Hypothesis annotations.');
  throw new AnnotationImportError(`Expected ${ACCEPTED}; got an object with neither a type nor a target.`);
}

function pageItems(page: JsonObject, what: string): unknown[] {
  if (!Array.isArray(page.items)) throw new AnnotationImportError(`${what} has no items array.`);
  return page.items;
}

function collectionItems(collection: JsonObject): unknown[] {
  const { first, total } = collection;
  if (first === undefined) {
    if (total === 0 || total === undefined) return [];
    throw new AnnotationImportError('The AnnotationCollection has no first page.');
  }
  if (!isObject(first)) {
    throw new AnnotationImportError('The AnnotationCollection does not embed its first page (first is a URL); pages are not fetched: import each AnnotationPage.');
  }
  const items = pageItems(first, 'The first page of the AnnotationCollection');
  // Pages after the first are not fetched; refuse rather than import part of the collection silently.
  if ((typeof total === 'number' && total > items.length) || first.next !== undefined) {
    throw new AnnotationImportError(`The AnnotationCollection has ${typeof total === 'number' ? total : 'more'} annotations but embeds only ${items.length}; import its pages one by one.`);
  }
  return items;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function isOffset(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function optionalString(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new ItemError(`${what} must be a string.`);
  return value;
}

interface Selection {
  exact: string;
  prefix: string;
  suffix: string;
  start?: number;
  end?: number;
  source?: string;
}

/** The one target that has selectors: a claim marks one span of one text. */
function targetWithSelectors(targets: unknown[]): JsonObject {
  if (!targets.length) throw new ItemError('It has no target.');
  const withSelectors = targets.filter((target): target is JsonObject => isObject(target) && target.selector !== undefined);
  if (!withSelectors.length) {
    throw new ItemError('Its target has no selector (a page note or a reply?): a claim needs a TextQuoteSelector.');
  }
  if (withSelectors.length > 1) throw new ItemError(`It has ${withSelectors.length} targets with selectors; a claim marks one span of one text.`);
  return withSelectors[0];
}

function selection(target: JsonObject): Selection {
  const quotes: JsonObject[] = [];
  const positions: JsonObject[] = [];
  for (const selector of asList(target.selector)) {
    if (!isObject(selector)) continue; // a selector given by URL cannot be resolved here
    const types = typesOf(selector);
    if (types.includes('TextQuoteSelector')) quotes.push(selector);
    else if (types.includes('TextPositionSelector')) positions.push(selector);
  }
  if (!quotes.length) throw new ItemError('It has no TextQuoteSelector: a claim needs the quoted text.');

  const [quote] = quotes;
  if (typeof quote.exact !== 'string' || !quote.exact.trim()) throw new ItemError('TextQuoteSelector.exact must be a non-empty string.');
  const chosen: Selection = {
    exact: quote.exact,
    prefix: optionalString(quote.prefix, 'TextQuoteSelector.prefix'),
    suffix: optionalString(quote.suffix, 'TextQuoteSelector.suffix'),
  };
  if (quotes.some((other) => other.exact !== chosen.exact)) throw new ItemError('Its TextQuoteSelectors quote different texts.');

  if (positions.length) {
    const [{ start, end }] = positions;
    if (!isOffset(start) || !isOffset(end) || start >= end) {
      throw new ItemError(`TextPositionSelector needs integers 0 <= start < end; got start ${JSON.stringify(start)}, end ${JSON.stringify(end)}.`);
    }
    if (positions.some((other) => other.start !== start || other.end !== end)) throw new ItemError('Its TextPositionSelectors give different positions.');
    chosen.start = start;
    chosen.end = end;
  }
  const source = typeof target.source === 'string' ? target.source : isObject(target.source) && typeof target.source.id === 'string' ? target.source.id : undefined;
  if (source !== undefined) chosen.source = source;
  return chosen;
}

function cleanTags(tags: unknown[], what: string): string[] {
  // A Set, not kept.includes(): one document may carry tens of thousands of tags (O(n²) otherwise).
  const kept = new Set<string>();
  for (const tag of tags) {
    if (typeof tag !== 'string') throw new ItemError(`${what} must be strings.`);
    const trimmed = tag.trim();
    if (trimmed) kept.add(trimmed);
  }
  return [...kept];
}

/** A W3C Annotation: text from TextualBodies (and bodyValue), tags from bodies whose purpose is tagging. */
function w3cTextAndTags(annotation: JsonObject): { text: string; tags: string[] } {
  if (annotation.body !== undefined && annotation.bodyValue !== undefined) {
    throw new ItemError('It has both body and bodyValue, which the Web Annotation model forbids.');
  }
  if (annotation.bodyValue !== undefined) return { text: optionalString(annotation.bodyValue, 'bodyValue'), tags: [] };
  const texts: string[] = [];
  const tags: unknown[] = [];
  for (const body of asList(annotation.body)) {
    if (!isObject(body)) continue; // a body given by URL (an external resource) has no text to import
    const types = typesOf(body);
    const textual = types.includes('TextualBody') || (!types.length && 'value' in body);
    if (!textual) continue; // SpecificResource (links), Choice, external resources
    if (typeof body.value !== 'string') throw new ItemError('A TextualBody has no string value.');
    const purposes = asList(body.purpose);
    if (purposes.includes('tagging')) tags.push(body.value);
    else if (body.value.trim()) texts.push(body.value);
  }
  return { text: texts.join('\n\n'), tags: cleanTags(tags, 'Tags') };
}

function hypothesisTextAndTags(annotation: JsonObject): { text: string; tags: string[] } {
  if (annotation.tags !== undefined && !Array.isArray(annotation.tags)) throw new ItemError('tags must be an array of strings.');
  return { text: optionalString(annotation.text, 'text'), tags: cleanTags(asList(annotation.tags), 'tags') };
}

function parseItem(item: unknown, index: number): AnnotationImportItem {
  try {
    if (!isObject(item)) throw new ItemError('It is not an object.');
    const types = typesOf(item);
    if (types.length && !types.includes('Annotation')) throw new ItemError(`Its type is ${types.join(', ')}, not Annotation.`);
    if (item.target === undefined) throw new ItemError('It has no target.');
    const chosen = selection(targetWithSelectors(asList(item.target)));
    // Hypothesis JSON has no type, and keeps its text and tags in `text` and `tags`.
    const w3c = types.length > 0 || 'body' in item || 'bodyValue' in item;
    const { text, tags } = w3c ? w3cTextAndTags(item) : hypothesisTextAndTags(item);
    return { index, ...chosen, text, tags };
  } catch (error) {
    if (error instanceof ItemError) return { index, error: error.message };
    throw error;
  }
}

/**
 * Every item of an import document, each parsed or rejected with its reason. Throws
 * AnnotationImportError when the document as a whole is none of the accepted shapes.
 */
export function parseAnnotationImport(json: unknown): AnnotationImportItem[] {
  return itemsOf(json).map(parseItem);
}
