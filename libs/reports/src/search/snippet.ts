import { foldWord, searchStem, SearchTerms } from './search-query';

/**
 * A short piece of a field around the first word the search matched, HTML-escaped, with every matched
 * word wrapped in `<mark>…</mark>` (API.md, "Work": `GET /search`). Both engines get the same snippets:
 * they are cut here, from the stored text, with the English stemmer PostgreSQL uses, rather than by
 * either engine's highlighter. A field is scanned only as far as its first match.
 */
export const SNIPPET_LENGTH = 200;
const CONTEXT_BEFORE = 60;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Decides whether one word of a text matches one of the search's words (folded and stemmed). */
export function wordMatcher(terms: SearchTerms): (word: string) => boolean {
  const all = [...terms.words, ...terms.phrases.flat()];
  const stems = new Set(all.map(searchStem));
  const folded = new Set(all.map(foldWord));
  // Stemming is the costly part: only words that start like one of the stems are stemmed.
  const heads = new Set([...stems, ...folded].map((s) => s.slice(0, 3)));
  return (word) => {
    const f = foldWord(word);
    if (folded.has(f)) return true;
    if (!heads.has(f.slice(0, 3))) return false;
    return stems.has(searchStem(f));
  };
}

interface Span { start: number; end: number }

/** The first matched word of `text`, or null. */
function firstMatch(text: string, matches: (word: string) => boolean): Span | null {
  for (const m of text.matchAll(WORD)) if (matches(m[0])) return { start: m.index, end: m.index + m[0].length };
  return null;
}

/** Moves `at` back (or forward) to a white space boundary, at most 20 characters. */
function toBoundary(text: string, at: number, direction: -1 | 1): number {
  for (let i = 0, p = at; i < 20 && p > 0 && p < text.length; i++, p += direction) if (/\s/.test(text[p])) return direction > 0 ? p + 1 : p;
  return at;
}

/** The window of `text` around `hit` (or its start), with matched words marked. */
function cut(text: string, hit: Span | null, matches: (word: string) => boolean): string {
  let start = hit ? Math.max(0, hit.start - CONTEXT_BEFORE) : 0;
  if (start > 0) start = toBoundary(text, start, 1);
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) end = toBoundary(text, end, -1);
  if (end <= start) end = Math.min(text.length, start + SNIPPET_LENGTH);
  // Never split a surrogate pair at either end.
  if (/[\uDC00-\uDFFF]/.test(text[start] ?? '')) start += 1;
  if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end -= 1;
  const piece = text.slice(start, end);
  let out = '';
  let last = 0;
  for (const m of piece.matchAll(WORD)) {
    if (!matches(m[0])) continue;
    out += `${escapeHtml(piece.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  out += escapeHtml(piece.slice(last));
  out = out.replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${out}${end < text.length ? '…' : ''}`;
}

/**
 * The snippet of a result: from the first of its fields (in the order given) with a matched word, else
 * the start of the first non-empty field.
 */
export function snippetOf(fields: readonly (string | null | undefined)[], matches: (word: string) => boolean): string {
  const texts = fields.filter((f): f is string => typeof f === 'string' && f.trim().length > 0);
  for (const text of texts) {
    const hit = firstMatch(text, matches);
    if (hit) return cut(text, hit, matches);
  }
  return texts.length > 0 ? cut(texts[0], null, matches) : '';
}
