import { freshDatabaseUrl, bearer, TestDesk } from '../support/test-app';

interface ArticleSummary {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  language: string | null;
  format: string;
}

async function articlesOf(desk: TestDesk): Promise<ArticleSummary[]> {
  return (await desk.http.get('/api/v1/articles').set(...bearer(desk.admin)).expect(200)).body.items as ArticleSummary[];
}

describe('the example article on an empty desk (e2e)', () => {
  it('imports the example on start with CLAIMDESK_DEMO=1, once (failed on main: the desk started empty)', async () => {
    const db = await freshDatabaseUrl();
    try {
      const first = await TestDesk.start({ CLAIMDESK_DEMO: '1' }, db.url);
      const [example, ...others] = await articlesOf(first);
      expect(others).toEqual([]);
      expect(example).toMatchObject({
        title: 'Russian Loses Interpol Presidency After US Pushes Opposing Vote',
        publisher: 'RT',
        publishedAt: '2018-11-21T00:00:00.000Z',
        language: 'en',
        format: 'markdown',
      });
      const article = (await first.http.get(`/api/v1/articles/${example.id}`).set(...bearer(first.admin)).expect(200)).body as { text: string; createdBy: string };
      expect(article.text).toContain('Prokopchuk');
      expect(article.createdBy).toBe(first.admin.id);
      await first.close();

      // A desk that has articles is left as it is.
      const again = await TestDesk.start({ CLAIMDESK_DEMO: '1' }, db.url);
      expect((await articlesOf(again)).map((a) => a.id)).toEqual([example.id]);
      await again.close();
    } finally {
      db.cleanup();
    }
  });

  it('starts empty without it', async () => {
    const desk = await TestDesk.start();
    expect(await articlesOf(desk)).toEqual([]);
    await desk.close();
  });
});
