import type {
  ArticleReport,
  ClaimReport,
  PersonRef,
  ReportedAnnotation,
  ReportedSource,
  ReportedVerdict,
  VerdictReport,
} from '../../report.model';
import { compareClaimsInReadingOrder } from '../../report.model';

/** Builders of report models for tests: sensible defaults, overridden where a test cares. */

let sequence = 0;
/** A UUID-shaped id, unique per call, stable across runs (tests compare output). */
export function testId(prefix: string): string {
  sequence++;
  const hex = (prefix.split('').reduce((sum, char) => sum + char.charCodeAt(0), 0) * 4099 + sequence).toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex.slice(-12)}`;
}

export const ANA: PersonRef = { id: '11111111-1111-4111-8111-111111111111', displayName: 'Ana Reviewer' };
export const EDDIE: PersonRef = { id: '22222222-2222-4222-8222-222222222222', displayName: 'Eddie Editor' };

export function aVerdict(overrides: Partial<ReportedVerdict> = {}): ReportedVerdict {
  return {
    id: testId('verdict'),
    rating: 'mostly-false',
    ratingLabel: 'Mostly false',
    ratingValue: 2,
    scale: { id: 'claimdesk-6', name: 'ClaimDesk six-point', bestRating: 5, worstRating: 1 },
    rationale: 'The Times called him a *favourite*, but [Interpol](https://www.interpol.int/) never did.',
    confidence: 0.8,
    status: 'published',
    author: ANA,
    reviewer: EDDIE,
    reviewNote: null,
    publishedAt: '2026-11-20T10:00:00.000Z',
    supersedes: null,
    correctionNote: null,
    createdAt: '2026-11-19T09:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

export function aSource(overrides: Partial<ReportedSource> = {}, url = 'https://www.thetimes.co.uk/article/russian-favourite-interpol'): ReportedSource {
  return {
    stance: 'refutes',
    excerpt: 'Mr Prokopchuk was regarded as the frontrunner.',
    note: null,
    source: {
      id: testId('source'),
      url,
      title: 'Russian favourite to lead Interpol',
      publisher: 'The Times',
      publishedAt: '2018-11-18T00:00:00.000Z',
      kind: 'news',
      archiveUrl: null,
    },
    snapshot: null,
    ...overrides,
  };
}

export function anAnnotation(overrides: Partial<ReportedAnnotation> = {}): ReportedAnnotation {
  return {
    id: testId('annotation'),
    parentId: null,
    author: ANA,
    body: 'Check what *The Times* actually wrote.',
    motivation: 'commenting',
    createdAt: '2026-11-18T08:00:00.000Z',
    editedAt: null,
    deleted: false,
    ...overrides,
  };
}

export function aClaim(overrides: Partial<ClaimReport> = {}): ClaimReport {
  const verdicts = overrides.verdicts ?? [aVerdict()];
  const start = overrides.start === undefined ? 520 : overrides.start;
  const end = overrides.end === undefined ? 546 : overrides.end;
  return {
    id: testId('claim'),
    quote: 'was the "favorite" to lead',
    prefix: 'one of Interpol\'s vice-presidents, ',
    suffix: ' the organization. However, the I',
    start,
    end,
    // The example texts have no characters beyond the BMP before their claims, so UTF-16 offsets equal code point ones.
    startUtf16: start,
    endUtf16: end,
    contextBefore: 'Last week, The Times had reported that Prokopchuk, who currently serves as one of Interpol\'s vice-presidents, ',
    contextAfter: ' the organization.',
    anchor: 'anchored',
    claimant: 'The Times',
    claimantKind: 'organization',
    claimReviewed: 'Prokopchuk was the favourite to lead Interpol',
    tags: ['interpol', 'russia'],
    status: 'resolved',
    createdBy: ANA,
    createdAt: '2026-11-18T07:00:00.000Z',
    updatedAt: '2026-11-18T07:30:00.000Z',
    currentVerdict: verdicts.find((verdict) => verdict.status === 'published') ?? verdicts[verdicts.length - 1] ?? null,
    verdicts,
    sources: [aSource()],
    annotations: [anAnnotation()],
    corrections: [],
    ...overrides,
  };
}

export function anArticle(overrides: Partial<ArticleReport> = {}): ArticleReport {
  return {
    id: testId('article'),
    title: 'Russian Loses Interpol Presidency After US Pushes Opposing Vote',
    url: 'https://example.news/2018/11/21/russian-loses-interpol-presidency',
    publisher: 'Example News',
    authors: ['Staff writer'],
    publishedAt: '2018-11-21T00:00:00.000Z',
    language: 'en',
    revision: 2,
    claims: [aClaim()],
    ...overrides,
  };
}

export function aReport(overrides: Partial<VerdictReport> = {}): VerdictReport {
  return {
    generatedAt: '2026-11-29T17:30:00.000Z',
    organisation: { name: 'Desk Check', url: 'https://deskcheck.example' },
    publicUrl: 'https://claims.deskcheck.example',
    reviewUrlTemplate: 'https://deskcheck.example/reviews/{claimId}',
    articles: [anArticle()],
    ...overrides,
  };
}

/**
 * The example article with the kinds of claim a desk meets: a published verdict with sources and a
 * thread, a correction that retracted an earlier verdict, a claim with only a draft, an off-axis
 * rating, a claim without any verdict and an orphaned one, and a Cyrillic quote.
 */
export function interpolReport(): VerdictReport {
  const original = aVerdict({ rating: 'true', ratingLabel: 'True', ratingValue: 5, status: 'retracted', reviewNote: 'Misread the source.', publishedAt: '2026-11-10T12:00:00.000Z', createdAt: '2026-11-09T12:00:00.000Z' });
  const correction = aVerdict({
    rating: 'mostly-false',
    ratingLabel: 'Mostly false',
    ratingValue: 2,
    supersedes: original.id,
    correctionNote: 'The first verdict misread The Times.',
    rationale: 'Interpol never ranked candidates.\n\n- The Times: "frontrunner"\n- Interpol: no ranking',
    publishedAt: '2026-11-21T09:00:00.000Z',
    createdAt: '2026-11-20T09:00:00.000Z',
  });
  const thread = anAnnotation({ body: 'Is "favorite" The Times\' word?', motivation: 'questioning' });
  const deleted = anAnnotation({ body: null, deleted: true, createdAt: '2026-11-18T08:30:00.000Z' });
  const reply = anAnnotation({ parentId: deleted.id, author: EDDIE, body: 'Yes, page 3.', editedAt: '2026-11-18T09:30:00.000Z', createdAt: '2026-11-18T09:00:00.000Z' });
  return aReport({
    articles: [
      anArticle({
        claims: [
          aClaim({
            quote: 'Alexander Prokopchuk loses an election',
            prefix: 'Russian interior ministry\'s ',
            suffix: ', held in Dubai, for Interpol\'s n',
            start: 196,
            end: 234,
            contextBefore: 'Russian interior ministry\'s ',
            contextAfter: ', held in Dubai, for Interpol\'s new president.',
            claimant: null,
            claimantKind: null,
            claimReviewed: null,
            tags: [],
            verdicts: [aVerdict({ rating: 'true', ratingLabel: 'True', ratingValue: 5, rationale: 'Interpol announced Kim Jong-yang as president.' })],
            sources: [aSource({ stance: 'supports', excerpt: null }, 'https://www.interpol.int/News-and-Events/News/2018/Kim-Jong-yang-elected')],
            annotations: [],
          }),
          aClaim({ verdicts: [original, correction], annotations: [thread, deleted, reply] }),
          aClaim({
            quote: 'Прокопчук был «фаворитом»',
            prefix: 'Цитата: ',
            suffix: ' — писала газета.',
            start: 900,
            end: 925,
            contextBefore: 'Цитата: ',
            contextAfter: ' — писала газета. Ελληνικά: η ψηφοφορία.',
            claimant: 'Αλέξανδρος Προκόπτσουκ',
            claimantKind: 'person',
            claimReviewed: null,
            tags: ['русский'],
            verdicts: [aVerdict({ rating: 'unsupported', ratingLabel: 'Unsupported', ratingValue: null, status: 'published' })],
            annotations: [],
          }),
          aClaim({
            quote: 'was accused, but not prosecuted or charged',
            prefix: 'e bureau chief, Prokopchuk ',
            suffix: ', of allegedly using internationa',
            start: 1700,
            end: 1742,
            contextBefore: 'Additionally, during his stint as Interpol\'s Moscow bureau chief, Prokopchuk ',
            contextAfter: ', of allegedly using international arrest warrants to target critics of the Kremlin.',
            claimReviewed: null,
            verdicts: [aVerdict({ status: 'draft', publishedAt: null, reviewer: null })],
            status: 'open',
          }),
          aClaim({
            quote: '194 member states',
            start: 800,
            end: 817,
            prefix: 'ation (Interpol) ',
            suffix: ', in a shock decision, chose Kim',
            contextBefore: 'However, the International Criminal Police Organisation (Interpol) ',
            contextAfter: ', in a shock decision, chose Kim following several terse exchanges.',
            claimant: null,
            claimReviewed: null,
            tags: [],
            verdicts: [],
            sources: [],
            status: 'open',
          }),
          aClaim({
            quote: 'a "campaign aimed at discrediting" Prokopchuk',
            start: null,
            end: null,
            anchor: 'orphaned',
            contextBefore: '',
            contextAfter: '',
            claimant: 'Kremlin',
            verdicts: [aVerdict({ status: 'submitted', publishedAt: null })],
            status: 'in_review',
          }),
        ].sort(compareClaimsInReadingOrder),
      }),
    ],
  });
}
