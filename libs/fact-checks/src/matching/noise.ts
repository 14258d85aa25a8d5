/**
 * What a claim arrives wrapped in when it is pasted from a social post or a transcript: links, the
 * embed signature ("— Name (@handle) January 6, 2020"), speaker labels ("KAINE:"), handles and
 * hashtags. The words of a handle or a hashtag are kept (split at their capitals): "#IranUSA" and
 * "@realDonaldTrump" often name what the claim is about.
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

/** "realDonaldTrump" → "real Donald Trump", "IranUSA" → "Iran USA", "covid_19" → "covid 19". */
export function splitWords(tag: string): string {
  return tag
    .replace(/_/gu, ' ')
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/gu, '$1 $2')
    .replace(/([A-Za-z])(\d)/gu, '$1 $2')
    .replace(/(\d)([A-Za-z])/gu, '$1 $2')
    .trim();
}
