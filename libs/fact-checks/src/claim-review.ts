/** A fact-check's fields as the library stores them (API.md, "Fact-check library"). */
export interface FactCheckFields {
  url: string;
  claimReviewed: string;
  headline: string;
  publisher: string | null;
  datePublished: string | null;
  claimant: string | null;
  rating: { label: string | null; value: number | null; best: number | null; worst: number | null };
  language: string | null;
}

export type ClaimReviewReading = { ok: true; fields: FactCheckFields } | { ok: false; reason: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

function text(value: unknown, max: number): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.replace(/\s+/gu, ' ').trim();
  return trimmed === '' ? null : trimmed.slice(0, max);
}

/** schema.org lets `author` be a name, a Person/Organization, or a list of them: the first name wins. */
function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return value.map(nameOf).find((name) => name !== null) ?? null;
  if (isObject(value)) return text(value.name, 300) ?? text(value.alternateName, 300);
  return text(value, 300);
}

function numberOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

function typeIs(value: Json, type: string): boolean {
  const t = value['@type'];
  return t === type || (Array.isArray(t) && t.includes(type));
}

/** A DataFeed's element is the ClaimReview itself or a DataFeedItem carrying it under `item`. */
export function unwrapFeedItem(value: unknown): unknown {
  return isObject(value) && !typeIs(value, 'ClaimReview') && isObject(value.item) ? value.item : value;
}

/** Reads one schema.org ClaimReview, or says in a few words why it cannot go in the library. */
export function readClaimReview(value: unknown): ClaimReviewReading {
  const item = unwrapFeedItem(value);
  if (!isObject(item)) return { ok: false, reason: 'not a ClaimReview object' };
  if (item['@type'] !== undefined && !typeIs(item, 'ClaimReview')) return { ok: false, reason: `@type is ${JSON.stringify(item['@type'])}, not ClaimReview` };
  const url = text(item.url, 2048);
  if (url === null) return { ok: false, reason: 'url is missing' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'url is not a URL' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false, reason: 'url must be http or https' };
  const claimReviewed = text(item.claimReviewed, 10_000);
  if (claimReviewed === null) return { ok: false, reason: 'claimReviewed is missing' };
  const rating = isObject(item.reviewRating) ? item.reviewRating : {};
  const reviewed = isObject(item.itemReviewed) ? item.itemReviewed : {};
  const language = isObject(item.inLanguage) ? text(item.inLanguage.alternateName, 35) ?? text(item.inLanguage.name, 35) : text(item.inLanguage, 35);
  const date = text(item.datePublished, 30);
  return {
    ok: true,
    fields: {
      url,
      claimReviewed,
      headline: text(item.headline, 1000) ?? text(item.name, 1000) ?? '',
      publisher: nameOf(item.author) ?? nameOf(item.publisher),
      datePublished: date !== null && !Number.isNaN(Date.parse(date)) ? date : null,
      claimant: nameOf(reviewed.author),
      rating: {
        label: text(rating.alternateName, 200) ?? text(rating.name, 200),
        value: numberOf(rating.ratingValue),
        best: numberOf(rating.bestRating),
        worst: numberOf(rating.worstRating),
      },
      language,
    },
  };
}
