// The package ships no types: its one function, typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { newStemmer } = require('snowball-stemmers') as { newStemmer(language: string): { stem(word: string): string } };

/**
 * What a search asks for, read from the user's words: every word and every `"quoted phrase"` must match
 * (API.md, "Work": `GET /search`). Nothing else in the input has a meaning: operators, `*`, `-`, `:`,
 * parentheses and stray quotes of either engine's query syntax are word separators, so user text never
 * reaches FTS5's MATCH or PostgreSQL's tsquery as syntax.
 */
export interface SearchTerms {
  /** Single words, as typed (case and accents kept: each engine folds them). */
  words: string[];
  /** Phrases of two or more words, in order. */
  phrases: string[][];
}

/** More terms than this are ignored: a query of a thousand words finds nothing more useful. */
export const MAX_SEARCH_TERMS = 32;

// A word: letters and digits with the marks that go with them, as FTS5's unicode61 tokenizer reads one.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

const wordsOf = (text: string): string[] => text.normalize('NFC').match(WORD) ?? [];

export function parseSearchQuery(q: string): SearchTerms {
  const words: string[] = [];
  const phrases: string[][] = [];
  let count = 0;
  // Segments alternate outside/inside quotes; an unclosed quote runs to the end.
  q.split('"').forEach((segment, i) => {
    const found = wordsOf(segment);
    if (i % 2 === 1 && found.length > 1) {
      if (count < MAX_SEARCH_TERMS) phrases.push(found.slice(0, MAX_SEARCH_TERMS));
      count += 1;
      return;
    }
    for (const word of found) if (count++ < MAX_SEARCH_TERMS) words.push(word);
  });
  return { words, phrases };
}

export const isEmptySearch = (terms: SearchTerms): boolean => terms.words.length === 0 && terms.phrases.length === 0;

const ftsString = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** The FTS5 MATCH expression: every term a quoted string (a phrase when it has several words), all required. */
export function toFtsMatch(terms: SearchTerms): string {
  return [...terms.words.map(ftsString), ...terms.phrases.map((phrase) => ftsString(phrase.join(' ')))].join(' AND ');
}

/**
 * The PostgreSQL tsquery expression, its texts bound as parameters from `$first` on: plain words and
 * phrases through plainto_/phraseto_tsquery, which read their argument as text, never as syntax.
 */
export function toPostgresTsquery(terms: SearchTerms, first: number): { sql: string; parameters: string[] } {
  const parts: string[] = [];
  const parameters: string[] = [];
  const add = (fn: string, text: string): void => {
    parameters.push(text);
    parts.push(`${fn}('english', claimdesk_search_words($${first + parameters.length - 1}::text))`);
  };
  for (const word of terms.words) add('plainto_tsquery', word);
  for (const phrase of terms.phrases) add('phraseto_tsquery', phrase.join(' '));
  return { sql: parts.join(' && '), parameters };
}

const english = newStemmer('english');

/** A word as the index compares it: accents and case folded, then stemmed. */
export function searchStem(word: string): string {
  return english.stem(foldWord(word));
}

/** Case and accents folded ("Élysée" → "elysee"). */
export const foldWord = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
