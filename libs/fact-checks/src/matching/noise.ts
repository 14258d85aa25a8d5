import { ENGLISH_WORDS_TEXT } from './english-words';
import { segment, Vocabulary, vocabularyByFrequency } from './segment';

/**
 * What a claim arrives wrapped in when it is pasted from a social post or a transcript: links, the
 * embed signature ("— Name (@handle) January 6, 2020"), speaker labels ("KAINE:"), handles and
 * hashtags. The words of a handle or a hashtag are kept (split at their capitals, and a lowercase run
 * into English words): "#IranUSA", "@realDonaldTrump" and "#climatechangeisreal" often name what the
 * claim is about.
 */
export interface CleanClaimText {
  /** The claim's words without the wrapping. */
  text: string;
  /** Who posted it, from the embed signature, if there was one. */
  author: string | null;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** "— Ilhan Omar (@IlhanMN) January 6, 2020" at the end of an embedded post. */
const SIGNATURE = new RegExp(`[—–-]+\\s*([^—–\\n]{0,100}?)\\s*\\(@(\\w{1,30})\\)\\s*(?:${MONTH}\\s+\\d{1,2},?\\s+\\d{4})?\\s*$`, 'u');
const LINK = /(?:https?\s?:\/\/|www\.)\S+|pic\.twitter\.com\/\w+|\bt\.co\/\w+/giu;
/** "KAINE:" or "MR. SMITH:" opening a line of a transcript: the speaker, not the claim. */
const SPEAKER = /(^|\n|[.!?]\s+)\s*(?:[A-Z][A-Z.'’-]*\s){0,3}[A-Z][A-Z.'’-]+:\s+/gu;
const TAG = /[@#](\w+)/gu;

export function stripClaimNoise(raw: string): CleanClaimText {
  let text = raw.replace(LINK, ' ');
  let author: string | null = null;
  const signature = SIGNATURE.exec(text);
  if (signature) {
    author = signature[1].trim() || splitWords(signature[2]);
    text = text.slice(0, signature.index);
  }
  text = text
    .replace(SPEAKER, '$1')
    .replace(TAG, (_, word: string) => ` ${splitWords(word)} `)
    .replace(/\s+/gu, ' ')
    .trim();
  return { text, author };
}

let english: Vocabulary | undefined;
/** Words of one or two letters a split may use only among this many most common ("of", "is", "we"). */
const SHORT_WORDS_AMONG = 500;

/**
 * The words lowercase hashtags are split into, read on first use: English words by frequency, those of
 * one or two letters only if very common (so "qanon" does not become "qa non", nor "txlege" "tx le ge").
 */
function englishWords(): Vocabulary {
  return (english ??= vocabularyByFrequency(ENGLISH_WORDS_TEXT.trim().split('\n').filter((w, rank) => w.length > 2 || rank < SHORT_WORDS_AMONG)));
}

/**
 * "realDonaldTrump" → "real Donald Trump", "IranUSA" → "Iran USA", "covid_19" → "covid 19",
 * "climatechangeisreal" → "climate change is real". A lowercase run that is no known word is also kept
 * whole, since the library may know it ("qanon" → "qanon q anon" would lose it; → "qanon" stays).
 */
export function splitWords(tag: string, vocabulary: Vocabulary = englishWords()): string {
  return tag
    .replace(/_/gu, ' ')
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .replace(/([A-Za-z])(\d)/gu, '$1 $2')
    .replace(/(\d)([A-Za-z])/gu, '$1 $2')
    .replace(/(?<![A-Za-z])[a-z]{4,}(?![A-Za-z])/gu, (run) => splitRun(run, vocabulary))
    .trim();
}

/** A lowercase run as its words; kept whole as well when it is no known word itself. */
function splitRun(run: string, vocabulary: Vocabulary): string {
  const words = segment(run, vocabulary);
  if (!words || words.length === 1) return run;
  return vocabulary.cost(run) === undefined ? `${run} ${words.join(' ')}` : words.join(' ');
}
