import { DataSource } from 'typeorm';
import { VerdictEvidence1765000000300 } from '@claimdesk/database/migrations/1765000000300-verdict-evidence';
import { binary } from '../support/binary-body';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** Hardening, "Published evidence is frozen". */
describe('published evidence is frozen (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let articleId: string;
  let counter = 0;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer))
      .send({ format: 'text', content: 'The port handled twice as many ships. Wages rose by a third. The school closed in June.' }).expect(201)).body.id;
  });
  afterAll(() => desk.close());

  /** A claim with one source, and a verdict published on it. */
  async function publishedClaim(exact: string): Promise<{ claimId: string; sourceId: string; verdictId: string; url: string }> {
    const url = `https://port-authority.example/annual-report-${++counter}`;
    const claimId = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id;
    const link = (await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer))
      .send({ source: { url, title: 'Port annual report', publisher: 'Port Authority' }, stance: 'refutes', excerpt: 'ship calls rose 4%' }).expect(201)).body;
    const verdictId = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'false', rationale: 'Calls rose 4%.' }).expect(201)).body.id;
    await desk.http.post(`/api/v1/verdicts/${verdictId}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdictId}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdictId}/publish`).set(...bearer(editor)).expect(200);
    return { claimId, sourceId: link.sourceId, verdictId, url };
  }
  const report = (format: string) => desk.http.get(`/api/v1/articles/${articleId}/report`).query({ format }).set(...bearer(reviewer)).expect(200);
  const textReports = async () => Object.fromEntries(await Promise.all(['json', 'markdown', 'html', 'csv', 'claimreview'].map(async (f) => [f, (await report(f)).text] as const)));
  const pdfText = async () => ((await report('pdf').buffer(true).parse(binary)).body as Buffer).toString('latin1');

  it('lets no reviewer remove a source under a published verdict (failed on main: 204)', async () => {
    const { claimId, sourceId } = await publishedClaim('twice as many ships');
    const refused = await desk.http.delete(`/api/v1/claims/${claimId}/sources/${sourceId}`).set(...bearer(reviewer)).expect(403);
    expect(refused.body.code).toBe('forbidden');
    expect((await desk.http.get(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer)).expect(200)).body.items).toHaveLength(1);
    await desk.http.delete(`/api/v1/claims/${claimId}/sources/${sourceId}`).set(...bearer(editor)).expect(204);
  });

  it('keeps the published report as published when a source is retitled or removed later (failed on main: the report changed)', async () => {
    const { claimId, sourceId, verdictId, url } = await publishedClaim('Wages rose by a third');
    const before = await textReports();
    expect(before.markdown).toContain('Port annual report');

    await desk.http.patch(`/api/v1/sources/${sourceId}`).set(...bearer(reviewer)).send({ title: 'Doctored title', publisher: 'Doctored Ltd', archiveUrl: 'https://elsewhere.example/doctored' }).expect(200);
    await desk.http.delete(`/api/v1/claims/${claimId}/sources/${sourceId}`).set(...bearer(editor)).expect(204);

    const after = await textReports();
    for (const format of Object.keys(after)) {
      expect([format, after[format]]).toEqual([format, expect.not.stringMatching(/Doctored|elsewhere\.example/)]);
    }
    const claim = (JSON.parse(after.json).articles[0].claims as { id: string; sources: { stance: string; source: { url: string; title: string; publisher: string } }[] }[]).find((c) => c.id === claimId)!;
    expect(claim.sources).toEqual([expect.objectContaining({ stance: 'refutes', excerpt: 'ship calls rose 4%', source: expect.objectContaining({ url, title: 'Port annual report', publisher: 'Port Authority' }) })]);
    expect(after.markdown).toContain('Port annual report');
    expect(after.html).toContain(url);
    expect(after.csv).toContain(url);
    expect(after.claimreview).toBe(before.claimreview);
    const pdf = await pdfText();
    expect(pdf).toContain(`/URI (${url})`);
    expect(pdf).not.toContain('elsewhere.example');

    // The verdict says what it was published with; the claim's own sources are the live ones.
    expect((await desk.http.get(`/api/v1/verdicts/${verdictId}`).set(...bearer(reviewer)).expect(200)).body.evidence).toEqual([
      expect.objectContaining({ sourceId, stance: 'refutes', source: expect.objectContaining({ url, title: 'Port annual report' }) }),
    ]);
    expect((await desk.http.get(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer)).expect(200)).body.items).toEqual([]);
  });

  it('backfills the evidence of verdicts published before the migration from their current links', async () => {
    const { verdictId, url } = await publishedClaim('The school closed');
    const draftId = (await desk.http.get(`/api/v1/verdicts/${verdictId}`).set(...bearer(reviewer)).expect(200)).body.claimId;
    const dataSource = desk.app.get(DataSource);
    const migration = new VerdictEvidence1765000000300();
    const runner = dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const verdict = (await desk.http.get(`/api/v1/verdicts/${verdictId}`).set(...bearer(reviewer)).expect(200)).body;
    expect(verdict.evidence).toEqual([expect.objectContaining({ claimId: draftId, stance: 'refutes', excerpt: 'ship calls rose 4%', source: expect.objectContaining({ url, title: 'Port annual report' }) })]);
    const draft = (await desk.http.post(`/api/v1/claims/${draftId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true' }).expect(201)).body;
    expect(draft.evidence).toBeNull();
  });
});
