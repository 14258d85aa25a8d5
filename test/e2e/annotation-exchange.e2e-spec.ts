import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { INTERPOL_MD } from '../support/fixtures';

/**
 * The W3C export says only what was published, and its round trip keeps the desk's work; imports
 * of the desk's own collections and of Hypothesis exports keep threads, authors and dates, and
 * importing the same file twice changes nothing. Each of these failed on main before the fix.
 */
interface Note { id: string; parentId: string | null; body: string; motivation: string; origin: { id: string | null; author: string | null; createdAt: string | null } | null }
interface ClaimSummary { id: string; quote: string; start: number; claimant: string | null; claimReviewed: string | null; tags: string[] }

describe('W3C and Hypothesis exchange (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let article: { id: string };

  const post = (path: string, body: unknown, user = reviewer) => desk.http.post(path).set(...bearer(user)).send(body as object);
  const get = (path: string, user = reviewer) => desk.http.get(path).set(...bearer(user));
  const newCopy = async (): Promise<string> => (await post('/api/v1/articles', { format: 'markdown', content: INTERPOL_MD }).expect(201)).body.id;
  const claimsOf = async (articleId: string): Promise<ClaimSummary[]> => (await get(`/api/v1/articles/${articleId}/claims?limit=200`).expect(200)).body.items;
  const notesOf = async (claimId: string): Promise<Note[]> => (await get(`/api/v1/claims/${claimId}/annotations`).expect(200)).body.items;
  const importInto = (articleId: string, document: unknown) =>
    desk.http.post(`/api/v1/imports/annotations?articleId=${articleId}`).set(...bearer(reviewer)).set('Content-Type', 'application/ld+json').send(JSON.stringify(document));
  const exportOf = async (articleId: string, page?: number) =>
    JSON.parse((await get(`/api/v1/articles/${articleId}/annotations${page ? `?page=${page}` : ''}`).expect(200)).text);

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer', 'Rhea Reviewer');
    editor = await desk.user('editor', 'Ezra Editor');
    article = (await post('/api/v1/articles', { format: 'markdown', content: INTERPOL_MD, url: 'https://news.example/interpol-2018' }).expect(201)).body;
  });
  afterAll(() => desk.close());

  describe('the export', () => {
    it('carries only a published verdict as an assessing body, never a draft (failed on main: "False: Draft only.")', async () => {
      const claim = (await post(`/api/v1/articles/${article.id}/claims`, { selector: { type: 'TextQuoteSelector', exact: 'Kim Jong-yang' } }).expect(201)).body;
      await post(`/api/v1/claims/${claim.id}/verdicts`, { rating: 'false', rationale: 'Draft only.' }).expect(201);
      const annotation = (await exportOf(article.id)).first.items.find((item: { id: string }) => item.id.endsWith(claim.id));
      const bodies: { purpose?: string; value?: string }[] = annotation.body ?? [];
      expect(bodies.filter((body) => body.purpose === 'assessing')).toEqual([]);
      expect(JSON.stringify(annotation)).not.toContain('Draft only.');
      expect(annotation.motivation).toBe('highlighting');
    });

    it('carries a published verdict with its rating and the claimant and claim reviewed', async () => {
      const claim = (await post(`/api/v1/articles/${article.id}/claims`, {
        selector: { type: 'TextQuoteSelector', exact: 'was the "favorite" to lead' }, claimant: 'The Times', claimReviewed: 'Prokopchuk was the favourite',
      }).expect(201)).body;
      await post(`/api/v1/claims/${claim.id}/sources`, { source: { url: 'https://www.thetimes.co.uk/article/interpol' }, stance: 'supports' }).expect(201);
      const verdict = (await post(`/api/v1/claims/${claim.id}/verdicts`, { rating: 'true', rationale: 'Reported widely.' }).expect(201)).body;
      await post(`/api/v1/verdicts/${verdict.id}/submit`, {}).expect(200);
      await post(`/api/v1/verdicts/${verdict.id}/approve`, {}, editor).expect(200);
      await post(`/api/v1/verdicts/${verdict.id}/publish`, {}, editor).expect(200);
      const annotation = (await exportOf(article.id)).first.items.find((item: { id: string }) => item.id.endsWith(claim.id));
      expect(annotation).toMatchObject({ motivation: 'assessing', claimant: 'The Times', claimReviewed: 'Prokopchuk was the favourite' });
      expect(annotation.body).toEqual(expect.arrayContaining([expect.objectContaining({ purpose: 'assessing', value: 'True: Reported widely.', rating: 'true' })]));
    });
  });

  describe('the round trip export → import', () => {
    it('gives the same claims, notes with motivation and thread, sources and tags (failed on main: a tagging note came back as a tag)', async () => {
      const source = await newCopy();
      const claim = (await post(`/api/v1/articles/${source}/claims`, {
        selector: { type: 'TextQuoteSelector', exact: 'was accused, but not prosecuted or charged' }, claimant: 'RT', claimReviewed: 'Prokopchuk was never charged', tags: ['interpol', 'legal'],
      }).expect(201)).body;
      const question = (await post(`/api/v1/claims/${claim.id}/annotations`, { body: 'Which court?', motivation: 'questioning' }).expect(201)).body;
      const reply = (await post(`/api/v1/claims/${claim.id}/annotations`, { body: 'None, per the **registry**.', parentId: question.id }, editor).expect(201)).body;
      await post(`/api/v1/claims/${claim.id}/annotations`, { body: 'Deeper still.', parentId: reply.id }).expect(201);
      await post(`/api/v1/claims/${claim.id}/annotations`, { body: 'legal-history', motivation: 'tagging' }).expect(201);
      await post(`/api/v1/claims/${claim.id}/sources`, { source: { url: 'https://archive.example.org/records/7', title: 'Court registry' }, stance: 'refutes', excerpt: 'no case on file', note: 'checked by phone' }).expect(201);
      await post(`/api/v1/claims/${claim.id}/sources`, { source: { url: 'https://news.example/background' }, stance: 'context' }).expect(201);

      const target = await newCopy();
      const outcome = (await importInto(target, await exportOf(source)).expect(200)).body;
      expect(outcome.failed).toEqual([]);
      const [copied] = await claimsOf(target);
      expect(copied).toMatchObject({ quote: claim.quote, start: claim.start, claimant: 'RT', claimReviewed: 'Prokopchuk was never charged', tags: ['interpol', 'legal'] });

      const shape = (notes: Note[]) => {
        const index = new Map(notes.map((note, i) => [note.id, i]));
        return notes.map((note) => ({ body: note.body, motivation: note.motivation, parent: note.parentId === null ? null : index.get(note.parentId) }));
      };
      expect(shape(await notesOf(copied.id))).toEqual(shape(await notesOf(claim.id)));

      const sources = (await get(`/api/v1/claims/${copied.id}/sources`).expect(200)).body.items as { stance: string; excerpt: string | null; note: string | null; source: { url: string; title: string | null } }[];
      expect(sources.map((s) => [s.source.url, s.stance, s.excerpt, s.note]).sort()).toEqual([
        ['https://archive.example.org/records/7', 'refutes', 'no case on file', 'checked by phone'],
        ['https://news.example/background', 'context', null, null],
      ]);
    });

    it('imports the desk\'s own collection of more than one page by following its pages (failed on main: 422)', async () => {
      const text = Array.from({ length: 130 }, (_, i) => `Claim number ${i + 1} says the harbour moved ${i + 1} tonnes.`).join('\n\n');
      const source = (await post('/api/v1/articles', { format: 'text', content: text }).expect(201)).body.id;
      for (let i = 1; i <= 130; i++) {
        await post(`/api/v1/articles/${source}/claims`, { selector: { type: 'TextQuoteSelector', exact: `Claim number ${i} says` } }).expect(201);
      }
      const collection = await exportOf(source);
      expect(collection.total).toBe(130);
      expect(collection.first.next).toBeDefined();
      const target = (await post('/api/v1/articles', { format: 'text', content: text }).expect(201)).body.id;
      const outcome = (await importInto(target, collection).expect(200)).body;
      expect(outcome.failed).toEqual([]);
      expect(outcome.created).toHaveLength(130);
      expect(outcome.created.map((c: { index: number }) => c.index)).toEqual(Array.from({ length: 130 }, (_, i) => i));
      expect((await claimsOf(target)).map((c) => c.quote).sort()).toEqual((await claimsOf(source)).map((c) => c.quote).sort());
    });

    it('refuses a collection whose pages live at another address, saying so', async () => {
      const collection = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', total: 3, first: { type: 'AnnotationPage', items: [], next: 'https://elsewhere.example/page2' } };
      const res = await importInto(article.id, collection).expect(422);
      expect(res.body.detail).toMatch(/elsewhere\.example/);
    });
  });

  describe('Hypothesis', () => {
    const uri = 'https://news.example/interpol-2018';
    const hypothesisExport = () => ({
      export_date: '2026-11-30T10:00:00.000000+00:00',
      export_userid: 'acct:fact_checker@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        {
          id: 'hyp-root-1', created: '2018-11-22T09:15:00.000000+00:00', updated: '2018-11-22T09:15:00.000000+00:00',
          user: 'acct:fact_checker@hypothes.is', user_info: { display_name: 'Fay Checker' }, uri, text: 'Who says he was the favourite?', tags: ['interpol'],
          group: '__world__', permissions: { read: ['group:__world__'] }, document: { title: ['Interpol'] }, links: {},
          target: [{ source: uri, selector: [{ type: 'TextQuoteSelector', exact: 'Kim Jong-yang', prefix: 'South Korean ', suffix: ' after' }] }],
        },
        {
          id: 'hyp-reply-1', created: '2018-11-22T10:00:00.000000+00:00', updated: '2018-11-22T10:00:00.000000+00:00',
          user: 'acct:second_look@hypothes.is', user_info: { display_name: 'Sam Second' }, uri, text: 'The Times, 18 Nov.', tags: [],
          references: ['hyp-root-1'], target: [{ source: uri }],
        },
        {
          id: 'hyp-reply-2', created: '2018-11-22T11:00:00.000000+00:00', updated: '2018-11-22T11:00:00.000000+00:00',
          user: 'acct:fact_checker@hypothes.is', user_info: { display_name: 'Fay Checker' }, uri, text: 'Thanks — adding it.', tags: [],
          references: ['hyp-root-1', 'hyp-reply-1'], target: [{ source: uri }],
        },
        {
          id: 'hyp-page-note', created: '2018-11-23T08:00:00.000000+00:00', updated: '2018-11-23T08:00:00.000000+00:00',
          user: 'acct:fact_checker@hypothes.is', uri, text: 'A note on the whole page.', tags: [], target: [{ source: uri }],
        },
      ],
    });

    it('accepts the Hypothesis client\'s export file, keeps replies as a thread with original authors and dates (failed on main: 422)', async () => {
      const target = await newCopy();
      const outcome = (await importInto(target, hypothesisExport()).expect(200)).body;
      expect(outcome.created).toEqual([expect.objectContaining({ index: 0 })]);
      expect(outcome.failed).toEqual([expect.objectContaining({ index: 3, reason: expect.stringMatching(/page note/) })]);
      const notes = await notesOf(outcome.created[0].claimId);
      expect(notes.map((note) => note.body)).toEqual(['Who says he was the favourite?', 'The Times, 18 Nov.', 'Thanks — adding it.']);
      expect(notes[1].parentId).toBe(notes[0].id);
      expect(notes[2].parentId).toBe(notes[1].id);
      expect(notes.map((note) => note.origin)).toEqual([
        { id: 'hyp-root-1', author: 'Fay Checker (acct:fact_checker@hypothes.is)', createdAt: '2018-11-22T09:15:00.000Z' },
        { id: 'hyp-reply-1', author: 'Sam Second (acct:second_look@hypothes.is)', createdAt: '2018-11-22T10:00:00.000Z' },
        { id: 'hyp-reply-2', author: 'Fay Checker (acct:fact_checker@hypothes.is)', createdAt: '2018-11-22T11:00:00.000Z' },
      ]);
    });

    it('importing the same file twice creates nothing new (failed on main: duplicate claims)', async () => {
      const target = await newCopy();
      const first = (await importInto(target, hypothesisExport()).expect(200)).body;
      const second = (await importInto(target, hypothesisExport()).expect(200)).body;
      expect(second.created).toEqual([]);
      expect(second.replies).toEqual([]);
      const claimId = first.created[0].claimId;
      expect(second.existing).toEqual([{ index: 0, claimId }, { index: 1, claimId }, { index: 2, claimId }]);
      expect(await claimsOf(target)).toHaveLength(1);
      expect(await notesOf(first.created[0].claimId)).toHaveLength(3);
    });

    it('re-importing the desk\'s own export into the same article changes nothing', async () => {
      const target = await newCopy();
      await post(`/api/v1/articles/${target}/claims`, { selector: { type: 'TextQuoteSelector', exact: 'Kim Jong-yang' } }).expect(201);
      const outcome = (await importInto(target, await exportOf(target)).expect(200)).body;
      expect(outcome.created).toEqual([]);
      expect(outcome.existing).toHaveLength(1);
      expect(await claimsOf(target)).toHaveLength(1);
    });
  });
});
