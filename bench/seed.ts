/**
 * Seeds a running ClaimDesk through its public API (the honest path: every row is written by the
 * real services, audit log and all), for the API benchmark (bench/api.bench.ts).
 *
 * Deterministic content from a seeded generator:
 * - the main article: ~30 KB of newsroom prose, 200 claims, each with 5 annotations (two threads
 *   with replies and a question), 2 sources (shared across claims by URL, as evidence is in a
 *   newsroom) and 1 verdict (draft, submitted, approved or published);
 * - 50 smaller articles (~3 KB, 4 claims, 2 notes, 1 source and a draft verdict each).
 * Six people: the admin, three reviewers, two editors.
 */
import { performance } from 'node:perf_hooks';

export interface SeedUser {
  id: string;
  token: string;
  role: 'admin' | 'reviewer' | 'editor';
  displayName: string;
}

export interface Seeded {
  /** The ~30 KB article with 200 fully annotated claims: the workspace that is measured. */
  bigArticleId: string;
  bigClaimIds: string[];
  /** A claim on a small article: the benchmark's annotation POSTs go there, leaving the big workspace as seeded. */
  postClaimId: string;
  smallArticleIds: string[];
  /** A copy of the main article's text without claims: the claim-by-quote POSTs mark it, leaving the others as seeded. */
  quoteArticleId: string;
  /** Quote selectors on that copy: a phrase that occurs many times, told apart by its prefix and suffix. */
  quoteSelectors: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }[];
  /** An article of the same size with 200 claims, each with a source and a published verdict: the measured reports. */
  reportArticleId: string;
  /** A period holding every verdict published while seeding (the period report). */
  period: { from: string; to: string };
  /** The reviewer whose token the load generator sends. */
  reviewer: SeedUser;
  users: SeedUser[];
  requests: number;
  seconds: number;
}

// ---------------------------------------------------------------- seeded randomness

export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
const int = (rnd: Random, lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));

// ---------------------------------------------------------------- newsroom prose

const PEOPLE = [
  'Alexander Prokopchuk', 'Kim Jong-yang', 'José Martínez', 'Zoë Dubois', 'Łukasz Nowak', 'Ngozi Okafor', 'Sarah Cohen',
  'Yusuf Demir', 'Aiko Tanaka', 'Óscar Núñez', 'Marta Kowalska', 'Mehmet Yılmaz', 'Fatima Al-Sayed', 'Jürgen Braun',
];
const ROLES = [
  'the interior minister', 'a senior official at the agency', 'the committee chair', 'a spokesperson for the ministry',
  'the opposition leader', 'the mayor', 'a former adviser', 'the finance minister', 'the police chief',
];
const ORGS = [
  'Interpol', 'the European Commission', 'the Finance Ministry', 'the central bank', 'the city council',
  'the statistics office', 'the World Health Organization', 'the electoral commission', 'the port authority',
];
const TOPICS = [
  'unemployment', 'the budget deficit', 'violent crime', 'vaccination coverage', 'grain exports', 'housing prices',
  'carbon emissions', 'voter turnout', 'public debt', 'hospital waiting times', 'energy imports', 'youth employment',
];
const CHANGES = ['rose', 'fell', 'doubled', 'dropped', 'increased', 'declined', 'grew', 'shrank'];
const PLACES = ['Dubai', 'Lyon', 'Kyiv', 'Seoul', 'Brussels', 'São Paulo', 'Kraków', 'Zürich', 'Lagos'];
const OBJECTS = [
  'a new reporting system', 'the emergency fund', 'stricter border controls', 'an independent audit',
  'the tax reform', 'a pilot programme', 'the draft resolution', 'the procurement contracts', 'a ban on exports',
];
const VERBS = ['approved', 'rejected', 'delayed', 'launched', 'criticised', 'suspended', 'expanded', 'blocked'];
const WHEN = ['after weeks of talks', 'despite strong opposition', 'for the first time since 2011', 'without a public vote', 'ahead of the summit'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** One checkable sentence (a claim) and, now and then, a sentence of colour that is not one. */
function claimSentence(rnd: Random): string {
  const sentence = rawClaimSentence(rnd);
  return sentence[0].toUpperCase() + sentence.slice(1);
}

function rawClaimSentence(rnd: Random): string {
  const who = `${pick(rnd, PEOPLE)}, ${pick(rnd, ROLES)},`;
  switch (int(rnd, 0, 4)) {
    case 0:
      return `${pick(rnd, PEOPLE)} said that ${pick(rnd, TOPICS)} ${pick(rnd, CHANGES)} by ${int(rnd, 2, 60)} per cent between ${int(rnd, 2008, 2014)} and ${int(rnd, 2016, 2023)}.`;
    case 1:
      return `According to ${pick(rnd, ORGS)}, ${pick(rnd, TOPICS)} in ${pick(rnd, PLACES)} ${pick(rnd, CHANGES)} to ${int(rnd, 3, 900)}.${int(rnd, 0, 9)} thousand last ${pick(rnd, MONTHS)}, the “highest level in a decade”.`;
    case 2:
      return `${who} claimed that ${pick(rnd, ORGS)} ${pick(rnd, VERBS)} ${pick(rnd, OBJECTS)} ${pick(rnd, WHEN)}.`;
    case 3:
      return `“We have cut ${pick(rnd, TOPICS)} in half,” ${pick(rnd, PEOPLE)} told reporters in ${pick(rnd, PLACES)} on ${int(rnd, 1, 28)} ${pick(rnd, MONTHS)}.`;
    default:
      return `${pick(rnd, ORGS)} was “the favourite” to lead ${pick(rnd, OBJECTS)}, and ${int(rnd, 2, 40)} member states had already backed it, ${pick(rnd, PEOPLE)} wrote 📈.`;
  }
}

function colourSentence(rnd: Random): string {
  return pick(rnd, [
    `The meeting in ${pick(rnd, PLACES)} ran late into the evening.`,
    `Officials declined to comment on the record.`,
    `Observers described the mood as tense but cordial.`,
    `A vote is expected before the end of ${pick(rnd, MONTHS)}.`,
    `Neither side released the full text of the agreement.`,
  ]);
}

export interface Prose {
  text: string;
  /** The sentences to mark as claims, in order of appearance. */
  claims: string[];
}

/** Paragraphs of 3-6 sentences until `claims` checkable sentences are written. */
export function prose(rnd: Random, claims: number, colourEvery = 3): Prose {
  const paragraphs: string[] = [];
  const marked: string[] = [];
  while (marked.length < claims) {
    const sentences: string[] = [];
    for (let n = int(rnd, 3, 6); n > 0 && marked.length < claims; n--) {
      const sentence = claimSentence(rnd);
      sentences.push(sentence);
      marked.push(sentence);
      if (int(rnd, 1, colourEvery) === 1) sentences.push(colourSentence(rnd));
    }
    paragraphs.push(sentences.join(' '));
  }
  return { text: paragraphs.join('\n\n'), claims: marked };
}

function markdownNote(rnd: Random, words: number): string {
  const bits = [
    `I checked the **${int(rnd, 2015, 2023)} annual report** of ${pick(rnd, ORGS)}`,
    `the figure for ${pick(rnd, TOPICS)} is in table ${int(rnd, 1, 12)}`,
    `see [the release](https://stats.example.org/releases/${int(rnd, 1000, 9999)})`,
    `the base year matters here: ${int(rnd, 2008, 2014)} was a low point`,
    `${pick(rnd, PEOPLE)} gave a different number in an interview with us`,
    `> “${pick(rnd, TOPICS)} ${pick(rnd, CHANGES)} sharply”, says the press office`,
    `the methodology changed in ${int(rnd, 2016, 2021)}, so the series is not comparable`,
    `we should ask ${pick(rnd, ORGS)} for the underlying data`,
    `- per capita the change is much smaller`,
    `I could not find the quote in the transcript`,
  ];
  const out: string[] = [];
  let count = 0;
  while (count < words) {
    const bit = pick(rnd, bits);
    out.push(bit);
    count += bit.split(' ').length;
  }
  return `${out.join('; ')}.`;
}

// ---------------------------------------------------------------- HTTP

class Client {
  requests = 0;

  constructor(private readonly base: string) {}

  async call<T>(method: string, path: string, body?: unknown, token?: string, expect: number[] = [200, 201]): Promise<T> {
    this.requests++;
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${this.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Runs `work` over `items` with at most `width` at a time (the server serialises writes anyway). */
async function pool<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  });
  await Promise.all(lanes);
}

/** Code-point offsets of each sentence in the canonical text, searching forward. */
function positions(text: string, sentences: readonly string[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let from = 0;
  let cpAt = 0;
  let utf16At = 0;
  for (const sentence of sentences) {
    const at = text.indexOf(sentence, from);
    if (at < 0) throw new Error(`sentence not found in the canonical text: ${sentence}`);
    cpAt += [...text.slice(utf16At, at)].length;
    utf16At = at;
    const start = cpAt;
    out.push({ start, end: start + [...sentence].length });
    from = at + sentence.length;
  }
  return out;
}

const RATINGS = ['true', 'mostly-true', 'mixed', 'mostly-false', 'false', 'unsupported'];
const KINDS = ['primary', 'official', 'news', 'dataset', 'interview', 'other'];
const STANCES = ['supports', 'refutes', 'context'];

function sourceInput(rnd: Random, n: number): Record<string, unknown> {
  const host = ['stats.example.org', 'www.ministry.example.gov', 'news.example.com', 'data.example.int', 'archive.example.net'][n % 5];
  return {
    url: `https://${host}/${['reports', 'releases', 'articles', 'datasets'][n % 4]}/${2015 + (n % 9)}/${n}-${pick(rnd, TOPICS).replace(/\s+/g, '-')}?utm_source=desk`,
    title: `${pick(rnd, ORGS)}: ${pick(rnd, TOPICS)} ${int(rnd, 2015, 2023)}`.replace(/^the /, 'The '),
    publisher: pick(rnd, ORGS).replace(/^the /, 'The '),
    publishedAt: `${int(rnd, 2015, 2023)}-0${int(rnd, 1, 9)}-1${int(rnd, 0, 9)}`,
    kind: KINDS[n % KINDS.length],
  };
}

// ---------------------------------------------------------------- seeding

export interface SeedOptions {
  baseUrl: string;
  admin: { email: string; password: string };
  claims?: number;
  smallArticles?: number;
  /** Concurrent request lanes while seeding. */
  width?: number;
}

/**
 * Every occurrence of `phrase` in `text` as a TextQuoteSelector with the desk's context (up to 32 code
 * points each side), so that each one is found by its prefix and suffix among the others.
 */
export function quoteSelectorsOf(text: string, phrase: string): Seeded['quoteSelectors'] {
  const chars = Array.from(text);
  const exact = Array.from(phrase);
  const out: Seeded['quoteSelectors'] = [];
  for (let i = 0; i + exact.length <= chars.length; i++) {
    if (chars[i] !== exact[0] || chars.slice(i, i + exact.length).join('') !== phrase) continue;
    out.push({
      type: 'TextQuoteSelector', exact: phrase,
      prefix: chars.slice(Math.max(0, i - 32), i).join(''), suffix: chars.slice(i + exact.length, i + exact.length + 32).join(''),
    });
  }
  return out;
}

export async function seedDesk(options: SeedOptions): Promise<Seeded> {
  const started = performance.now();
  const periodFrom = new Date(Date.now() - 60_000).toISOString();
  const http = new Client(options.baseUrl);
  const rnd = mulberry32(2026);
  const width = options.width ?? 4;

  const login = async (email: string, password: string) =>
    http.call<{ token: string; user: { id: string; displayName: string; role: SeedUser['role'] } }>('POST', '/api/v1/auth/login', { email, password });
  const admin = await login(options.admin.email, options.admin.password);
  const users: SeedUser[] = [{ id: admin.user.id, token: admin.token, role: 'admin', displayName: admin.user.displayName }];
  const people: [string, SeedUser['role']][] = [
    ['Rita Alves', 'reviewer'], ['Tomasz Wiśniewski', 'reviewer'], ['Amara Nwosu', 'reviewer'], ['Edith Kramer', 'editor'], ['Hugo Lindqvist', 'editor'],
  ];
  for (const [displayName, role] of people) {
    const email = `${displayName.split(' ')[0].toLowerCase()}@bench.desk`;
    const password = `bench-password-${role}`;
    await http.call('POST', '/api/v1/users', { email, displayName, role, password }, admin.token);
    const signedIn = await login(email, password);
    users.push({ id: signedIn.user.id, token: signedIn.token, role, displayName });
  }
  const reviewers = users.filter((u) => u.role === 'reviewer');
  const editors = users.filter((u) => u.role === 'editor');

  /** One claim's thread, evidence and verdict, the way a desk builds them up. */
  const review = async (claimId: string, i: number, big: boolean): Promise<void> => {
    const r = mulberry32(1000 + i + (big ? 0 : 100_000));
    const author = reviewers[i % reviewers.length];
    const other = reviewers[(i + 1) % reviewers.length];
    const editor = editors[i % editors.length];
    const note = (words: number) => markdownNote(r, words);
    const post = (user: SeedUser, body: Record<string, unknown>) =>
      http.call<{ id: string }>('POST', `/api/v1/claims/${claimId}/annotations`, body, user.token);
    if (big) {
      const first = await post(author, { body: note(int(r, 40, 70)) });
      await post(editor, { body: note(int(r, 25, 45)), parentId: first.id, motivation: 'questioning' });
      await post(author, { body: note(int(r, 25, 45)), parentId: first.id });
      const second = await post(other, { body: note(int(r, 40, 70)), motivation: 'assessing' });
      await post(author, { body: note(int(r, 15, 30)), parentId: second.id });
    } else {
      const first = await post(author, { body: note(int(r, 30, 50)) });
      await post(other, { body: note(int(r, 10, 25)), parentId: first.id });
    }
    for (let s = 0; s < (big ? 2 : 1); s++) {
      const n = big ? (i * 2 + s) % 150 : 150 + ((i * 7 + s) % 60);
      await http.call('POST', `/api/v1/claims/${claimId}/sources`, {
        source: sourceInput(r, n), stance: STANCES[(i + s) % 3],
        excerpt: `“${note(int(r, 12, 25))}”`, note: s === 0 ? note(int(r, 8, 16)) : null,
      }, author.token);
    }
    const verdict = await http.call<{ id: string }>('POST', `/api/v1/claims/${claimId}/verdicts`, {
      rating: RATINGS[i % RATINGS.length], rationale: note(int(r, 50, 80)), confidence: Math.round(r() * 100) / 100,
    }, author.token);
    if (!big) return;
    // 40% drafts, 20% submitted, 20% approved, 20% published.
    const stage = i % 5;
    if (stage >= 2) await http.call('POST', `/api/v1/verdicts/${verdict.id}/submit`, {}, author.token);
    if (stage >= 3) await http.call('POST', `/api/v1/verdicts/${verdict.id}/approve`, {}, editor.token);
    if (stage >= 4) await http.call('POST', `/api/v1/verdicts/${verdict.id}/publish`, {}, editor.token);
  };

  const createArticle = async (p: Prose, author: SeedUser, n: number): Promise<{ id: string; text: string }> =>
    http.call<{ id: string; text: string }>('POST', '/api/v1/articles', {
      format: 'text', content: p.text, title: `${pick(rnd, ORGS).replace(/^the /, 'The ')} under scrutiny (${n})`,
      url: `https://news.example.com/2026/11/${n}`, publisher: 'The Example Times', authors: [pick(rnd, PEOPLE)],
      publishedAt: '2026-11-21', language: 'en',
    }, author.token);

  const markClaims = async (articleId: string, text: string, p: Prose, author: SeedUser): Promise<string[]> => {
    const spans = positions(text, p.claims);
    const ids: string[] = new Array(spans.length);
    await pool(spans, width, async (span, i) => {
      const claim = await http.call<{ id: string }>('POST', `/api/v1/articles/${articleId}/claims`, {
        selector: { type: 'TextPositionSelector', start: span.start, end: span.end },
        claimant: pick(rnd, PEOPLE), tags: [pick(rnd, TOPICS), i % 4 === 0 ? 'statistics' : 'quote'],
      }, author.token);
      ids[i] = claim.id;
    });
    return ids;
  };

  // The main article.
  const claims = options.claims ?? 200;
  const mainProse = prose(rnd, claims, 2);
  const main = await createArticle(mainProse, reviewers[0], 0);
  const bigClaimIds = await markClaims(main.id, main.text, mainProse, reviewers[0]);
  await pool(bigClaimIds, width, (id, i) => review(id, i, true));

  // The smaller articles.
  const smallArticleIds: string[] = [];
  const smallClaims: string[] = [];
  const count = options.smallArticles ?? 50;
  // ~3 KB of text each, of which 4 sentences are marked.
  const smallProse = Array.from({ length: count }, () => {
    const p = prose(rnd, 18);
    return { text: p.text, claims: p.claims.slice(0, 4) };
  });
  await pool(smallProse, Math.max(1, Math.floor(width / 2)), async (p, n) => {
    const author = reviewers[n % reviewers.length];
    const article = await createArticle(p, author, n + 1);
    smallArticleIds[n] = article.id;
    const ids = await markClaims(article.id, article.text, p, author);
    if (n === 0) smallClaims.push(...ids);
    for (const [i, id] of ids.entries()) await review(id, n * 4 + i, false);
  });

  // A copy of the main text to mark by quote, and an article whose 200 claims all have a published verdict.
  const quoteArticle = await createArticle({ text: mainProse.text, claims: [] }, reviewers[0], 1000);
  const quoteSelectors = quoteSelectorsOf(quoteArticle.text, 'per cent');
  const reportProse = prose(mulberry32(4242), claims, 2);
  const reportArticle = await createArticle(reportProse, reviewers[1], 1001);
  const reportClaimIds = await markClaims(reportArticle.id, reportArticle.text, reportProse, reviewers[1]);
  await pool(reportClaimIds, width, async (claimId, i) => {
    const r = mulberry32(5000 + i);
    const author = reviewers[(i + 1) % reviewers.length];
    const editor = editors[i % editors.length];
    await http.call('POST', `/api/v1/claims/${claimId}/sources`, {
      source: sourceInput(r, (i * 3) % 150), stance: STANCES[i % 3], excerpt: `“${markdownNote(r, int(r, 12, 25))}”`, note: null,
    }, author.token);
    const verdict = await http.call<{ id: string }>('POST', `/api/v1/claims/${claimId}/verdicts`, {
      rating: RATINGS[i % RATINGS.length], rationale: markdownNote(r, int(r, 50, 80)), confidence: Math.round(r() * 100) / 100,
    }, author.token);
    await http.call('POST', `/api/v1/verdicts/${verdict.id}/submit`, {}, author.token);
    await http.call('POST', `/api/v1/verdicts/${verdict.id}/approve`, {}, editor.token);
    await http.call('POST', `/api/v1/verdicts/${verdict.id}/publish`, {}, editor.token);
  });

  return {
    bigArticleId: main.id, bigClaimIds, postClaimId: smallClaims[0], smallArticleIds, reviewer: reviewers[0], users,
    quoteArticleId: quoteArticle.id, quoteSelectors, reportArticleId: reportArticle.id,
    period: { from: periodFrom, to: new Date(Date.now() + 86_400_000).toISOString() },
    requests: http.requests, seconds: (performance.now() - started) / 1000,
  };
}
