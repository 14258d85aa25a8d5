import { newStemmer } from 'snowball-stemmers';

/**
 * A text as the matcher compares it: stemmed content words in order (for phrases), the numbers it
 * states and the names it mentions. Pure and language-light: English stemming and stop words, since
 * the fact-check library the desk imports is English first; other words still match unstemmed.
 */
export interface AnalyzedText {
  /** Stemmed content words, in order, stop words removed. */
  terms: string[];
  /** Numbers as written, normalised: "1,000" → "1000", "70%" → "70". */
  numbers: string[];
  /** Stems of capitalised words that do not open a sentence: names, places, organisations. */
  entities: string[];
}

const stemmer = newStemmer('english');
const stems = new Map<string, string>();

/** Snowball English, memoised: the same few thousand words recur across a library. */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d/u.test(word) ? word : stemmer.stem(word);
    if (stems.size < 200_000) stems.set(word, stemmed);
  }
  return stemmed;
}

export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by ' +
    'can could did do does doing down during each few for from further had has have having he her here hers herself him ' +
    'himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other ' +
    'our ours ourselves out over own same she should so some such than that the their theirs them themselves then there ' +
    'these they this those through to too under until up very was we were what when where which while who whom why will ' +
    'with would you your yours yourself yourselves s t don didn doesn isn wasn aren weren won wouldn shouldn couldn ' +
    'says said say claim claims claimed rt via amp also just like get got one us new').split(' '),
);

/** Diacritics folded, curly quotes straightened, so "Zoë" and "Zoe" are one word. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[’‘`]/gu, "'");
}

const WORD = /\p{L}[\p{L}\p{N}']*|\d[\d,.]*\d%?|\d%?/gu;

export function analyze(text: string): AnalyzedText {
  const terms: string[] = [];
  const numbers: string[] = [];
  const entities: string[] = [];
  const folded = fold(text);
  let sentenceStart = true;
  let last = 0;
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    const index = match.index ?? 0;
    if (endsSentence(folded, last, index)) sentenceStart = true;
    last = index + word.length;
    if (/^\d/u.test(word)) {
      const number = normaliseNumber(word);
      numbers.push(number);
      terms.push(number);
      sentenceStart = false;
      continue;
    }
    // "US" and "U.S." are the country, never the pronoun.
    if (word === 'US' || word === 'USA' || (word === 'U' && folded.startsWith('U.S', index))) {
      terms.push('usa');
      if (!sentenceStart) entities.push('usa');
      sentenceStart = false;
      continue;
    }
    const lower = word.toLowerCase().replace(/'s?$/u, '').replace(/'/gu, '');
    const capitalised = /^\p{Lu}/u.test(word);
    if (lower.length === 0 || STOP_WORDS.has(lower)) {
      sentenceStart = false;
      continue;
    }
    const stemmed = stem(lower);
    terms.push(stemmed);
    if (capitalised && !sentenceStart && lower.length > 1) entities.push(stemmed);
    sentenceStart = false;
  }
  return { terms, numbers, entities };
}

const SENTENCE_END = new Set(['.', '!', '?', ':', ';', '"', '\n']);

/** Whether the gap between two words closes a sentence (so the next capital is no name). */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (SENTENCE_END.has(text[i])) return true;
  return false;
}

/** "1,000" → "1000", "3.50" → "3.5", "70%" → "70". */
export function normaliseNumber(word: string): string {
  let n = word.replace(/%$/u, '').replace(/,(?=\d{3}\b)/gu, '');
  if (/^\d+\.\d+$/u.test(n)) n = n.replace(/0+$/u, '').replace(/\.$/u, '');
  return n.replace(/[.,]+$/u, '');
}

/** Adjacent stemmed terms, the unit of phrase overlap. */
export function bigrams(terms: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 1; i < terms.length; i++) pairs.push(`${terms[i - 1]} ${terms[i]}`);
  return pairs;
}
