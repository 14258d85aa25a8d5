import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { ARTICLE_HTML, PageServer, PAGE_HOST } from '../support/page-server';
import { bearer, TestDesk } from '../support/test-app';
import { CliWorld, UUID } from './cli-harness';

/** `claimdesk import <url>`, and snapshots travelling with `claimdesk backup`. */
describe('the desk and the web (cli)', () => {
  const world = new CliWorld();
  let pages: PageServer;
  const env = (): Record<string, string | undefined> => world.env({ CLAIMDESK_FETCH_ALLOW: PAGE_HOST });

  beforeAll(async () => {
    pages = await PageServer.start();
  });
  afterAll(async () => {
    await pages.close();
    world.cleanup();
  });

  it('imports a page by URL as POST /articles/from-url does and prints its id (failed on main: file not found)', async () => {
    const imported = await world.run(['import', pages.url('/hops/1'), '--publisher', 'Wire', '--json'], { env: env() });
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    const article = JSON.parse(imported.stdout) as { id: string; url: string; publisher: string; text: string };
    expect(article).toMatchObject({ id: expect.stringMatching(UUID), url: pages.url('/article'), publisher: 'Wire' });
    expect(article.text).toContain('favorite to lead Interpol');
  });

  it('refuses private addresses, other schemes and --format with a URL, saying why', async () => {
    const refused = await world.run(['import', 'http://127.0.0.1:9/article'], { env: env() });
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('fetch_forbidden: the desk may not fetch from 127.0.0.1 is a loopback address') });
    const ftp = await world.run(['import', 'ftp://files.example/story.html'], { env: env() });
    expect(ftp).toMatchObject({ code: 2, stderr: expect.stringContaining('only http and https URLs can be fetched') });
    const format = await world.run(['import', pages.url('/article'), '--format', 'html'], { env: env() });
    expect(format).toMatchObject({ code: 2, stderr: expect.stringContaining('--format does not go with a URL') });
  });

  it('backs up snapshots with the database, bytes and hash intact', async () => {
    const desk = await TestDesk.start({ CLAIMDESK_FETCH_ALLOW: PAGE_HOST }, world.databaseUrl);
    let snapshot: { id: string; sha256: string };
    try {
      const source = (await desk.http.post('/api/v1/sources').set(...bearer(desk.admin)).send({ url: pages.url('/article') }).expect(201)).body;
      snapshot = (await desk.http.post(`/api/v1/sources/${source.id}/snapshots`).set(...bearer(desk.admin)).expect(201)).body;
    } finally {
      await desk.close();
    }
    const copy = world.path('backup.sqlite');
    expect((await world.run(['backup', copy])).code).toBe(0);
    const db = new Database(copy, { readonly: true });
    try {
      const row = db.prepare('SELECT content, sha256 FROM source_snapshots WHERE id = ?').get(snapshot.id) as { content: Buffer; sha256: string };
      expect(row.content.toString('utf8')).toBe(ARTICLE_HTML);
      expect(createHash('sha256').update(row.content).digest('hex')).toBe(snapshot.sha256);
    } finally {
      db.close();
    }
  });
});
