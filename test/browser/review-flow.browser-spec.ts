import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dragSelect, FIXTURE, launchChromium, screenshot, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

interface ApiClaim { id: string; start: number; end: number; quote: string; claimant: string | null; claimReviewed: string | null; status: string }

/**
 * The whole review of a claim through the UI: sign in, import the example article, mark a claim by
 * dragging the mouse over it, annotate it, attach a source, draft and submit a verdict; an editor
 * approves and publishes it; the report is exported.
 */
describe('reviewing a claim in the browser', () => {
  let desk: DeskServer;
  let browser: Browser;
  let reviewer: DeskUser;
  let editor: DeskUser;
  let reviewerContext: BrowserContext;
  let page: Page;
  let articleId = '';
  let claimId = '';

  beforeAll(async () => {
    desk = await DeskServer.start();
    reviewer = await desk.createUser('reviewer', 'Rita Reviewer');
    editor = await desk.createUser('editor', 'Eddie Editor');
    browser = await launchChromium();
    reviewerContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    page = await reviewerContext.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('signs in and shows the user name and role', async () => {
    await page.goto(desk.baseUrl);
    await page.getByRole('heading', { name: 'Sign in to the desk' }).waitFor();
    await screenshot(page, 'sign-in');
    await signIn(page, reviewer);
    await expect(page.getByTestId('current-user').textContent()).resolves.toContain('Reviewer');
  });

  it('rejects a wrong password with the API’s message', async () => {
    const other = await browser.newPage();
    await other.goto(desk.baseUrl);
    await other.getByLabel('E-mail').fill(reviewer.email);
    await other.getByLabel('Password').fill('not-the-password');
    await other.getByRole('button', { name: 'Sign in' }).click();
    await other.locator('#sign-in-error').waitFor();
    await expect(other.locator('#sign-in-error').textContent()).resolves.toMatch(/\S/);
    await other.close();
  });

  it('imports the example article from a file with its details', async () => {
    await page.getByRole('link', { name: 'Import article' }).first().click();
    await page.locator('#article-file').setInputFiles(FIXTURE);
    await page.getByText('Loaded interpol-2018.md.').waitFor();
    await expect(page.getByLabel('Format').inputValue()).resolves.toBe('markdown');
    await page.getByLabel('URL').fill('https://news.example/2018/11/interpol-presidency');
    await page.getByLabel('Publisher').fill('Example News');
    await page.getByLabel('Published on').fill('2018-11-21');
    await page.getByRole('button', { name: 'Import article' }).click();
    await page.waitForURL(/\/articles\/[0-9a-f-]{36}$/);
    articleId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: /Russian Loses Interpol Presidency/ }).waitFor();
    const article = await desk.api<{ publisher: string; url: string; publishedAt: string }>('GET', `/articles/${articleId}`, reviewer.token);
    expect(article).toMatchObject({ publisher: 'Example News', url: 'https://news.example/2018/11/interpol-presidency' });
    expect(article.publishedAt).toMatch(/^2018-11-21/);
  });

  it('takes a .txt file dropped on the drop zone, and a pasted text', async () => {
    await page.goto(`${desk.baseUrl}/import`);
    await page.getByTestId('drop-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['Dropped headline\n\nA dropped paragraph.'], 'dropped.txt', { type: 'text/plain' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByText('Loaded dropped.txt.').waitFor();
    await expect(page.getByLabel('Format').inputValue()).resolves.toBe('text');
    await expect(page.getByLabel('Article text').inputValue()).resolves.toContain('A dropped paragraph.');
    await page.getByLabel('Article text').fill('Pasted headline\n\nA pasted paragraph.');
    await page.getByLabel('URL').fill('not a url');
    await page.getByRole('button', { name: 'Import article' }).click();
    await page.locator('#article-url-error').waitFor(); // the API's field error, next to the field
    await page.getByLabel('URL').fill('');
    await page.getByRole('button', { name: 'Import article' }).click();
    await page.getByRole('heading', { level: 1, name: 'Pasted headline' }).waitFor();
  });

  it('lists the article with search and its claim counts', async () => {
    await page.goto(`${desk.baseUrl}/`);
    await page.getByTestId('article-row').first().waitFor();
    await page.getByLabel('Search titles and text').fill('Prokopchuk');
    await page.locator('#main').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=Prokopchuk/);
    // The unfiltered rows stay until the search answers: wait for the second one to go before counting.
    await page.getByTestId('article-row').nth(1).waitFor({ state: 'detached' });
    await expect(page.getByTestId('article-row').count()).resolves.toBe(1);
    await page.getByText('No claims yet').waitFor();
    await page.getByLabel('Search titles and text').fill('no such words anywhere');
    await page.locator('#main').getByRole('button', { name: 'Search' }).click();
    await page.getByText('No article matches').waitFor();
  });

  it('marks "favorite" to lead by dragging the mouse over it, with claimant and claim', async () => {
    await page.goto(`${desk.baseUrl}/articles/${articleId}`);
    await page.getByTestId('article-text').waitFor();
    await dragSelect(page, '"favorite" to lead');
    await page.locator('.selection-preview').getByText('Selected: “"favorite" to lead”').waitFor();
    await page.getByTestId('mark-claim').click();
    await expect(page.getByTestId('mark-quote').textContent()).resolves.toBe('"favorite" to lead');
    await page.getByLabel('Claimant').fill('The Times');
    await page.getByLabel('Claim in one line').fill('Prokopchuk was the favourite to lead Interpol');
    await page.getByRole('button', { name: 'Save claim' }).click();
    await page.getByTestId('claim-panel').waitFor();
    claimId = (await page.getByTestId('claim-panel').getAttribute('data-claim-id'))!;
    expect(page.url()).toContain(`?claim=${claimId}`);

    // The span the UI sent is the quote's place in the canonical text, counted in code points.
    const article = await desk.api<{ text: string }>('GET', `/articles/${articleId}`, reviewer.token);
    const claim = await desk.api<ApiClaim>('GET', `/claims/${claimId}`, reviewer.token);
    const at = article.text.indexOf('"favorite" to lead');
    expect(claim).toMatchObject({ quote: '"favorite" to lead', start: [...article.text.slice(0, at)].length, claimant: 'The Times', claimReviewed: 'Prokopchuk was the favourite to lead Interpol' });
    expect(claim.end - claim.start).toBe(18);

    await expect(page.getByTestId('quote-in-context').textContent()).resolves.toContain('was the "favorite" to lead the organization');
    await expect(page.locator(`.article-text mark[data-claim-ids~="${claimId}"]`).count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(`[data-testid="claim-list"] [data-claim-id="${claimId}"]`).count()).resolves.toBe(1);
  });

  it('writes a note whose Markdown is rendered without running HTML, and replies to it', async () => {
    await page.getByLabel('Add a note').fill('Checked **the Times** piece. <img src=x onerror="window.__pwned=1">');
    await page.getByRole('button', { name: 'Add note' }).click();
    const note = page.getByTestId('annotation').first();
    await note.locator('strong', { hasText: 'the Times' }).waitFor();
    await expect(note.locator('img').count()).resolves.toBe(0);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await note.getByRole('button', { name: 'Reply' }).click();
    await page.getByLabel('Reply to Rita Reviewer').fill('Also in [Reuters](https://www.reuters.com/).');
    await page.getByRole('button', { name: 'Reply', exact: true }).last().click();
    await expect(page.getByTestId('annotation').nth(1).locator('a[rel="noopener noreferrer"]').getAttribute('href')).resolves.toBe('https://www.reuters.com/');
  });

  it('attaches a source by URL with title, stance and excerpt', async () => {
    await page.getByRole('button', { name: 'Add a source' }).click();
    await page.getByLabel('Or a new source: URL').fill('https://www.thetimes.co.uk/article/russian-favourite-to-lead-interpol');
    await page.getByLabel('Title').fill('Russian favourite to lead Interpol');
    await page.getByLabel('Stance').selectOption('supports');
    await page.getByLabel('Excerpt').fill('Prokopchuk is the favourite to become president');
    await page.getByRole('button', { name: 'Attach source' }).click();
    await page.getByTestId('sources').getByRole('link', { name: 'Russian favourite to lead Interpol' }).waitFor();
  });

  it('drafts a verdict and submits it for review', async () => {
    const panel = page.getByTestId('claim-panel');
    await panel.getByLabel('Rating', { exact: true }).selectOption({ label: 'Mostly true' });
    await panel.getByLabel('Rationale').fill('The Times did report him as the favourite before the vote.');
    await panel.getByLabel('Confidence (%)').fill('80');
    await panel.getByRole('button', { name: 'Create draft' }).click();
    await panel.locator('[data-testid="verdict"][data-status="draft"]').waitFor();
    await panel.getByRole('button', { name: 'Submit for review' }).click();
    await panel.locator('[data-testid="verdict"][data-status="submitted"]').waitFor();
    await panel.getByTestId('claim-status').getByText('In review').waitFor();
    // A reviewer cannot approve or publish.
    await expect(panel.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);
  });

  it('lets an editor approve and publish it from a deep link to the claim', async () => {
    const editorContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const editorPage = await editorContext.newPage();
    await editorPage.goto(`${desk.baseUrl}/claims/${claimId}`);
    await signIn(editorPage, editor);
    await editorPage.waitForURL(`**/articles/${articleId}?claim=${claimId}`);
    const panel = editorPage.getByTestId('claim-panel');
    await panel.getByRole('button', { name: 'Approve' }).click();
    await panel.locator('[data-testid="verdict"][data-status="approved"]').waitFor();
    await panel.getByRole('button', { name: 'Publish' }).click();
    await panel.locator('[data-testid="verdict"][data-status="published"]').waitFor();
    await panel.getByTestId('claim-status').getByText('Resolved').waitFor();
    await panel.getByTestId('history').getByText('Eddie Editor published a verdict').waitFor();
    await screenshot(editorPage, 'claim-panel');
    await editorContext.close();

    // The reviewer's screen follows without a reload.
    await page.getByTestId('claim-panel').locator('[data-testid="verdict"][data-status="published"]').waitFor();
  });

  it('shows claims marked elsewhere in the reading view, coloured by verdict on request', async () => {
    for (const exact of ['Prokopchuk, who currently serves as one of Interpol\'s vice-presidents, was the "favorite"', 'accused, but not prosecuted or charged']) {
      await desk.api('POST', `/articles/${articleId}/claims`, reviewer.token, { selector: { type: 'TextQuoteSelector', exact } });
    }
    await expect(page.locator('[data-testid="claim-list"] li').count()).resolves.toBeGreaterThanOrEqual(1);
    await page.locator('[data-testid="claim-list"] li').nth(2).waitFor();
    await page.getByRole('radio', { name: 'By verdict' }).check();
    const published = page.locator(`.claim-item[data-claim-id="${claimId}"] .claim-colour`);
    await expect(published.evaluate((el) => el.getAttribute('style'))).resolves.toContain('--hl-v-mostly-true');
    await page.keyboard.press('Escape');
    await page.getByTestId('claim-panel').waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'reading-view');
  });

  it('exports the report in every format, named by the API', async () => {
    await page.getByTestId('export-menu').locator('summary').click();
    const links = page.getByTestId('export-menu').locator('a[download]');
    await expect(links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get('format')))).resolves
      .toEqual(expect.arrayContaining(['json', 'markdown', 'html', 'csv', 'pdf', 'claimreview']));
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="csv"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('"favorite"');
    expect(csv).toContain('Mostly true');
    const [markdown] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format="markdown"]').click()]);
    expect(markdown.suggestedFilename()).toMatch(/\.md$/);
  });

  it('shows the article list with its claim counts', async () => {
    await page.getByRole('link', { name: 'Articles', exact: true }).first().click();
    const row = page.getByTestId('article-row').filter({ hasText: 'Russian Loses Interpol Presidency' });
    await row.getByText('1 resolved').waitFor();
    await page.getByTestId('article-row').filter({ hasText: 'Pasted headline' }).getByText('No claims yet').waitFor();
    await screenshot(page, 'article-list');
  });

  it('signs out', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You have signed out.').waitFor();
    await page.goto(`${desk.baseUrl}/articles/${articleId}`);
    await page.getByRole('heading', { name: 'Sign in to the desk' }).waitFor();
  });
});
