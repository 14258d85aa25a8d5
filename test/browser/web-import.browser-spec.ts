/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { PageServer, PAGE_HOST } from '../support/page-server';
import { launchChromium, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

/**
 * Import by URL and source snapshots in the UI, against a local page server: the import screen's URL
 * field (progress, then the article; a refused address says why), and the claim panel's
 * "Take snapshot" and "archived on" link.
 */
describe('the web in the reviewer UI', () => {
  let desk: DeskServer;
  let pages: PageServer;
  let browser: Browser;
  let page: Page;
  let reviewer: DeskUser;

  beforeAll(async () => {
    pages = await PageServer.start();
    desk = await DeskServer.start({ CLAIMDESK_FETCH_ALLOW: PAGE_HOST });
    reviewer = await desk.createUser('reviewer', 'Rita Reviewer');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    await page.goto(desk.baseUrl);
    await signIn(page, reviewer);
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
    await pages?.close();
  });

  it('says why a page cannot be imported (failed on main: no URL field)', async () => {
    await page.getByRole('link', { name: /Import/ }).first().click();
    await page.getByLabel('Page address').fill('http://127.0.0.1:9/private');
    await page.getByRole('button', { name: 'Fetch and import' }).click();
    await page.getByText('the desk may not fetch from 127.0.0.1 is a loopback address').waitFor();
    await expect(page.getByLabel('Page address').getAttribute('aria-invalid')).resolves.toBe('true');
  });

  it('imports a page by its address and opens it', async () => {
    await page.getByLabel('Page address').fill(pages.url('/article'));
    await page.getByRole('button', { name: 'Fetch and import' }).click();
    await page.getByTestId('article-text').getByText('favorite to lead Interpol', { exact: false }).waitFor();
    await expect(page.locator('h1.article-title').textContent()).resolves.toContain('Interpol elects a president');
  });

  it('archives a source from the claim panel and links to the copy', async () => {
    const articleId = new URL(page.url()).pathname.split('/')[2];
    const token = (await desk.login(reviewer.email, reviewer.password)).token;
    const claim = await desk.api<{ id: string }>('POST', `/articles/${articleId}/claims`, token, { selector: { type: 'TextQuoteSelector', exact: 'favorite to lead Interpol' } });
    await desk.api('POST', `/claims/${claim.id}/sources`, token, { source: { url: pages.url('/plain'), title: 'Plain evidence' }, stance: 'supports' });
    await page.goto(`${desk.baseUrl}/articles/${articleId}?claim=${claim.id}`);
    const panel = page.getByTestId('claim-panel');
    await panel.getByText('Not archived yet.').waitFor();
    await panel.getByRole('button', { name: 'Take snapshot of Plain evidence' }).click();
    const link = panel.getByRole('link', { name: /^archived on \d{4}-\d\d-\d\d$/ });
    await link.waitFor();
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/v1\/snapshots\/[0-9a-f-]{36}\/content$/);
    const served = await page.evaluate(async (path) => (await fetch(path)).text(), href);
    expect(served).toBe('A plain text claim.\n\nSecond paragraph.');
  });
});
