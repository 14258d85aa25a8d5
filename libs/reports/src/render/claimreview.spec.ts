import { ClaimReview, renderArticleClaimReviews, renderClaimReview } from './claimreview';
import { aClaim, anArticle, aReport, aVerdict, interpolReport } from './testing/report.factory';

function reviews(json: string): ClaimReview[] {
  const parsed: unknown = JSON.parse(json);
  expect(Array.isArray(parsed)).toBe(true);
  return parsed as ClaimReview[];
}

describe('ClaimReview export', () => {
  it('has one ClaimReview per published verdict: no drafts, submitted or retracted ones', () => {
    const model = interpolReport();
    const published = model.articles[0].claims.flatMap((claim) => claim.verdicts).filter((verdict) => verdict.status === 'published');

    const exported = reviews(renderClaimReview(model));

    expect(exported).toHaveLength(published.length);
    expect(exported.map((review) => review.reviewRating.alternateName)).toEqual(['True', 'Mostly false', 'Unsupported']);
  });

  it('gives one claim marked in pieces (a statement over several transcript lines) one ClaimReview, not one per piece (failed on main: duplicates)', () => {
    const piece = (quote: string, start: number) => aClaim({
      quote, start, end: start + quote.length, claimant: 'Kaine', claimReviewed: 'Tim Kaine said the deficit was cut in half',
      verdicts: [aVerdict({ status: 'published', rating: 'mostly-true', ratingLabel: 'Mostly true', ratingValue: 4, publishedAt: '2026-11-20T10:00:00.000Z' })],
    });
    const first = piece('We have cut the deficit', 100);
    const second = piece('in half over the last four years', 130);
    const other = aClaim({ quote: 'Unemployment is at 5%', start: 300, end: 321, claimant: 'Kaine', claimReviewed: 'Unemployment is at 5%', verdicts: [aVerdict({ status: 'published' })] });
    const model = aReport({ articles: [anArticle({ claims: [first, second, other] })] });

    const exported = reviews(renderClaimReview(model));

    expect(exported.map((review) => review.claimReviewed)).toEqual(['Tim Kaine said the deficit was cut in half', 'Unemployment is at 5%']);
    expect(exported[0].url).toContain(first.id);
  });

  it('keeps two pieces apart when their ratings differ: they are two checks', () => {
    const claims = ['mostly-true', 'false'].map((rating, i) => aClaim({
      quote: `piece ${i}`, start: i * 20, end: i * 20 + 7, claimReviewed: 'The same words', verdicts: [aVerdict({ status: 'published', rating, ratingLabel: rating })],
    }));
    expect(reviews(renderClaimReview(aReport({ articles: [anArticle({ claims })] })))).toHaveLength(2);
  });

  it('carries the properties Google requires and recommends', () => {
    const model = interpolReport();
    const claim = model.articles[0].claims[1];

    const review = reviews(renderClaimReview(model))[1];

    expect(review).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://deskcheck.example/reviews/${claim.id}`,
      claimReviewed: 'Prokopchuk was the favourite to lead Interpol',
      reviewRating: { '@type': 'Rating', ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: 'Mostly false' },
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: 'The Times' },
        datePublished: '2018-11-21',
        appearance: [
          {
            '@type': 'CreativeWork',
            url: 'https://example.news/2018/11/21/russian-loses-interpol-presidency',
            headline: 'Russian Loses Interpol Presidency After US Pushes Opposing Vote',
            author: [{ '@type': 'Person', name: 'Staff writer' }],
            datePublished: '2018-11-21',
            publisher: { '@type': 'Organization', name: 'Example News' },
          },
        ],
      },
      author: { '@type': 'Organization', name: 'Desk Check', url: 'https://deskcheck.example' },
      datePublished: '2026-11-21',
    });
  });

  it('names the article\'s authors in its appearance, and leaves them out when it has none (issue 14; failed on main: never named)', () => {
    const verdict = aVerdict({ status: 'published', publishedAt: '2026-11-21T10:00:00.000Z' });
    const withAuthors = anArticle({ authors: ['Ana Lima', 'Jo Roe'], claims: [aClaim({ verdicts: [verdict] })] });
    const [review] = reviews(renderClaimReview(aReport({ articles: [withAuthors] })));
    expect(review?.itemReviewed.appearance[0]?.author).toEqual([{ '@type': 'Person', name: 'Ana Lima' }, { '@type': 'Person', name: 'Jo Roe' }]);
    const [none] = reviews(renderClaimReview(aReport({ articles: [anArticle({ authors: [], claims: [aClaim({ verdicts: [verdict] })] })] })));
    expect(none?.itemReviewed.appearance[0]).not.toHaveProperty('author');
  });

  it('uses the quote when the claim has no summary, and leaves out an unknown claimant', () => {
    const review = reviews(renderClaimReview(interpolReport()))[0];

    expect(review.claimReviewed).toBe('Alexander Prokopchuk loses an election');
    expect(review.itemReviewed.author).toBeUndefined();
  });

  it('omits ratingValue for a rating off the truth axis, keeping its label', () => {
    const review = reviews(renderClaimReview(interpolReport()))[2];

    expect(review.reviewRating).toEqual({ '@type': 'Rating', bestRating: 5, worstRating: 1, alternateName: 'Unsupported' });
    expect(review.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Αλέξανδρος Προκόπτσουκ' });
  });

  it('gives an empty array when nothing is published', () => {
    const model = aReport({ articles: [anArticle({ claims: [aClaim({ verdicts: [aVerdict({ status: 'approved', publishedAt: null })] })] })] });

    expect(reviews(renderClaimReview(model))).toEqual([]);
    expect(reviews(renderClaimReview(aReport({ articles: [] })))).toEqual([]);
  });

  it('joins the reviews of several articles into one valid array', () => {
    const model = aReport({ articles: [anArticle(), anArticle({ claims: [] }), anArticle({ claims: [aClaim({ claimReviewed: 'First statement' }), aClaim({ claimReviewed: 'Second statement' })] })] });

    expect(reviews(renderClaimReview(model))).toHaveLength(3);
  });
});

describe('ClaimReview of one article from its lean read', () => {
  const { articles, ...header } = interpolReport();
  const [article] = articles;

  it('is the same text, to the byte, as the full report of that article: several reviews, one, none', () => {
    const published = article.claims.filter((claim) => claim.verdicts.some((verdict) => verdict.status === 'published'));
    for (const claims of [article.claims, published.slice(0, 1), []]) {
      const one = { ...article, claims };
      expect(renderArticleClaimReviews(one, header)).toBe(renderClaimReview({ ...header, articles: [one] }));
    }
  });

  it('stays inert inside a <script> element, as the full report does', () => {
    const hostile = aClaim({ claimReviewed: '</script><!-- & \u2028', verdicts: [aVerdict({ status: 'published' })] });
    const one = { ...article, claims: [hostile] };
    const text = renderArticleClaimReviews(one, header);
    expect(text).toBe(renderClaimReview({ ...header, articles: [one] }));
    expect(text).not.toMatch(/[<>&\u2028]/);
  });
});
