import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseHtml } from 'parse5';
import { failedAssertions, loadAssertionList, LISTS } from '../conformance/web-annotation-suite';
import { binary } from '../support/binary-body';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { INTERPOL_MD } from '../support/fixtures';
import { renderReport } from '@claimdesk/reports';
import type { VerdictReport } from '@claimdesk/reports/report.model';

interface Node5 { nodeName: string; childNodes?: Node5[]; value?: string }
const walk = (node: Node5, visit: (n: Node5) => void): void => {
  visit(node);
  node.childNodes?.forEach((child) => walk(child, visit));
};

describe('reports and exchange (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let article: { id: string; text: string };
  const claims: Record<string, string> = {};

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer', 'Rhea Reviewer');
    editor = await desk.user('editor', 'Ezra Editor');
    article = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'markdown', content: INTERPOL_MD, url: 'https://news.example/interpol-2018', publisher: 'RT', publishedAt: '2018-11-21' }).expect(201)).body;
    for (const [key, exact, claimant] of [['favorite', 'was the "favorite" to lead', 'The Times'], ['accused', 'was accused, but not prosecuted or charged', null], ['kim', 'Kim Jong-yang', null]] as const) {
      claims[key] = (await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact }, claimant, claimReviewed: claimant ? 'Prokopchuk was the favourite to lead Interpol' : undefined, tags: ['interpol'] }).expect(201)).body.id;
    }
    await desk.http.post(`/api/v1/claims/${claims.favorite}/annotations`).set(...bearer(reviewer)).send({ body: 'The Times piece of 18 Nov says so.' }).expect(201);
    await desk.http.post(`/api/v1/claims/${claims.favorite}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://www.thetimes.co.uk/article/interpol', title: 'Russian set to lead Interpol', publisher: 'The Times', kind: 'news' }, stance: 'supports', excerpt: 'favourite' }).expect(201);
    const verdict = (await desk.http.post(`/api/v1/claims/${claims.favorite}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', rationale: 'The Times reported it; he was **widely** seen as the favourite.', confidence: 0.9 }).expect(201)).body;
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/publish`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/claims/${claims.accused}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://archive.example.org/records/7' }, stance: 'context' }).expect(201);
    await desk.http.post(`/api/v1/claims/${claims.accused}/verdicts`).set(...bearer(reviewer)).send({ rating: 'mixed', rationale: '=HYPERLINK("http://evil")' }).expect(201);
  });
  afterAll(() => desk.close());

  const report = (format: string) => desk.http.get(`/api/v1/articles/${article.id}/report?format=${format}`).set(...bearer(reviewer));

  it('JSON carries everything, with a file name', async () => {
    const res = await report('json').expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="claimdesk-report-.+\.json"$/);
    const body = JSON.parse(res.text);
    const [a] = body.articles;
    expect(a.claims.map((c: { quote: string }) => c.quote)).toEqual(['Kim Jong-yang', 'was the "favorite" to lead', 'was accused, but not prosecuted or charged']);
    expect(a.claims[1]).toMatchObject({ claimant: 'The Times', currentVerdict: { ratingLabel: 'True', status: 'published', author: { displayName: 'Rhea Reviewer' } } });
    expect(a.claims[1].sources[0]).toMatchObject({ stance: 'supports', source: { url: 'https://www.thetimes.co.uk/article/interpol' } });
  });

  it('JSON gives each claim its span in code points and in UTF-16 units, all four null once orphaned', async () => {
    const astral = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: '😀 Exports rose 4% in May.\n\nThe harbour master called it a record year.' }).expect(201)).body;
    for (const exact of ['Exports rose 4%', 'harbour master called it a record year']) {
      await desk.http.post(`/api/v1/articles/${astral.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201);
    }
    await desk.http.put(`/api/v1/articles/${astral.id}/text`).set(...bearer(reviewer)).send({ format: 'text', content: '😀 Exports rose 4% in May.' }).expect(200);

    const res = await desk.http.get(`/api/v1/articles/${astral.id}/report?format=json`).set(...bearer(reviewer)).expect(200);

    const [exports, orphan] = JSON.parse(res.text).articles[0].claims;
    expect(exports).toMatchObject({ quote: 'Exports rose 4%', start: 2, end: 17, startUtf16: 3, endUtf16: 18 });
    expect(orphan).toMatchObject({ anchor: 'orphaned', start: null, end: null, startUtf16: null, endUtf16: null });
  });

  describe('says what it sends, every text format in UTF-8', () => {
    const SERVED_AS: Record<string, string> = {
      json: 'application/json; charset=utf-8',
      markdown: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      csv: 'text/csv; charset=utf-8',
      pdf: 'application/pdf',
      claimreview: 'application/ld+json; charset=utf-8',
    };

    it.each(Object.entries(SERVED_AS))('one article as %s: %s', async (format, contentType) => {
      const res = await report(format).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(contentType);
    });

    it.each(Object.entries(SERVED_AS))('a period as %s: %s', async (format, contentType) => {
      const res = await desk.http.get(`/api/v1/reports?from=2000-01-01&to=2100-01-01&format=${format}`).set(...bearer(editor)).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(contentType);
    });
  });

  it('CSV has a BOM, the contract header, one row per claim, and neutralised formulas', async () => {
    const res = await report('csv').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(res.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(['article_id', 'article_title', 'claim_id', 'quote', 'claimant', 'claim_reviewed', 'verdict', 'verdict_status', 'rating_value', 'rationale', 'sources', 'reviewer', 'published_at']);
    expect(rows).toHaveLength(3);
    const favorite = rows.find((r) => r.claim_id === claims.favorite) as Record<string, string>;
    expect(favorite).toMatchObject({ verdict: 'True', verdict_status: 'published', rating_value: '5', reviewer: 'Rhea Reviewer', sources: 'https://www.thetimes.co.uk/article/interpol' });
    const accused = rows.find((r) => r.claim_id === claims.accused) as Record<string, string>;
    expect(accused.rationale.startsWith('=')).toBe(false);
    expect(accused.verdict).toBe('Mixed');
  });

  it('HTML is one self-contained page without script, the span marked', async () => {
    const res = await report('html').expect(200);
    const doc = parseHtml(res.text) as unknown as Node5;
    const names: string[] = [];
    const marks: string[] = [];
    walk(doc, (n) => {
      names.push(n.nodeName);
      if (n.nodeName === 'mark') walk(n, (t) => t.nodeName === '#text' && marks.push(t.value ?? ''));
    });
    expect(names).not.toContain('script');
    expect(marks.join('|')).toContain('was the "favorite" to lead');
    expect(res.text).toContain('name="viewport"');
  });

  it('Markdown and PDF are produced for people', async () => {
    const md = await report('markdown').expect(200);
    expect(md.text).toContain('Russian Loses Interpol Presidency');
    expect(md.headers['content-disposition']).toMatch(/\.md"$/);
    const pdf = await report('pdf').buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('ClaimReview lists only published verdicts, with Google’s required fields', async () => {
    const res = await report('claimreview').expect(200);
    const reviews = JSON.parse(res.text);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'Prokopchuk was the favourite to lead Interpol',
      url: `https://desk.example/claims/${claims.favorite}`,
      author: { '@type': 'Organization', name: 'Desk Test' },
      reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: 'True' },
    });
    expect(reviews[0].itemReviewed.appearance[0].url).toBe('https://news.example/interpol-2018');
  });

  it('ClaimReview, read without the rest of the report, is the document the full report model renders to', async () => {
    const full = JSON.parse((await report('json').expect(200)).text) as VerdictReport;
    const res = await report('claimreview').expect(200);
    expect(res.text).toBe(await renderReport('claimreview', full));
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="claimdesk-report-.+\.jsonld"$/);
    await desk.http.get('/api/v1/articles/00000000-0000-4000-8000-000000000000/report?format=claimreview').set(...bearer(reviewer)).expect(404);
  });

  it('reports a period of published verdicts', async () => {
    const from = new Date(Date.now() - 3600_000).toISOString();
    const to = new Date(Date.now() + 3600_000).toISOString();
    const res = await desk.http.get(`/api/v1/reports?from=${from}&to=${to}&format=csv`).set(...bearer(editor)).expect(200);
    const rows = parseCsv(res.text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.claim_id)).toEqual([claims.favorite]);
    const empty = await desk.http.get('/api/v1/reports?from=2000-01-01&to=2000-02-01&format=json').set(...bearer(editor)).expect(200);
    expect(JSON.parse(empty.text).articles).toEqual([]);
    await desk.http.get('/api/v1/reports?from=2001-01-01&to=2000-01-01').set(...bearer(editor)).expect(422);
    await desk.http.get(`/api/v1/articles/${article.id}/report?format=docx`).set(...bearer(editor)).expect(422);
  });

  it('exports W3C Web Annotations that pass every MUST of the official suite', async () => {
    const res = await desk.http.get(`/api/v1/articles/${article.id}/annotations`).set(...bearer(reviewer)).expect(200);
    expect(res.headers['content-type']).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    const collection = JSON.parse(res.text);
    expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3 });
    expect(failedAssertions(loadAssertionList(LISTS.collectionMusts), collection)).toEqual([]);
    // The page assertions judge an embedded first page through its collection (the suite's own rule).
    expect(failedAssertions(loadAssertionList(LISTS.pageMusts), collection)).toEqual([]);
    const annotationMusts = loadAssertionList(LISTS.annotationMusts);
    for (const annotation of collection.first.items) {
      expect(failedAssertions(annotationMusts, { '@context': 'http://www.w3.org/ns/anno.jsonld', ...annotation })).toEqual([]);
    }
    const favorite = collection.first.items.find((a: { id: string }) => a.id.endsWith(claims.favorite));
    const position = favorite.target.selector.find((s: { type: string }) => s.type === 'TextPositionSelector');
    expect(Array.from(article.text).slice(position.start, position.end).join('')).toBe('was the "favorite" to lead');
    const page = await desk.http.get(`/api/v1/articles/${article.id}/annotations?page=1`).set(...bearer(reviewer)).expect(200);
    expect(JSON.parse(page.text).partOf).toMatchObject({ total: 3 });
    expect(failedAssertions(loadAssertionList(LISTS.pageMusts), JSON.parse(page.text))).toEqual([]);
    await desk.http.get(`/api/v1/articles/${article.id}/annotations?page=2`).set(...bearer(reviewer)).expect(404);
    const context = await desk.http.get('/api/v1/contexts/anno.jsonld').expect(200);
    expect(JSON.parse(context.text)['@context']).toBeDefined();
  });

  it('round-trips: export, import into a fresh copy of the article, same spans', async () => {
    const exported = JSON.parse((await desk.http.get(`/api/v1/articles/${article.id}/annotations`).set(...bearer(reviewer)).expect(200)).text);
    const copy = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'markdown', content: INTERPOL_MD }).expect(201)).body;
    const res = await desk.http.post(`/api/v1/imports/annotations?articleId=${copy.id}`).set(...bearer(reviewer)).set('Content-Type', 'application/ld+json').send(JSON.stringify(exported)).expect(200);
    expect(res.body.failed).toEqual([]);
    expect(res.body.created.map((c: { anchor: string }) => c.anchor)).toEqual(['anchored', 'anchored', 'anchored']);
    const original = (await desk.http.get(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer))).body.items.map((c: { start: number; end: number; quote: string }) => [c.start, c.end, c.quote]);
    const imported = (await desk.http.get(`/api/v1/articles/${copy.id}/claims`).set(...bearer(reviewer))).body.items.map((c: { start: number; end: number; quote: string }) => [c.start, c.end, c.quote]);
    expect(imported).toEqual(original);
  });

  it('imports Hypothesis JSON, saying which items failed and why', async () => {
    const rows = [
      { text: 'A Hypothesis note', tags: ['hyp'], target: [{ source: 'https://news.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'Kim Jong-yang', prefix: 'South Korean ', suffix: ' after' }] }] },
      { text: 'Not in this article', target: [{ source: 'https://news.example/x', selector: [{ type: 'TextQuoteSelector', exact: 'completely absent phrase', prefix: '', suffix: '' }] }] },
      { text: 'no target at all' },
    ];
    const res = await desk.http.post(`/api/v1/imports/annotations?articleId=${article.id}`).set(...bearer(reviewer)).send({ rows, total: 3 }).expect(200);
    expect(res.body.created).toEqual([expect.objectContaining({ index: 0, anchor: expect.stringMatching(/anchored|moved/) })]);
    expect(res.body.failed.map((f: { index: number }) => f.index)).toEqual([1, 2]);
    const claim = (await desk.http.get(`/api/v1/claims/${res.body.created[0].claimId}`).set(...bearer(reviewer))).body;
    expect(claim).toMatchObject({ quote: 'Kim Jong-yang', tags: ['hyp'] });
    await desk.http.post(`/api/v1/imports/annotations?articleId=${article.id}`).set(...bearer(reviewer)).send({ nothing: 'here' }).expect(422);
    await desk.http.post('/api/v1/imports/annotations?articleId=00000000-0000-4000-8000-000000000000').set(...bearer(reviewer)).send([]).expect(404);
  });
});
