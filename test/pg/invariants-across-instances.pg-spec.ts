import { Client } from 'pg';
import { bearer, freshDatabaseUrl, SignedInUser, TestDesk } from '../support/test-app';

jest.setTimeout(180_000); // bounded loops of tries on a shared, busy machine

/**
 * API.md, "Invariants under concurrency", across instances: two API instances on one PostgreSQL
 * database cannot share an in-process lock, so the rule must hold in the database.
 */
describe('verdict invariants across instances (PostgreSQL)', () => {
  let first: TestDesk;
  let second: TestDesk;
  let db: Client;
  let author: SignedInUser;
  let editor: SignedInUser;
  let publisher: SignedInUser;
  let articleId: string;

  beforeAll(async () => {
    if (!process.env.TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL must name a PostgreSQL database for this suite');
    const fresh = await freshDatabaseUrl();
    first = await TestDesk.start({}, fresh.url);
    second = await TestDesk.start({}, fresh.url);
    db = new Client({ connectionString: fresh.url });
    await db.connect();
    author = await first.user('reviewer');
    editor = await first.user('editor');
    publisher = await first.user('editor');
    articleId = (await first.http.post('/api/v1/articles').set(...bearer(author)).send({ format: 'text', content: 'Crime fell to a record low.' }).expect(201)).body.id;
  });
  afterAll(async () => {
    await db.end();
    await second.close();
    await first.close();
  });

  const approvedVerdict = async (claimId: string): Promise<string> => {
    const id = (await first.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(author)).send({ rating: 'false', rationale: 'It rose.' }).expect(201)).body.id as string;
    await first.http.post(`/api/v1/verdicts/${id}/submit`).set(...bearer(author)).expect(200);
    await first.http.post(`/api/v1/verdicts/${id}/approve`).set(...bearer(editor)).expect(200);
    return id;
  };

  it('publishes one of two verdicts published at once through two instances (failed on main: both published)', async () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const claim = (await first.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(author)).send({ selector: { type: 'TextQuoteSelector', exact: 'record low' } }).expect(201)).body as { id: string };
      await first.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(author)).send({ source: { url: `https://police.example/stats/${attempt}` }, stance: 'refutes' }).expect(201);
      const [a, b] = [await approvedVerdict(claim.id), await approvedVerdict(claim.id)];
      const answers = await Promise.all([
        first.http.post(`/api/v1/verdicts/${a}/publish`).set(...bearer(publisher)),
        second.http.post(`/api/v1/verdicts/${b}/publish`).set(...bearer(publisher)),
      ]);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
      const published = await db.query("SELECT id FROM verdicts WHERE claim_id = $1 AND status = 'published'", [claim.id]);
      expect(published.rowCount).toBe(1);
    }
  });

  it('refuses a second published verdict in the database itself, whatever writes it (failed on main: no such rule)', async () => {
    const claim = (await first.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(author)).send({ selector: { type: 'TextQuoteSelector', exact: 'Crime fell' } }).expect(201)).body as { id: string };
    await first.http.post(`/api/v1/claims/${claim.id}/sources`).set(...bearer(author)).send({ source: { url: 'https://police.example/annual' }, stance: 'refutes' }).expect(201);
    const [a, b] = [await approvedVerdict(claim.id), await approvedVerdict(claim.id)];
    await first.http.post(`/api/v1/verdicts/${a}/publish`).set(...bearer(publisher)).expect(200);
    await expect(db.query("UPDATE verdicts SET status = 'published' WHERE id = $1", [b])).rejects.toMatchObject({ code: '23505' });
  });
});
