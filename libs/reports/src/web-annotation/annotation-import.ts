/**
 * Reads annotations to import as claims (API.md, POST /api/v1/imports/annotations): W3C Web
 * Annotations (one, an array, an AnnotationCollection — its pages followed — or an AnnotationPage)
 * or Hypothesis JSON (one annotation, an array, a search result `{ rows }`, or the Hypothesis
 * client's export file `{ annotations }`). Each item either gives what a claim is made of (quote,
 * context, position, notes with their thread, sources, tags), or is a reply to another item's note,
 * or says why it cannot be imported; `index` counts from 0 in the order given.
 */
import type { Motivation, NoteOrigin } from '@claimdesk/annotations';

export type ImportedStance = 'supports' | 'refutes' | 'context';

const MOTIVATIONS: readonly Motivation[] = ['commenting', 'questioning', 'assessing', 'tagging'];
const STANCES: readonly ImportedStance[] = ['supports', 'refutes', 'context'];

/** A note of an imported claim. `key` names it within its item (so replies find it), `replyTo` the note it answers. */
export interface ImportedNote {
  key: string | null;
  replyTo: string | null;
  body: string;
  motivation: Motivation;
  origin: NoteOrigin;
}

export interface ImportedSourceLink {
  url: string;
  stance: ImportedStance;
  title: string | null;
  excerpt: string | null;
  note: string | null;
}

export interface ImportedAnnotation {
  kind: 'claim';
  index: number;
  /** The item's own id (a W3C `id`, a Hypothesis id): importing the same item again changes nothing. */
  id: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  /** Code points, as W3C TextPositionSelector counts them; absent when the item has no position. */
  start?: number;
  end?: number;
  claimant: string | null;
  claimReviewed: string | null;
  notes: ImportedNote[];
  tags: string[];
  sources: ImportedSourceLink[];
  /** The target's source (the annotated page), when given: the caller may warn when it is another article. */
  source?: string;
}

/** A reply to another item (Hypothesis `references`, a W3C `replying` annotation): a note in that item's thread. */
export interface ImportedReply {
  kind: 'reply';
  index: number;
  id: string | null;
  /** The items it answers, nearest first: the first that was imported holds the reply. */
  answers: string[];
  note: ImportedNote;
}

export interface RejectedAnnotation {
  index: number;
  error: string;
}

export type AnnotationImportItem = ImportedAnnotation | ImportedReply | RejectedAnnotation;

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

export interface AnnotationImportOptions {
  /**
   * A page of a collection by its URL, when the caller can read it without fetching (the desk's own
   * pages); null otherwise. Pages at other addresses are never fetched.
   */
  page?: (url: string) => unknown;
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

const ACCEPTED = 'a W3C Annotation, an array of them, an AnnotationCollection or AnnotationPage, or Hypothesis JSON (an annotation, an array, a search result with rows, or an export file with annotations)';

/** The items of the document, in the order given. */
function itemsOf(json: unknown, options: AnnotationImportOptions): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isObject(json)) throw new AnnotationImportError(`Expected ${ACCEPTED}.`);
  const types = typesOf(json);
  if (types.includes('AnnotationCollection') || types.includes('OrderedCollection')) return collectionItems(json, options);
  if (types.includes('AnnotationPage') || types.includes('OrderedCollectionPage')) return pageItems(json, 'the AnnotationPage');
  if (Array.isArray(json.rows)) return json.rows;
  // The Hypothesis client's export file: { export_date, export_userid, client_version, annotations }.
  if (!types.length && Array.isArray(json.annotations)) return json.annotations;
  if (types.includes('Annotation') || 'target' in json) return [json];
  if ('rows' in json) throw new AnnotationImportError('rows must be an array of Hypothesis annotations.');
  throw new AnnotationImportError(`Expected ${ACCEPTED}; got an object with neither a type nor a target.`);
}

function pageItems(page: JsonObject, what: string): unknown[] {
  if (!Array.isArray(page.items)) throw new AnnotationImportError(`${what} has no items array.`);
  return page.items;
}

/** The id of a page given by reference: a URL, or an object with an `id` and no items. */
function pageUrl(page: unknown): string | null {
  if (typeof page === 'string') return page;
  return isObject(page) && typeof page.id === 'string' ? page.id : null;
}

/** Follows a collection's pages from `first` through each `next`, reading them only as the caller can. */
function collectionItems(collection: JsonObject, options: AnnotationImportOptions): unknown[] {
  const { first, total } = collection;
  if (first === undefined) {
    if (total === 0 || total === undefined) return [];
    throw new AnnotationImportError('The AnnotationCollection has no first page.');
  }
  const items: unknown[] = [];
  const seen = new Set<string>();
  let page: unknown = first;
  while (page !== undefined) {
    if (!(isObject(page) && Array.isArray(page.items))) {
      const url = pageUrl(page);
      if (url === null) throw new AnnotationImportError('A page of the AnnotationCollection is neither embedded nor given by its URL.');
      if (seen.has(url)) throw new AnnotationImportError(`The AnnotationCollection's pages loop back to ${url}.`);
      seen.add(url);
      const resolved = options.page?.(url) ?? null;
      if (!isObject(resolved)) {
        throw new AnnotationImportError(`The AnnotationCollection's page ${url} is not a page of this desk, and pages elsewhere are not fetched: import each AnnotationPage.`);
      }
      page = resolved;
    }
    const current = page as JsonObject;
    if (typeof current.id === 'string') seen.add(current.id);
    items.push(...pageItems(current, 'A page of the AnnotationCollection'));
    page = current.next === undefined || current.next === null ? undefined : current.next;
  }
  if (typeof total === 'number' && total > items.length) {
    throw new AnnotationImportError(`The AnnotationCollection has ${total} annotations but its pages hold only ${items.length}.`);
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

/** A time as the desk writes times (ISO 8601 UTC), or null when it is not one. */
function isoTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const time = Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : null;
}

/** "Name (id)" of a W3C creator: an Agent, its IRI, or a list of them (the first counts). */
function agentName(value: unknown): string | null {
  const agent = Array.isArray(value) ? value[0] : value;
  if (typeof agent === 'string') return agent || null;
  if (!isObject(agent)) return null;
  const name = typeof agent.name === 'string' ? agent.name : typeof agent.nickname === 'string' ? agent.nickname : null;
  const id = typeof agent.id === 'string' ? agent.id : null;
  return name && id ? `${name} (${id})` : name ?? id;
}

function optionalText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}

function motivationOf(...candidates: unknown[]): Motivation {
  for (const candidate of candidates) {
    const found = asList(candidate).find((value): value is Motivation => MOTIVATIONS.includes(value as Motivation));
    if (found) return found;
  }
  return 'commenting';
}

interface W3cBodies {
  notes: ImportedNote[];
  tags: string[];
  sources: ImportedSourceLink[];
}

function linkedSource(body: JsonObject): ImportedSourceLink | null {
  const url = typeof body.source === 'string' ? body.source : isObject(body.source) && typeof body.source.id === 'string' ? body.source.id : null;
  if (url === null) return null;
  return {
    url,
    stance: STANCES.includes(body.stance as ImportedStance) ? (body.stance as ImportedStance) : 'context',
    title: optionalText(body.title),
    excerpt: optionalText(body.excerpt),
    note: optionalText(body.note),
  };
}

/**
 * A W3C Annotation's bodies: each TextualBody a note (its purpose the motivation; the desk's own
 * `noteId`/`inReplyTo` keep the thread), tags from tagging bodies that are not notes, sources from
 * linking resources. A body with a `rating` is a published verdict: verdicts are the desk's own
 * editorial decisions and are not imported.
 */
function w3cBodies(annotation: JsonObject): W3cBodies {
  if (annotation.body !== undefined && annotation.bodyValue !== undefined) {
    throw new ItemError('It has both body and bodyValue, which the Web Annotation model forbids.');
  }
  const itemId = typeof annotation.id === 'string' ? annotation.id : null;
  const origin = (body: JsonObject): NoteOrigin => ({
    id: typeof body.noteId === 'string' ? body.noteId : typeof body.id === 'string' ? body.id : itemId,
    author: agentName(body.creator ?? annotation.creator),
    createdAt: isoTime(body.created ?? annotation.created),
  });
  const found: W3cBodies = { notes: [], tags: [], sources: [] };
  if (annotation.bodyValue !== undefined) {
    const value = optionalString(annotation.bodyValue, 'bodyValue');
    if (value.trim()) found.notes.push({ key: null, replyTo: null, body: value, motivation: motivationOf(annotation.motivation), origin: origin({}) });
    return found;
  }
  const tags: unknown[] = [];
  for (const body of asList(annotation.body)) {
    if (!isObject(body)) continue; // a body given by URL (an external resource) has no text to import
    const types = typesOf(body);
    const purposes = asList(body.purpose);
    if (types.includes('SpecificResource') || (purposes.includes('linking') && body.source !== undefined)) {
      const source = linkedSource(body);
      if (source) found.sources.push(source);
      continue;
    }
    const textual = types.includes('TextualBody') || (!types.length && 'value' in body);
    if (!textual) continue; // Choice, external resources
    if (typeof body.value !== 'string') throw new ItemError('A TextualBody has no string value.');
    if (body.rating !== undefined) continue;
    const isNote = typeof body.noteId === 'string';
    if (purposes.includes('tagging') && !isNote) {
      tags.push(body.value);
      continue;
    }
    if (!body.value.trim()) continue;
    found.notes.push({
      key: isNote ? (body.noteId as string) : null,
      replyTo: typeof body.inReplyTo === 'string' ? body.inReplyTo : null,
      body: body.value,
      motivation: motivationOf(body.purpose, annotation.motivation),
      origin: origin(body),
    });
  }
  found.tags = cleanTags(tags, 'Tags');
  return found;
}

function hypothesisOrigin(annotation: JsonObject): NoteOrigin {
  const user = typeof annotation.user === 'string' ? annotation.user : null;
  const info = isObject(annotation.user_info) && typeof annotation.user_info.display_name === 'string' ? annotation.user_info.display_name : null;
  return {
    id: typeof annotation.id === 'string' ? annotation.id : null,
    author: info && user ? `${info} (${user})` : info ?? user,
    createdAt: isoTime(annotation.created),
  };
}

function hypothesisBodies(annotation: JsonObject): W3cBodies {
  if (annotation.tags !== undefined && !Array.isArray(annotation.tags)) throw new ItemError('tags must be an array of strings.');
  const text = optionalString(annotation.text, 'text');
  const notes: ImportedNote[] = text.trim()
    ? [{ key: null, replyTo: null, body: text, motivation: 'commenting', origin: hypothesisOrigin(annotation) }]
    : [];
  return { notes, tags: cleanTags(asList(annotation.tags), 'tags'), sources: [] };
}

/** What a reply answers: Hypothesis lists the thread's ids root first; a W3C reply targets the annotation it answers. */
function replyTargets(item: JsonObject, w3c: boolean): string[] | null {
  if (!w3c && Array.isArray(item.references) && item.references.length) {
    return item.references.filter((id): id is string => typeof id === 'string').reverse();
  }
  if (w3c && asList(item.motivation).includes('replying')) {
    const targets = asList(item.target).map((target) => (typeof target === 'string' ? target : isObject(target) && typeof target.id === 'string' ? target.id : null));
    return targets.filter((id): id is string => id !== null);
  }
  return null;
}

function hasSelector(item: JsonObject): boolean {
  return asList(item.target).some((target) => isObject(target) && target.selector !== undefined);
}

function parseReply(item: JsonObject, index: number, answers: string[], w3c: boolean): ImportedReply {
  if (!answers.length) throw new ItemError('It is a reply, but names no annotation it answers.');
  const { notes } = w3c ? w3cBodies(item) : hypothesisBodies(item);
  if (!notes.length) throw new ItemError('It is a reply with no text.');
  return { kind: 'reply', index, id: typeof item.id === 'string' ? item.id : null, answers, note: { ...notes[0], key: null, replyTo: null } };
}

function parseItem(item: unknown, index: number): AnnotationImportItem {
  try {
    if (!isObject(item)) throw new ItemError('It is not an object.');
    const types = typesOf(item);
    if (types.length && !types.includes('Annotation')) throw new ItemError(`Its type is ${types.join(', ')}, not Annotation.`);
    if (item.target === undefined) throw new ItemError('It has no target.');
    // Hypothesis JSON has no type, and keeps its text and tags in `text` and `tags`.
    const w3c = types.length > 0 || 'body' in item || 'bodyValue' in item;
    const answers = replyTargets(item, w3c);
    if (answers && !hasSelector(item)) return parseReply(item, index, answers, w3c);
    if (!hasSelector(item) && !w3c) {
      throw new ItemError('It is a page note: it marks no span of the text, and a claim needs one.');
    }
    const chosen = selection(targetWithSelectors(asList(item.target)));
    const { notes, tags, sources } = w3c ? w3cBodies(item) : hypothesisBodies(item);
    return {
      kind: 'claim',
      index,
      id: typeof item.id === 'string' ? item.id : null,
      ...chosen,
      claimant: optionalText(item.claimant),
      claimReviewed: optionalText(item.claimReviewed),
      notes,
      tags,
      sources,
    };
  } catch (error) {
    if (error instanceof ItemError) return { index, error: error.message };
    throw error;
  }
}

/**
 * Every item of an import document, each parsed or rejected with its reason. Throws
 * AnnotationImportError when the document as a whole is none of the accepted shapes.
 */
export function parseAnnotationImport(json: unknown, options: AnnotationImportOptions = {}): AnnotationImportItem[] {
  return itemsOf(json, options).map(parseItem);
}
