import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { codePointSlice } from '../support/fixtures';

const TEXT = 'The mayor said crime fell by 20 percent last year. Officials said the budget rose sharply.';

/** Issue 10: a published verdict never stands under words it was not given for. */
describe('never the wrong words (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let publisher: SignedInUser;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer', 'Rhea Reviewer');
    editor = await desk.user('editor', 'Ezra Editor');
    publisher = await desk.user('editor', 'Pia Publisher');
  });
  afterAll(() => desk.close());

  const newArticle = async (content = TEXT): Promise<string> =>
    (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content }).expect(201)).body.id;
  const markQuote = async (articleId: string, exact: string): Promise<string> =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id;
  const publishVerdict = async (claimId: string): Promise<void> => {
    await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://stats.example/crime-2025' }, stance: 'refutes' }).expect(201);
    const verdict = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'false', rationale: 'Crime fell by 2 percent.' }).expect(201)).body;
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/publish`).set(...bearer(publisher)).expect(200);
  };
  const remark = (claimId: string, user: SignedInUser, body: Record<string, unknown>) =>
    desk.http.patch(`/api/v1/claims/${claimId}`).set(...bearer(user)).send(body);
  const quoteSelector = (exact: string) => ({ type: 'TextQuoteSelector', exact });

  describe('re-marking a claim with a published verdict', () => {
    it('is refused to a reviewer, even the claim’s author (failed on main: the author moved the words under a published verdict)', async () => {
      const claimId = await markQuote(await newArticle(), 'crime fell by 20 percent');
      await publishVerdict(claimId);
      await remark(claimId, reviewer, { selector: quoteSelector('crime fell by 20 percent last year'), correctionNote: 'The claim covers the year.' }).expect(403);
      const claim = (await desk.http.get(`/api/v1/claims/${claimId}`).set(...bearer(reviewer)).expect(200)).body;
      expect(claim.quote).toBe('crime fell by 20 percent');
      // Fields other than the words stay the author's to edit.
      await remark(claimId, reviewer, { claimant: 'The mayor' }).expect(200);
    });

    it('needs a correctionNote from the editor (failed on main: re-marked silently, without a note)', async () => {
      const claimId = await markQuote(await newArticle(), 'crime fell by 20 percent');
      await publishVerdict(claimId);
      for (const correctionNote of [undefined, '   ']) {
        const res = await remark(claimId, editor, { selector: quoteSelector('crime fell by 20 percent last year'), correctionNote }).expect(422);
        expect(res.body.code).toBe('validation_failed');
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'correctionNote' })]));
      }
    });

    it('is audited as claim.corrected and every report lists the earlier quote with the note under Corrections (failed on main: audited as claim.updated, reports forgot the earlier words)', async () => {
      const articleId = await newArticle();
      const claimId = await markQuote(articleId, 'crime fell by 20 percent');
      await publishVerdict(claimId);
      const note = 'The claim is about last year <b>only</b> & *all* of it.';
      const res = await remark(claimId, editor, { selector: quoteSelector('crime fell by 20 percent last year'), correctionNote: `  ${note}  ` }).expect(200);
      expect(res.body.quote).toBe('crime fell by 20 percent last year');

      const audit = (await desk.http.get('/api/v1/audit').query({ entityType: 'claim', entityId: claimId }).set(...bearer(editor)).expect(200)).body.items as { action: string; before: { quote: string }; after: { quote: string; correctionNote?: string } }[];
      const corrected = audit.filter((entry) => entry.action === 'claim.corrected');
      expect(corrected).toHaveLength(1);
      expect(corrected[0].before.quote).toBe('crime fell by 20 percent');
      expect(corrected[0].after).toMatchObject({ quote: 'crime fell by 20 percent last year', correctionNote: note });

      const report = (format: string) => desk.http.get(`/api/v1/articles/${articleId}/report?format=${format}`).set(...bearer(reviewer)).expect(200);
      const json = (await report('json')).body;
      const claim = json.articles[0].claims.find((c: { id: string }) => c.id === claimId);
      expect(claim.corrections).toEqual([expect.objectContaining({ quote: 'crime fell by 20 percent', note, correctedBy: expect.objectContaining({ displayName: 'Ezra Editor' }) })]);
      const markdown = (await report('markdown')).text;
      expect(markdown).toContain('**Corrections**');
      expect(markdown).toContain('earlier words “crime fell by 20 percent”');
      expect(markdown).not.toContain('<b>only</b>');
      const html = (await report('html')).text;
      expect(html).toContain('<h4>Corrections</h4>');
      expect(html).toContain('earlier words “crime fell by 20 percent”');
      expect(html).toContain('The claim is about last year &#60;b&#62;only&#60;/b&#62; &#38;');
      expect(html).not.toContain('<b>only</b>');
    });

    it('lets the author send the claim’s own place back (the reader’s confirm) without a correction', async () => {
      const claimId = await markQuote(await newArticle(), 'crime fell by 20 percent');
      await publishVerdict(claimId);
      const claim = (await desk.http.get(`/api/v1/claims/${claimId}`).set(...bearer(reviewer)).expect(200)).body;
      await remark(claimId, reviewer, { selector: { type: 'TextPositionSelector', start: claim.start, end: claim.end } }).expect(200);
      await remark(claimId, editor, { selector: { type: 'TextPositionSelector', start: claim.start, end: claim.end }, correctionNote: 'Nothing changed.' }).expect(422);
    });

    it('stays a plain re-mark, audited as claim.updated, while no verdict is published', async () => {
      const claimId = await markQuote(await newArticle(), 'crime fell by 20 percent');
      await remark(claimId, reviewer, { selector: quoteSelector('crime fell by 20 percent last year') }).expect(200);
      const audit = (await desk.http.get('/api/v1/audit').query({ entityType: 'claim', entityId: claimId }).set(...bearer(editor)).expect(200)).body.items as { action: string }[];
      expect(audit.map((entry) => entry.action)).not.toContain('claim.corrected');
    });
  });

  describe('offsets given for an earlier revision', () => {
    const LEAD = 'Update: the council answered. ';
    /** An article at revision 2, whose revision 1 was TEXT; `revised` makes the second text from the first. */
    const revisedArticle = async (revised: (text: string) => string): Promise<string> => {
      const articleId = await newArticle();
      await desk.http.put(`/api/v1/articles/${articleId}/text`).set(...bearer(reviewer)).send({ format: 'text', content: revised(TEXT) }).expect(200);
      return articleId;
    };
    const positionIn = (text: string, words: string) => ({ type: 'TextPositionSelector', start: text.indexOf(words), end: text.indexOf(words) + words.length });
    const markAt = (articleId: string, body: Record<string, unknown>) => desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send(body);

    it('maps a position of an earlier revision to the same words in the current text (failed on main: revision refused, old offsets read against the new text)', async () => {
      const articleId = await revisedArticle((text) => LEAD + text);
      const res = await markAt(articleId, { selector: positionIn(TEXT, 'the budget rose sharply'), revision: 1 }).expect(201);
      expect(res.body).toMatchObject({ quote: 'the budget rose sharply', revision: 2, start: positionIn(LEAD + TEXT, 'the budget rose sharply').start });
      const article = (await desk.http.get(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).expect(200)).body;
      expect(codePointSlice(article.text, res.body.start, res.body.end)).toBe('the budget rose sharply');
    });

    it('refuses a position whose words changed since that revision with 409 stale_revision (failed on main: no such check)', async () => {
      const articleId = await revisedArticle((text) => text.replace('20 percent', '12 percent'));
      const res = await markAt(articleId, { selector: positionIn(TEXT, 'crime fell by 20 percent'), revision: 1 }).expect(409);
      expect(res.body.code).toBe('stale_revision');
    });

    it('matches a quote selector in the current text, and takes the current revision as it is (failed on main: revision refused)', async () => {
      const articleId = await revisedArticle((text) => LEAD + text);
      const byQuote = await markAt(articleId, { selector: quoteSelector('the budget rose sharply'), revision: 1 }).expect(201);
      expect(byQuote.body).toMatchObject({ quote: 'the budget rose sharply', revision: 2 });
      const current = await markAt(articleId, { selector: positionIn(LEAD + TEXT, 'crime fell'), revision: 2 }).expect(201);
      expect(current.body.quote).toBe('crime fell');
      await markAt(articleId, { selector: positionIn(TEXT, 'crime fell'), revision: 3 }).expect(404);
      for (const revision of [0, 1.5, '1']) await markAt(articleId, { selector: positionIn(TEXT, 'crime fell'), revision }).expect(422);
    });

    it('maps a re-marking PATCH the same way, or refuses it (failed on main: revision refused)', async () => {
      const articleId = await revisedArticle((text) => LEAD + text.replace('20 percent', '12 percent'));
      const claimId = await markQuote(articleId, 'Officials said');
      const res = await remark(claimId, reviewer, { selector: positionIn(TEXT, 'the budget rose sharply'), revision: 1 }).expect(200);
      expect(res.body).toMatchObject({ quote: 'the budget rose sharply', revision: 2 });
      const stale = await remark(claimId, reviewer, { selector: positionIn(TEXT, 'crime fell by 20 percent'), revision: 1 }).expect(409);
      expect(stale.body.code).toBe('stale_revision');
      const alone = await remark(claimId, reviewer, { claimant: 'Officials', revision: 1 }).expect(422);
      expect(alone.body.errors).toEqual([expect.objectContaining({ path: 'revision' })]);
    });
  });
});
