/// <reference lib="dom" />
// Pages are read as DOM documents (the desk's page-dom.ts; in the specs and the benchmark also linkedom and jsdom).
/**
 * What a web page says about its article (API.md "Articles and sources from the web"): the headline,
 * authors, publication date, language and publisher, read from JSON-LD (schema.org `Article` and its
 * kinds), OpenGraph, `<meta>` tags (citation_*, Dublin Core, Parse.ly, Sailthru) and `<html lang>`,
 * in that order of trust (for the title, bibliographic tags — citation_*, Dublin Core — before OpenGraph's
 * social card). Every value is cleaned to what the Article fields accept, or left out.
 */
export interface PageMetadata {
  title: string | null;
  authors: string[];
  publishedAt: string | null;
  language: string | null;
  publisher: string | null;
}

export const NO_PAGE_METADATA: PageMetadata = Object.freeze({ title: null, authors: [], publishedAt: null, language: null, publisher: null });

/** The Article fields' limits (ArticleMetadataDto). */
const TITLE_MAX = 500;
const NAME_MAX = 200;
const PUBLISHER_MAX = 300;
const MAX_AUTHORS = 50;

/** schema.org types of an article; a WebPage only when nothing better is there. */
const ARTICLE_TYPE = /(Article|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report)$/;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export function readPageMetadata(document: Document): PageMetadata {
  const meta = metaTags(document);
  const article = jsonLdArticle(document);
  const publisher = firstClean(cleanName(PUBLISHER_MAX), [
    nameOf(article?.['publisher']), meta('og:site_name'), meta('application-name'), meta('citation_journal_title'), meta('dc.publisher'),
  ]);
  const authors = pageAuthors(article, meta);
  return {
    title: pageTitle(document, article, meta, publisher, authors),
    authors,
    publishedAt: firstClean(cleanDate, [
      textOf(article?.['datePublished']), meta('article:published_time'), meta('og:article:published_time'), meta('og:published_time'), meta('citation_publication_date'),
      meta('citation_date'), meta('dc.date.issued'), meta('dcterms.issued'), meta('dc.date'), meta('parsely-pub-date'), meta('sailthru.date'),
      meta('date'), meta('pubdate'), meta('publishdate'), itemprop(document, 'datePublished'), textOf(article?.['dateCreated']),
      shownTime(document),
    ]),
    language: firstClean(cleanLanguage, [
      document.documentElement?.getAttribute('lang') ?? null, document.documentElement?.getAttribute('xml:lang') ?? null,
      meta('content-language'), meta('dc.language'), meta('og:locale'), textOf(article?.['inLanguage']),
    ]),
    publisher,
  };
}

/** Title, from the most trusted source that has one; a `<title>` loses its " | Site" part. */
function pageTitle(document: Document, article: JsonObject | null, meta: MetaLookup, publisher: string | null, authors: readonly string[]): string | null {
  const headings = Array.from(document.querySelectorAll('h1')).filter((h1) => !isSiteLogo(h1)).map((h1) => collapse(h1.textContent ?? ''));
  const clean = (title: string | null): string | null => {
    const cleaned = cleanTitle(title ?? '', publisher, headings, authors);
    return cleaned === null || isChrome(cleaned) || sameName(cleaned, publisher) ? null : cleanName(TITLE_MAX)(cleaned);
  };
  // Encyclopedias put a description in the headline ("constitutional monarchy in Oceania") and the
  // title in the name: the headline is trusted unless the page shows the name and not the headline.
  const documentTitle = collapse(document.querySelector('title')?.textContent ?? '');
  const shown = (text: string | null): boolean => text !== null && collapse(text) !== '' && (headings.includes(collapse(text)) || documentTitle.includes(collapse(text)));
  const headline = textOf(article?.['headline']);
  const name = textOf(article?.['name']);
  return firstClean(clean, [
    // A bibliographic title names the work; a social card's (og, twitter) is often re-written for sharing.
    // Dublin Core's RDFa property (dc:title) is its current form: it wins over the older name form (DC.title).
    !shown(headline) && shown(name) ? name : headline, meta('citation_title'), meta('dc:title'), meta('dcterms:title'), meta('dc.title'), meta('dcterms.title'),
    meta('og:title'), meta('twitter:title'), meta('parsely-title'), meta('sailthru.title'), document.querySelector('title')?.textContent ?? null, textOf(article?.['name']),
  ]);
}

/** A link to the site's home page: "/", "index.html", "https://v8.dev/". */
const HOME_LINK = /^(\/|\.\/|(\.\/)?index\.html?|https?:\/\/[^/?#]+\/?)$/i;

/**
 * A heading that is only a link home is the site's logo (`<h1><a href="/">V8</a></h1>`), not the
 * article's headline, even where it equals a part of the `<title>` (the site's part).
 */
function isSiteLogo(h1: Element): boolean {
  const links = h1.querySelectorAll('a');
  const link = links[0];
  return links.length === 1 && link !== undefined && HOME_LINK.test((link.getAttribute('href') ?? '').trim())
    && collapse(link.textContent ?? '') === collapse(h1.textContent ?? '');
}

function pageAuthors(article: JsonObject | null, meta: MetaLookup): string[] {
  const sources: Array<() => string[]> = [
    () => namesOf(article?.['author']),
    // Bibliographic tags before generic ones, as for the title; Dublin Core's property form before its name form.
    () => meta.all('citation_author'),
    () => meta.all('dc:creator'),
    () => meta.all('dcterms:creator'),
    () => meta.all('dc.creator'),
    () => meta.all('author'),
    () => meta.all('article:author'),
    () => meta.all('parsely-author'),
    () => meta.all('sailthru.author'),
    () => namesOf(article?.['creator']),
  ];
  for (const source of sources) {
    const names = cleanAuthors(source());
    if (names.length > 0) return names;
  }
  return [];
}

/** Longest name a byline shows; a longer text is a sentence or a whole block, not a name. */
const SHOWN_NAME_MAX = 80;

/**
 * The authors a page names only in its byline, marked as such (`rel="author"` links, schema.org
 * `itemprop="author"` microdata): the first one, and its co-authors in the same byline, not the
 * authors of the "more stories" lists further down, nor any in an aside, footer or menu. Less sure
 * than Readability's own byline (which also reads `class="byline"`): a page's first marked author is
 * now and then another article's.
 */
export function shownAuthors(document: Document): string[] {
  const marked = Array.from(document.querySelectorAll('body [itemprop~="author"], body a[rel~="author"]'))
    .filter((element) => element.closest('aside, footer, nav') === null);
  const byline = marked[0]?.parentElement?.parentElement ?? null;
  return marked.filter((element) => byline?.contains(element)).flatMap((element) => {
    const name = element.querySelector('[itemprop~="name"]') ?? element;
    const text = collapse(name.getAttribute('content') ?? name.textContent ?? '');
    return text.length <= SHOWN_NAME_MAX && !/\d/.test(text) ? [text] : [];
  });
}

/** "By", "By:", "Par": a byline's label, not a name (some pages give it alone). */
const BYLINE_LABEL = /^(by|par)\b:?\s*/i;

/** Author names as people write them: no "By ", no profile URLs, no duplicates. */
export function cleanAuthors(names: readonly string[]): string[] {
  const kept = new Map<string, string>();
  for (const raw of names) {
    const name = collapse(raw).replace(BYLINE_LABEL, '').trim();
    if (name === '' || /^https?:\/\//i.test(name) || name.length > NAME_MAX || isChrome(name)) continue;
    if (!kept.has(name.toLowerCase())) kept.set(name.toLowerCase(), name);
  }
  return [...kept.values()].slice(0, MAX_AUTHORS);
}

/**
 * Separators between a headline and a site's name in `<title>`: "Headline | Site", "Site - Headline",
 * the full-width ones of Chinese and Japanese titles, written without spaces ("見出し：サイト"), and the
 * underscore Chinese sites put between headline, section and site ("标题_科技_网站"), not one inside a word ("snake_case").
 */
const TITLE_SEPARATOR = /\s+[|\-–—·•»:/\\]{1,2}\s+|\s*[|·•»｜：－／]\s*|(?<=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])\s*_\s*|\s*_\s*(?=[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])/u;

/** A separator before or after a site's name at a title's edge, also unspaced ("Headline:Site"); a hyphen only spaced ("anti-Google"). */
const EDGE_SEPARATOR = String.raw`(\s*[|·•»｜：－／:_]\s*|\s+[\-–—/\\]{1,2}\s+)`;
const SEPARATOR_AT_END = new RegExp(`${EDGE_SEPARATOR}$`, 'u');
const SEPARATOR_AT_START = new RegExp(`^${EDGE_SEPARATOR}`, 'u');

/** Scripts written without spaces between words. */
const UNSPACED_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/**
 * Words of a part of a title. Chinese, Japanese and Thai are written without spaces: there a word is
 * taken as three characters ("腾讯网" one, "好奇心日报" two), near enough to tell a site's name from a
 * headline, and the same on every Node.js build (a dictionary word breaker depends on its ICU data).
 */
function wordCount(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (UNSPACED_SCRIPT.test(token)) count += Math.ceil([...token].length / 3);
    else if (/[\p{L}\p{N}]/u.test(token)) count++; // not "(" or "-"
  }
  return count;
}

/**
 * A title without its site name: the part that is the page's `<h1>` when there is one, else without
 * the segments that name the publisher or an author, and without trailing segments of one or two
 * words ("Headline | Code | Jane Doe"). A title with no separator stays whole.
 */
export function cleanTitle(title: string, siteName: string | null, headings: readonly string[] = [], authors: readonly string[] = []): string | null {
  const whole = withoutSiteAtEdge(withoutBracketedSite(collapse(title), siteName), siteName);
  if (whole === '') return null;
  const segments = whole.split(new RegExp(TITLE_SEPARATOR.source, 'gu')).map((s) => s.trim()).filter((s) => s !== '');
  if (segments.length < 2) return whole;
  const heading = headings.find((h) => h !== '' && (h === whole || segments.includes(h) || (whole.startsWith(h) && h.length >= whole.length / 2)));
  const headingIsSite = heading !== undefined && namesTheSite(heading, segments, siteName);
  if (heading !== undefined && !headingIsSite) return heading;
  const names = [siteName, ...authors, headingIsSite ? heading : null];
  let kept = segments.filter((s) => !names.some((name) => sameName(s, name)));
  if (kept.length === 0) kept = segments;
  const words = (parts: readonly string[]): number => wordCount(parts.join(' '));
  while (kept.length > 1 && words(kept.slice(-1)) <= 2 && words(kept.slice(0, -1)) >= 3) kept = kept.slice(0, -1);
  return kept.length === segments.length ? whole : rejoin(whole, kept);
}

/**
 * Whether an `<h1>` that is one end of the title is the site's name rather than the headline: blogs and
 * Chinese portals put their name in the page's heading ("Jo's notes - A long post title"). It is, when the
 * rest of the title has a part more than three times as long, and no other part already names the site.
 */
function namesTheSite(heading: string, segments: readonly string[], siteName: string | null): boolean {
  const others = segments.filter((s) => s !== heading);
  const atEnd = segments[0] === heading || segments[segments.length - 1] === heading;
  return atEnd && others.length > 0 && !others.some((s) => sameName(s, siteName))
    && Math.max(...others.map(wordCount)) > 3 * wordCount(heading);
}

/** A trailing "[…]": the site's name in some CMSs' titles ("Chapter 1 | Fandom [Archive of Our Own]"). */
const BRACKETED_END = /\s+\[([^[\]]+)\]$/;

/**
 * The title without a bracketed site name at its end: one that names the site, or any at the end of a
 * title composed of parts ("Headline | Section [Site]"); a headline's own brackets stay ("Why [redacted] matters").
 */
function withoutBracketedSite(whole: string, siteName: string | null): string {
  const bracketed = BRACKETED_END.exec(whole);
  if (bracketed === null || bracketed.index === 0) return whole;
  const before = whole.slice(0, bracketed.index);
  return sameName(bracketed[1] ?? '', siteName) || TITLE_SEPARATOR.test(before) ? before : whole;
}

/** The title without the site's name at its start or end, whatever the separator ("見出し：サイト", "Headline:Site"). */
function withoutSiteAtEdge(whole: string, siteName: string | null): string {
  const site = collapse(siteName ?? '').toLowerCase();
  if (site === '' || site.length >= whole.length) return whole;
  if (whole.slice(-site.length).toLowerCase() === site) {
    const rest = whole.slice(0, -site.length);
    const separator = SEPARATOR_AT_END.exec(rest);
    if (separator !== null && separator.index > 0) return rest.slice(0, separator.index).trim();
  }
  if (whole.slice(0, site.length).toLowerCase() === site) {
    const rest = whole.slice(site.length);
    const separator = SEPARATOR_AT_START.exec(rest);
    if (separator !== null && separator[0].length < rest.length) return rest.slice(separator[0].length).trim();
  }
  return whole;
}

/** The kept segments with the separators the title had between them. */
function rejoin(whole: string, kept: readonly string[]): string {
  const first = kept[0] ?? '';
  const last = kept[kept.length - 1] ?? '';
  const start = whole.indexOf(first);
  const end = whole.lastIndexOf(last) + last.length;
  return start >= 0 && end > start ? whole.slice(start, end) : kept.join(' - ');
}

/** Page chrome that is never a title or a name. */
const CHROME = /^(skip (to|navigation)|jump to|menu|home|search|log ?in|sign ?in|subscribe|advertisement|cookies?)\b/i;
const isChrome = (text: string): boolean => CHROME.test(text) && text.split(/\s+/).length <= 4;

/** "The Guardian" and "guardian.com" name the same site as "the Guardian". */
function sameName(a: string, b: string | null): boolean {
  if (b === null) return false;
  const key = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/^www\./, '').replace(/\.(com|org|net|co\.uk|fr|de)$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
  return key(a) !== '' && key(a) === key(b);
}

/**
 * An ISO 8601 UTC time, from any date a page gives ("2019-01-03T07:00:02.000Z", "2015-07-24T05:36:09+0100",
 * "2017-11-03 03:01:00", "2016-11-28 16:23:00 -0500", "2018-10-29T10:15-500", "Tue, 02 Jul 2013 10:00:00 GMT");
 * null when it is not a plausible date.
 */
export function cleanDate(raw: string): string | null {
  const text = collapse(raw)
    .replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2')
    .replace(/(T[\d:.]+) ([+-]\d{2}:?\d{2})$/, '$1$2') // "16:23:00 -0500"
    .replace(/(:\d{2}[+-])(\d{3})$/, (_, time: string, offset: string) => `${time}0${offset}`) // "10:15-500"
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (!/\d{4}/.test(text)) return null;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  const year = new Date(time).getUTCFullYear();
  return year >= 1800 && year <= 2200 ? new Date(time).toISOString() : null;
}

/** A BCP 47 tag in its canonical case ("en_us" → "en-US"), or null. */
export function cleanLanguage(raw: string): string | null {
  const tag = raw.trim().split(/[,;\s]/)[0]?.replace(/_/g, '-') ?? '';
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag) || tag.length > 35) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

const cleanName = (max: number) => (raw: string): string | null => {
  const text = collapse(raw);
  if (text === '') return null;
  return [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('').trimEnd()}…`;
};

function firstClean(clean: (raw: string) => string | null, candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const candidate of candidates) {
    const cleaned = candidate ? clean(candidate) : null;
    if (cleaned) return cleaned;
  }
  return null;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

interface MetaLookup {
  (name: string): string | null;
  all(name: string): string[];
}

/** `<meta name|property|http-equiv=… content=…>`, names compared case-insensitively. */
function metaTags(document: Document): MetaLookup {
  const values = new Map<string, string[]>();
  for (const tag of Array.from(document.querySelectorAll('meta'))) {
    const content = tag.getAttribute('content');
    if (content === null || content.trim() === '') continue;
    const keys = `${tag.getAttribute('name') ?? ''} ${tag.getAttribute('property') ?? ''} ${tag.getAttribute('http-equiv') ?? ''}`;
    // RDFa allows several space-separated properties in one attribute.
    for (const key of keys.toLowerCase().split(/\s+/).filter((k) => k !== '')) values.set(key, [...(values.get(key) ?? []), content]);
  }
  const lookup = (name: string): string | null => values.get(name)?.[0] ?? null;
  return Object.assign(lookup, { all: (name: string) => values.get(name) ?? [] });
}

function itemprop(document: Document, name: string): string | null {
  const element = document.querySelector(`[itemprop="${name}"]`);
  return element?.getAttribute('content') ?? element?.getAttribute('datetime') ?? null;
}

/**
 * The date a page shows only to its readers: its first `<time datetime>`, one in the article (or the
 * main part) before one elsewhere, where a header may show today's date.
 */
function shownTime(document: Document): string | null {
  const time = document.querySelector('article time[datetime], main time[datetime]') ?? document.querySelector('time[datetime]');
  return time?.getAttribute('datetime') ?? null;
}

/** The page's article in its JSON-LD: through arrays and `@graph`, an `Article` kind first, else a WebPage. */
function jsonLdArticle(document: Document): JsonObject | null {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collectNodes(JSON.parse(withoutCdata(script.textContent ?? '')) as Json, nodes, 0);
    } catch {
      continue; // broken JSON-LD is common; the page has other sources
    }
  }
  const byId = new Map(nodes.filter((n) => typeof n['@id'] === 'string').map((n) => [n['@id'] as string, n]));
  const found = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t))) ?? nodes.find((n) => typesOf(n).includes('WebPage') && n['headline'] !== undefined);
  if (found === undefined) return null;
  // Authors and publishers are often given by reference to another node of the graph.
  const resolve = (value: Json | undefined): Json | undefined =>
    Array.isArray(value) ? value.map((v) => resolve(v) ?? null) : isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1 ? (byId.get(value['@id']) ?? value) : value;
  return { ...found, author: resolve(found['author']) ?? null, publisher: resolve(found['publisher']) ?? null };
}

/** Some CMSs wrap JSON-LD in a CDATA section (`<![CDATA[…]]>`, also behind `//` comments); JSON does not. */
const withoutCdata = (text: string): string => text.replace(/^\s*(\/\/\s*)?<!\[CDATA\[/, '').replace(/(\/\/\s*)?\]\]>\s*$/, '');

function collectNodes(value: Json, into: JsonObject[], depth: number): void {
  if (depth > 4) return;
  if (Array.isArray(value)) value.forEach((v) => collectNodes(v, into, depth + 1));
  else if (isObject(value)) {
    into.push(value);
    if (Array.isArray(value['@graph'])) collectNodes(value['@graph'], into, depth + 1);
  }
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** A string, or the first string of an array. */
function textOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).find((v) => v !== null) ?? null;
  return null;
}

/** A Person/Organization's name, a plain string, or an array of either. */
function namesOf(value: Json | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (isObject(value)) return namesOf(value['name']);
  return [];
}

function nameOf(value: Json | undefined): string | null {
  return namesOf(value)[0] ?? null;
}
