import { PERIOD_CLAIM_BATCH, renderReport, REPORT_FORMAT_NAMES, ReportsService, streamReport } from '@claimdesk/reports';
import type { ArticleReport, VerdictReport } from '@claimdesk/reports/report.model';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { INTERPOL_MD } from '../support/fixtures';

/** More claims than the period report reads at a time, so that an article streams in several batches. */
const MANY = 75;

/**
 * The period report streams its articles claim batch by claim batch (issue 11, flat memory): what it
 * sends must stay, to the byte, what the whole-report rendering gives for the same articles — each read
 * through the one-article report, keeping the claims with a verdict published in the period.
 */
describe('period report (e2e): streamed, the same bytes as the whole rendering', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  const articleIds: string[] = [];
  const period = { from: new Date(Date.now() - 3_600_000).toISOString(), to: new Date(Date.now() + 3_600_000).toISOString() };

  const publish = async (claimId: string, fields: Record<string, unknown>): Promise<string> => {
    const verdict = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer)).send(fields).expect(201)).body as { id: string };
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/publish`).set(...bearer(editor)).expect(200);
    return verdict.id;
  };
  const mark = async (articleId: string, exact: string, fields: Record<string, unknown> = {}): Promise<string> =>
    ((await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact }, ...fields }).expect(201)).body as { id: string }).id;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer', 'Rhea <Reviewer> & "Co"');
    editor = await desk.user('editor', 'Ezra Editor');
    // An article of many claims (an astral character first, so code points and UTF-16 units differ), most published.
    const sentences = Array.from({ length: MANY }, (_, i) => `In region ${i + 1} the harvest rose by ${i + 3} per cent, the ministry said.`);
    const big = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', title: 'Harvests 😀 by region', content: `😀 ${sentences.join(' ')}\n\nA second paragraph: “quoted” <b>text</b> & more.` }).expect(201)).body as { id: string };
    for (let i = 0; i < MANY; i++) {
      const claim = await mark(big.id, `the harvest rose by ${i + 3} per cent`, i % 4 === 0 ? { claimant: `=Ministry ${i}`, tags: ['harvest', `r${i}`] } : {});
      const source = i % 7 === 0 ? { url: `https://stats.example/harvest/${i}`, title: `Harvest table ${i}`, publisher: 'Stats Office', kind: 'dataset' } : { url: 'https://stats.example/harvest' };
      await desk.http.post(`/api/v1/claims/${claim}/sources`).set(...bearer(reviewer)).send({ source, stance: i % 2 ? 'supports' : 'refutes', excerpt: `row ${i}` }).expect(201);
      if (i % 9 === 4) await desk.http.post(`/api/v1/claims/${claim}/verdicts`).set(...bearer(reviewer)).send({ rating: 'mixed', rationale: 'draft only: not in the period report' }).expect(201);
      else await publish(claim, { rating: i % 2 ? 'true' : 'false', rationale: `Line one of ${i}.\n\n- a list item\n- <script>alert(1)</script>`, confidence: (i % 10) / 10 });
      if (i % 5 === 0) await desk.http.post(`/api/v1/claims/${claim}/annotations`).set(...bearer(reviewer)).send({ body: `Note ${i} with **marks** and a line\nbreak.` }).expect(201);
    }
    // A smaller article: a corrected verdict (the first, retracted, and its correction, both published in the period) and a claim without a verdict.
    const small = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'markdown', content: INTERPOL_MD, url: 'https://news.example/interpol-2018', publisher: 'RT', publishedAt: '2018-11-21' }).expect(201)).body as { id: string };
    const favourite = await mark(small.id, 'was the "favorite" to lead', { claimant: 'The Times', claimReviewed: 'Prokopchuk was the favourite' });
    await desk.http.post(`/api/v1/claims/${favourite}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://www.thetimes.co.uk/article/interpol', title: 'Russian set to lead Interpol', publisher: 'The Times', kind: 'news' }, stance: 'supports', excerpt: 'favourite' }).expect(201);
    const first = await publish(favourite, { rating: 'true', rationale: 'The Times said so.' });
    await publish(favourite, { rating: 'mostly-true', rationale: 'Corrected: others said so too.', supersedes: first, correctionNote: 'More sources.' });
    await mark(small.id, 'Kim Jong-yang');
    articleIds.push(big.id, small.id);
    articleIds.sort();
  }, 180_000);
  afterAll(() => desk.close());

  const get = async (path: string): Promise<string> => (await desk.http.get(path).set(...bearer(editor)).buffer(true).expect(200)).text;

  /** The report model built the other way: each article's own report, its claims filtered to the period. */
  async function expectedModel(header: Omit<VerdictReport, 'articles'>): Promise<VerdictReport> {
    const articles: ArticleReport[] = [];
    for (const id of articleIds) {
      const [article] = (JSON.parse(await get(`/api/v1/articles/${id}/report?format=json`)) as VerdictReport).articles;
      const inPeriod = (at: string | null): boolean => at !== null && at >= period.from && at < period.to;
      articles.push({ ...article, claims: article.claims.filter((claim) => claim.verdicts.some((v) => inPeriod(v.publishedAt))) });
    }
    return { ...header, articles };
  }

  /** The minute a report was made, which the formats for people print, so that two reports made a minute apart compare. */
  const withoutTimeMade = (text: string): string => text.replace(/Generated (<time datetime="[^"]*">)?\d{4}-\d\d-\d\d \d\d:\d\d UTC/, 'Generated (when)');

  it.each(REPORT_FORMAT_NAMES.filter((format) => format !== 'pdf'))('%s', async (format) => {
    const query = `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
    const streamed = await get(`/api/v1/reports?${query}&format=${format}`);
    const { articles, ...header } = JSON.parse(await get(`/api/v1/reports?${query}&format=json`)) as VerdictReport & { format: string; schemaVersion: number };
    const model = await expectedModel({ generatedAt: header.generatedAt, organisation: header.organisation, publicUrl: header.publicUrl, reviewUrlTemplate: header.reviewUrlTemplate, period: header.period });

    expect(articles.map((a) => a.claims.length)).toEqual(model.articles.map((a) => a.claims.length));
    expect(model.articles.reduce((n, a) => n + a.claims.length, 0)).toBe(MANY - Math.ceil((MANY - 4) / 9) + 1);
    const expected = await renderReport(format, model);
    expect(typeof expected).toBe('string');
    if (format === 'json') expect(streamed.replace(/"generatedAt": "[^"]*"/, '')).toBe((expected as string).replace(/"generatedAt": "[^"]*"/, ''));
    else expect(withoutTimeMade(streamed)).toBe(withoutTimeMade(expected as string));
  });

  it('gives other requests a turn of the event loop between claim batches (failed on main: on SQLite, which answers synchronously, a whole report ran in promise callbacks)', async () => {
    const reports = desk.app.get(ReportsService);
    let turns = 0;
    let counting = true;
    const turn = (): void => {
      if (!counting) return;
      turns++;
      setImmediate(turn);
    };
    setImmediate(turn);
    let rows = 0;
    for await (const piece of streamReport('csv', reports.header(period), reports.period(period.from, period.to))) rows += (piece as string).split('\r\n').length - 1;
    counting = false;

    expect(rows).toBe(1 + MANY - Math.ceil((MANY - 4) / 9) + 1);
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(MANY / PERIOD_CLAIM_BATCH));
  });
});
