import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { INTERPOL_MD } from '../support/fixtures';
import { CliWorld, FIXTURE, UUID } from './cli-harness';

const TITLE = 'Russian Loses Interpol Presidency After US Pushes Opposing Vote';

describe('claimdesk import, export and report (cli)', () => {
  const world = new CliWorld();
  let articleId: string;
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  const claims: Record<string, string> = {};

  beforeAll(async () => {
    const imported = await world.run(['import', FIXTURE, '--url', 'https://news.example/interpol-2018', '--publisher', 'RT', '--published-at', '2018-11-21']);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    articleId = imported.stdout.trim();

    // The review itself happens in the API, on the same database file, while the CLI reads it.
    desk = await TestDesk.start({}, world.databaseUrl);
    reviewer = await desk.user('reviewer', 'Rhea Reviewer');
    editor = await desk.user('editor', 'Ezra Editor');
    for (const [key, exact] of [['favorite', 'was the "favorite" to lead'], ['accused', 'was accused, but not prosecuted or charged'], ['kim', 'Kim Jong-yang']] as const) {
      claims[key] = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect(201)).body.id;
    }
    await desk.http.post(`/api/v1/claims/${claims.favorite}/annotations`).set(...bearer(reviewer)).send({ body: 'The Times piece of 18 Nov says so.' }).expect(201);
    await desk.http.post(`/api/v1/claims/${claims.favorite}/sources`).set(...bearer(reviewer)).send({ source: { url: 'https://www.thetimes.co.uk/article/interpol' }, stance: 'supports' }).expect(201);
    const verdict = (await desk.http.post(`/api/v1/claims/${claims.favorite}/verdicts`).set(...bearer(reviewer)).send({ rating: 'true', rationale: 'The Times reported it.' }).expect(201)).body;
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/publish`).set(...bearer(editor)).expect(200);
  });
  afterAll(async () => {
    await desk?.close();
    world.cleanup();
  });

  describe('import', () => {
    it('prints only the new article id, which the API then serves with the metadata given', async () => {
      expect(articleId).toMatch(UUID);
      const article = (await desk.http.get(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).expect(200)).body;
      expect(article).toMatchObject({ title: TITLE, url: 'https://news.example/interpol-2018', publisher: 'RT', publishedAt: '2018-11-21T00:00:00.000Z', format: 'markdown', createdBy: desk.admin.id });
      expect(article.text).toContain('was the "favorite" to lead');
    });

    it('reads stdin with --format, and --json prints the article as the API shows it', async () => {
      const result = await world.run(['import', '-', '--format', 'markdown', '--title', 'From a pipe', '--as', reviewer.email, '--json'], { stdin: INTERPOL_MD });
      expect(result.code).toBe(0);
      const article = JSON.parse(result.stdout);
      expect(article).toMatchObject({ title: 'From a pipe', createdBy: reviewer.id, format: 'markdown' });
      const first = (await desk.http.get(`/api/v1/articles/${articleId}`).set(...bearer(reviewer)).expect(200)).body;
      expect(article.contentHash).toBe(first.contentHash);
    });

    it('takes the format from the extension (.html here)', async () => {
      writeFileSync(world.path('story.htm'), '<h1>Headline</h1><p>First <b>paragraph</b>.</p><script>alert(1)</script>');
      const result = await world.run(['import', 'story.htm', '--json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ format: 'html', title: 'Headline', text: 'Headline\n\nFirst paragraph.' });
    });

    it.each([
      [['import', 'missing.md'], 3, 'claimdesk: not_found: file missing.md does not exist'],
      [['import', FIXTURE, '--as', 'nobody@desk.test'], 3, 'claimdesk: not_found: user nobody@desk.test does not exist'],
      [['import', 'notes.rtf'], 2, 'claimdesk: usage: cannot tell the format of notes.rtf from its extension'],
      [['import', '-'], 2, 'claimdesk: usage: reading stdin needs --format'],
      [['import', FIXTURE, '--url', 'ftp://x.example/a'], 2, 'claimdesk: usage: --url: url must be a URL address'],
      [['import', FIXTURE, '--published-at', '21/11/2018'], 2, 'claimdesk: usage: --published-at: publishedAt must be a valid ISO 8601 date string'],
    ])('%j fails with exit code %i', async (argv, code, message) => {
      const result = await world.run(argv);
      expect(result.code).toBe(code);
      expect(result.stdout).toBe('');
      expect(result.stderr.split('\n')[0]).toBe(message + result.stderr.split('\n')[0].slice(message.length));
    });

    it('refuses a file with no text (exit code 1), creating nothing', async () => {
      writeFileSync(world.path('empty.md'), '\n\n   \n');
      const result = await world.run(['import', 'empty.md']);
      expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'claimdesk: validation_failed: empty.md has no text\n' });
    });
  });

  describe('export', () => {
    const exported = async (format: string): Promise<Buffer> => {
      const file = world.path(`export-${format}.out`);
      const result = await world.run(['export', articleId, '--format', format, '-o', file]);
      expect(result).toMatchObject({ code: 0, stdout: `${file}\n`, stderr: '' });
      return readFileSync(file);
    };

    it('json: the report with the claims in reading order and the published verdict', async () => {
      const report = JSON.parse((await exported('json')).toString('utf8'));
      expect(report).toMatchObject({ format: 'claimdesk-verdict-report', articles: [{ id: articleId, title: TITLE }] });
      expect(report.articles[0].claims.map((c: { quote: string }) => c.quote)).toEqual(['Kim Jong-yang', 'was the "favorite" to lead', 'was accused, but not prosecuted or charged']);
      expect(report.articles[0].claims[1].currentVerdict).toMatchObject({ ratingLabel: 'True', status: 'published', author: { displayName: 'Rhea Reviewer' } });
    });

    it('csv: a BOM, the contract header, one row per claim', async () => {
      const text = (await exported('csv')).toString('utf8');
      expect(text.charCodeAt(0)).toBe(0xfeff);
      const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(3);
      expect(rows.find((r) => r.claim_id === claims.favorite)).toMatchObject({ verdict: 'True', verdict_status: 'published', reviewer: 'Rhea Reviewer', sources: 'https://www.thetimes.co.uk/article/interpol' });
    });

    it('markdown, html, pdf: documents for people', async () => {
      expect((await exported('markdown')).toString('utf8')).toContain(TITLE);
      const html = (await exported('html')).toString('utf8');
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).toContain('<mark>was the &#34;favorite&#34; to lead</mark>');
      expect((await exported('pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('claimreview: one schema.org ClaimReview per published verdict', async () => {
      const reviews = JSON.parse((await exported('claimreview')).toString('utf8'));
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'ClaimReview', reviewRating: { alternateName: 'True' } });
    });

    it('webannotation: the W3C AnnotationCollection with every annotation in one page', async () => {
      const collection = JSON.parse((await exported('webannotation')).toString('utf8'));
      expect(collection).toMatchObject({ type: 'AnnotationCollection', total: 3, id: `https://desk.example/api/v1/articles/${articleId}/annotations` });
      expect(collection.first.items).toHaveLength(3);
      expect(collection.first.next).toBeUndefined();
      expect(collection.first.items[1].target.selector).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'TextQuoteSelector', exact: 'was the "favorite" to lead' })]));
    });

    it('without -o, writes the file named after the article into the working directory', async () => {
      const result = await world.run(['export', articleId, '--format', 'csv']);
      expect(result.code).toBe(0);
      const file = result.stdout.trim();
      expect(file).toMatch(new RegExp(`^${world.dir}/claimdesk-report-russian-loses-interpol-presidency-after-us-pushes-opposing-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      expect(readFileSync(file, 'utf8')).toContain(claims.kim);
    });

    it('with -o -, writes the document to stdout and nothing else', async () => {
      const result = await world.run(['export', articleId, '-o', '-']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).articles[0].id).toBe(articleId);
      const pdf = await world.run(['export', articleId, '--format', 'pdf', '-o', '-']);
      expect(pdf.stdoutBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('refuses to overwrite a file (exit code 4) unless --force', async () => {
      const file = world.path('kept.json');
      writeFileSync(file, 'precious');
      const refused = await world.run(['export', articleId, '-o', file]);
      expect(refused).toMatchObject({ code: 4, stdout: '', stderr: `claimdesk: refused: ${file} already exists; add --force to overwrite it\n` });
      expect(readFileSync(file, 'utf8')).toBe('precious');
      const forced = await world.run(['export', articleId, '-o', file, '--force']);
      expect(forced.code).toBe(0);
      expect(JSON.parse(readFileSync(file, 'utf8')).articles).toHaveLength(1);
    });

    it('an unknown article is not_found (exit code 3), without a stack trace unless --verbose', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const result = await world.run(['export', missing, '-o', world.path('never.json')]);
      expect(result).toMatchObject({ code: 3, stdout: '', stderr: `claimdesk: not_found: article ${missing} does not exist\n` });
      expect(existsSync(world.path('never.json'))).toBe(false);
      const verbose = await world.run(['export', missing, '--verbose']);
      expect(verbose.code).toBe(3);
      expect(verbose.stderr).toMatch(/^\s+at .+articles\.service/m);
    });
  });

  describe('report', () => {
    const today = new Date();
    const day = (offset: number): string => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

    it('streams the verdicts published in the period to a file, with a summary on stderr', async () => {
      const file = world.path('period.csv');
      const result = await world.run(['report', '--from', day(-1), '--to', day(1), '--format', 'csv', '-o', file]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${file}\n`);
      expect(result.stderr).toBe(`Report of verdicts published from ${day(-1)}T00:00:00.000Z to ${day(1)}T00:00:00.000Z: 1 article, 1 claim\n`);
      const rows = parseCsv(readFileSync(file, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((r) => r.claim_id)).toEqual([claims.favorite]);
    });

    it('names the file after the period when -o is not given', async () => {
      const result = await world.run(['report', '--from', day(-1), '--to', day(1), '--format', 'markdown']);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`${world.dir}/claimdesk-report-${day(-1)}-to-${day(1)}.md\n`);
      expect(readFileSync(result.stdout.trim(), 'utf8')).toContain(TITLE);
    });

    it('shows the articles written so far when stderr is a terminal', async () => {
      const result = await world.run(['report', '--from', day(-1), '--to', day(1), '-o', '-'], { tty: true });
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).articles).toHaveLength(1);
      expect(result.stderr).toContain('\rreport: 1 article written');
      expect(result.stderr).toMatch(/\r\x1b\[KReport of verdicts published .*: 1 article, 1 claim\n$/);
    });

    it('an empty period is an empty report, not an error', async () => {
      const result = await world.run(['report', '--from', '2000-01-01', '--to', '2000-02-01', '-o', '-']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).articles).toEqual([]);
      expect(result.stderr).toContain(': 0 articles, 0 claims');
    });
  });
});
