import { dropSearchIndex, runStatement, Statement, Transactions } from '@claimdesk/database';
import { SearchIndexService } from '@claimdesk/reports';
import { bearer, freshDatabaseUrl, SignedInUser, TestDesk } from '../support/test-app';

interface Result { type: string; id: string; articleId: string | null; claimId: string | null; title: string; snippet: string; score: number }

/**
 * API.md, "Work": `GET /api/v1/search`. Runs on SQLite (FTS5) and, with TEST_DATABASE_URL, on PostgreSQL
 * (tsvector): the same expectations on both engines.
 */
describe('search across everything (e2e)', () => {
  let desk: TestDesk;
  let database: { url: string; cleanup: () => void };
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let articleId: string;
  let claimId: string;
  let phraseClaimId: string;
  let noteId: string;
  let sourceId: string;
  let verdictId: string;

  const ARTICLE = [
    'The minister was accusing the mayor of hiding the true cost of the bridge.',
    'Officials at the Élysée said the budget doubled in two years, a figure the opposition disputes.',
    'Nobody doubled the hospital budget.',
  ].join('\n\n');

  const search = async (q: string, extra: Record<string, string | number> = {}, user: SignedInUser = reviewer): Promise<{ items: Result[]; nextCursor: string | null }> =>
    (await desk.http.get('/api/v1/search').query({ q, ...extra }).set(...bearer(user)).expect(200)).body;
  const found = async (q: string, extra: Record<string, string | number> = {}): Promise<string[]> => (await search(q, extra)).items.map((r) => `${r.type}:${r.id}`);
  const claimOn = async (exact: string, extra: Record<string, unknown> = {}): Promise<string> =>
    (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact }, ...extra }).expect(201)).body.id;
  const note = async (claim: string, body: string): Promise<string> =>
    (await desk.http.post(`/api/v1/claims/${claim}/annotations`).set(...bearer(reviewer)).send({ body }).expect(201)).body.id;

  beforeAll(async () => {
    database = await freshDatabaseUrl();
    desk = await TestDesk.start({}, database.url);
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer))
      .send({ format: 'text', title: 'Quarterly Wombat Review', content: ARTICLE }).expect(201)).body.id;
    claimId = await claimOn('accusing the mayor of hiding', { claimant: 'Gerontius Plimsoll', claimReviewed: 'The mayor concealed the marsupial expenses' });
    phraseClaimId = await claimOn('the budget doubled in two years');
    noteId = await note(claimId, 'Checked with the treasurer: the **xylophone** ledger disagrees. <script>alert(1)</script>');
    sourceId = (await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer))
      .send({ source: { url: 'https://stats.quokkaland.example/report-2018', title: 'Annual Narwhal Statistics' }, stance: 'refutes' }).expect(201)).body.sourceId;
    verdictId = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer))
      .send({ rating: 'false', rationale: 'The ledger shows the platypus payments were declared.' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await desk.close();
    database.cleanup();
  });

  it.each([
    ['article title', 'wombat', () => `article:${articleId}`],
    ['article text', 'opposition', () => `article:${articleId}`],
    ['claim quote', 'hiding', () => `claim:${claimId}`],
    ['claimant', 'plimsoll', () => `claim:${claimId}`],
    ['claimReviewed', 'marsupial', () => `claim:${claimId}`],
    ['note body', 'xylophone', () => `annotation:${noteId}`],
    ['source title', 'narwhal', () => `source:${sourceId}`],
    ['source URL', 'quokkaland', () => `source:${sourceId}`],
    ['verdict rationale', 'platypus', () => `verdict:${verdictId}`],
  ])('finds a word of the %s', async (_field, word, expected) => {
    expect(await found(word)).toContain(expected());
  });

  it('says where each result is: its article and claim, a title and a score', async () => {
    const { items } = await search('xylophone');
    expect(items).toEqual([{ type: 'annotation', id: noteId, articleId, claimId, title: 'accusing the mayor of hiding', snippet: expect.any(String), score: expect.any(Number) }]);
    const [source] = (await search('narwhal')).items;
    expect(source).toMatchObject({ articleId, claimId, title: 'Annual Narwhal Statistics' });
    const [article] = (await search('wombat')).items;
    expect(article).toMatchObject({ articleId, claimId: null, title: 'Quarterly Wombat Review' });
  });

  it('folds case and accents both ways: "elysee" and "ÉLYSÉE" find "Élysée"', async () => {
    expect(await found('elysee')).toContain(`article:${articleId}`);
    expect(await found('ÉLYSÉE')).toContain(`article:${articleId}`);
    expect(await found('XYLOPHONE')).toContain(`annotation:${noteId}`);
  });

  it('stems English words: "accused" finds "accusing"', async () => {
    expect(await found('accused')).toEqual(expect.arrayContaining([`claim:${claimId}`, `article:${articleId}`]));
  });

  it('matches "quoted phrases" as phrases, and requires every word', async () => {
    const phrase = await found('"budget doubled"', { type: 'claim' });
    expect(phrase).toContain(`claim:${phraseClaimId}`);
    // "doubled the hospital budget" has both words, not the phrase; the claim "accusing…" has neither.
    const hospital = await claimOn('doubled the hospital budget');
    expect(await found('"budget doubled"', { type: 'claim' })).not.toContain(`claim:${hospital}`);
    expect(await found('budget doubled', { type: 'claim' })).toEqual(expect.arrayContaining([`claim:${hospital}`, `claim:${phraseClaimId}`]));
    expect(await found('budget xylophone')).toEqual([]);
  });

  it('ranks a title match above a mention in the text', async () => {
    const other = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer))
      .send({ format: 'text', title: 'Something else', content: `A long text. ${'Filler words here. '.repeat(30)} It mentions a wombat once.` }).expect(201)).body.id;
    const ids = await found('wombat', { type: 'article' });
    expect(ids).toEqual([`article:${articleId}`, `article:${other}`]);
  });

  it('highlights the matched words in an HTML-escaped snippet', async () => {
    const [claim] = (await search('accused', { type: 'claim' })).items;
    expect(claim.snippet).toContain('<mark>accusing</mark>');
    const [n] = (await search('xylophone')).items;
    expect(n.snippet).toContain('<mark>xylophone</mark>');
    expect(n.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(n.snippet).not.toContain('<script>');
    const [a] = (await search('elysee', { type: 'article' })).items;
    expect(a.snippet).toContain('<mark>Élysée</mark>');
  });

  it('filters by type, comma-separated, and refuses an unknown type with 422', async () => {
    const all = (await search('ledger')).items.map((r) => r.type).sort();
    expect(all).toEqual(['annotation', 'verdict']);
    expect((await search('ledger', { type: 'verdict' })).items.map((r) => r.type)).toEqual(['verdict']);
    expect((await search('ledger', { type: 'annotation,verdict' })).items).toHaveLength(2);
    expect((await search('ledger', { type: 'claim,source' })).items).toEqual([]);
    const refused = await desk.http.get('/api/v1/search').query({ q: 'ledger', type: 'claim,notes' }).set(...bearer(reviewer)).expect(422);
    expect(refused.body.code).toBe('validation_failed');
    await desk.http.get('/api/v1/search').query({ q: '' }).set(...bearer(reviewer)).expect(422);
    await desk.http.get('/api/v1/search').set(...bearer(reviewer)).expect(422);
  });

  it('pages through every result once with limit and cursor', async () => {
    const notes = [];
    for (let i = 0; i < 7; i++) notes.push(await note(phraseClaimId, `Kookaburra number ${i}`));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Result[]; nextCursor: string | null } = await search('kookaburra', cursor ? { limit: 3, cursor } : { limit: 3 });
      seen.push(...page.items.map((r) => r.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...notes].sort());
    await desk.http.get('/api/v1/search').query({ q: 'kookaburra', cursor: 'not-a-cursor' }).set(...bearer(reviewer)).expect(422);
    await desk.http.get('/api/v1/search').query({ q: 'kookaburra', limit: 201 }).set(...bearer(reviewer)).expect(422);
  });

  it('needs a signed-in user', async () => {
    await desk.http.get('/api/v1/search').query({ q: 'wombat' }).expect(401);
  });

  it('takes operators and stray syntax of either engine as plain words, never as syntax', async () => {
    for (const q of ['"', '""', '"xylophone', 'xylophone"', '*', 'xylo*', 'NEAR(xylophone ledger)', 'xylophone NEAR ledger', '-xylophone',
      'body:xylophone', 'title : wombat', '(xylophone', 'xylophone)', 'xylophone OR wombat', 'NOT xylophone', 'AND', "x' OR 1=1 --", '!&|<->:*', '^xylophone', '{title}: wombat']) {
      const res = await desk.http.get('/api/v1/search').query({ q }).set(...bearer(reviewer));
      expect([q, res.status]).toEqual([q, 200]);
    }
    expect(await found('"xylophone')).toContain(`annotation:${noteId}`);
    expect(await found('-xylophone')).toContain(`annotation:${noteId}`);
    expect(await found('body:xylophone')).toEqual([]); // "body" is a word that must match too
    expect(await found('xylophone OR wombat')).toEqual([]); // "or" is a word, not an operator: nothing has all three
    expect((await search('*')).items).toEqual([]);
  });

  it('never finds a deleted note, for anyone, and finds an edited note by its new words only', async () => {
    const edited = await note(claimId, 'The first wording mentions an ocelot');
    await desk.http.patch(`/api/v1/annotations/${edited}`).set(...bearer(reviewer)).send({ body: 'Now it names a pangolin' }).expect(200);
    expect(await found('ocelot')).toEqual([]);
    expect(await found('pangolin')).toEqual([`annotation:${edited}`]);
    const reply = (await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(reviewer)).send({ body: 'a reply about the capybara', parentId: edited }).expect(201)).body.id;
    // With a reply, the deleted note stays as a tombstone: still never found.
    await desk.http.delete(`/api/v1/annotations/${edited}`).set(...bearer(reviewer)).expect(204);
    expect(await found('pangolin')).toEqual([]);
    expect((await search('pangolin', {}, editor)).items).toEqual([]);
    expect((await search('pangolin', {}, desk.admin)).items).toEqual([]);
    expect(await found('capybara')).toEqual([`annotation:${reply}`]);
  });

  it('follows edits and removals of claims, sources, verdicts and articles', async () => {
    const claim = await claimOn('a figure the opposition disputes', { claimant: 'Archibald Tumnus' });
    await note(claim, 'a note about the gazelle');
    expect(await found('tumnus')).toEqual([`claim:${claim}`]);
    await desk.http.patch(`/api/v1/claims/${claim}`).set(...bearer(reviewer)).send({ claimant: 'Bartholomew Quill' }).expect(200);
    expect(await found('tumnus')).toEqual([]);
    expect(await found('quill')).toEqual([`claim:${claim}`]);
    await desk.http.patch(`/api/v1/sources/${sourceId}`).set(...bearer(reviewer)).send({ title: 'Annual Dugong Statistics' }).expect(200);
    expect(await found('narwhal')).toEqual([]);
    expect(await found('dugong')).toEqual([`source:${sourceId}`]);
    await desk.http.patch(`/api/v1/verdicts/${verdictId}`).set(...bearer(reviewer)).send({ rationale: 'The axolotl payments were declared.' }).expect(200);
    expect(await found('platypus')).toEqual([]);
    expect(await found('axolotl')).toEqual([`verdict:${verdictId}`]);
    await desk.http.delete(`/api/v1/claims/${claim}`).set(...bearer(editor)).expect(204);
    expect(await found('quill')).toEqual([]);
    expect(await found('gazelle')).toEqual([]);

    const doomed = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: 'The iguana census was faked.' }).expect(201)).body.id;
    const doomedClaim = (await desk.http.post(`/api/v1/articles/${doomed}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact: 'iguana census' } }).expect(201)).body.id;
    await note(doomedClaim, 'iguana experts disagree');
    expect((await found('iguana')).length).toBe(3);
    await desk.http.put(`/api/v1/articles/${doomed}/text`).set(...bearer(reviewer)).send({ format: 'text', content: 'The iguana census was faked, says the tapir.' }).expect(200);
    expect(await found('tapir')).toEqual([`article:${doomed}`]);
    await desk.http.delete(`/api/v1/articles/${doomed}`).set(...bearer(editor)).expect(204);
    expect(await found('iguana')).toEqual([]);
    expect(await found('tapir')).toEqual([]);
  });

  it('changes the index in the same transaction as the change: a rolled-back change leaves nothing in it', async () => {
    const transactions = desk.app.get(Transactions);
    await expect(transactions.run(async (tx) => {
      await runStatement(tx.manager, new Statement('UPDATE claims SET claimant = ? WHERE id = ?'), ['Rollback Chinchilla', claimId]);
      await runStatement(tx.manager, new Statement('UPDATE annotations SET body = ? WHERE id = ?'), ['chinchilla everywhere', noteId]);
      throw new Error('the change fails after its writes');
    })).rejects.toThrow('the change fails');
    expect(await found('chinchilla')).toEqual([]);
    expect(await found('plimsoll')).toEqual([`claim:${claimId}`]);
    expect(await found('xylophone')).toEqual([`annotation:${noteId}`]);
  });

  it('indexes an article with more distinct words than one tsvector holds (PostgreSQL keeps its first 250,000 characters)', async () => {
    const word = (i: number): string => Array.from({ length: 7 }, (_, k) => String.fromCharCode(97 + (Math.floor(i / 26 ** k) % 26))).join('');
    const words = Array.from({ length: 130_000 }, (_, i) => word(i));
    const content = `Hippopotamus census. ${words.join(' ')}`;
    const id = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', title: 'A very long census', content }).expect(201)).body.id;
    expect(await found('hippopotamus')).toEqual([`article:${id}`]);
  });

  it('rebuilds the index from the tables (the CLI\'s search rebuild)', async () => {
    const before = await found('ledger');
    const transactions = desk.app.get(Transactions);
    await transactions.run(async (tx) => {
      await tx.manager.query(tx.engine === 'sqlite' ? "INSERT INTO search_index (search_index) VALUES ('delete-all')" : 'DELETE FROM search_docs');
      await tx.manager.query('DELETE FROM search_docs');
    });
    expect(await found('ledger')).toEqual([]);
    const steps: string[] = [];
    const entries = await desk.app.get(SearchIndexService).rebuild((kind) => steps.push(kind));
    expect(steps).toEqual(['article', 'claim', 'annotation', 'source', 'verdict']);
    expect(entries).toBeGreaterThan(10);
    expect((await found('ledger')).sort()).toEqual(before.sort());
  });

  it('indexes, on upgrade, everything the desk held before the migration (run last: it restarts the desk)', async () => {
    const before = (await found('ledger')).sort();
    const transactions = desk.app.get(Transactions);
    await transactions.run(async (tx) => {
      for (const sql of dropSearchIndex(tx.engine)) await tx.manager.query(sql);
      await runStatement(tx.manager, new Statement('DELETE FROM migrations WHERE name = ?'), ['SearchIndex1765000005000']);
    });
    await desk.app.close();
    desk = await TestDesk.start({}, database.url);
    expect((await found('ledger')).sort()).toEqual(before);
    expect(await found('elysee')).toContain(`article:${articleId}`);
    expect(await found('plimsoll')).toEqual([`claim:${claimId}`]);
  });
});
