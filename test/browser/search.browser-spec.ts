/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

/** Issue 12, point 6: the header's search box and the results page. */
describe('searching the desk from the header', () => {
  let desk: DeskServer;
  let browser: Browser;
  let page: Page;
  let reviewer: DeskUser;
  let articleId: string;
  let claimId: string;
  let noteId: string;

  beforeAll(async () => {
    desk = await DeskServer.start();
    reviewer = await desk.createUser('reviewer', 'Rita Reviewer');
    const article = await desk.api<{ id: string }>('POST', '/articles', reviewer.token, {
      format: 'text', title: 'Budget at the Élysée',
      content: 'The minister was accusing the mayor of hiding the cost of the bridge.\n\nThe budget doubled in two years.',
    });
    articleId = article.id;
    claimId = (await desk.api<{ id: string }>('POST', `/articles/${articleId}/claims`, reviewer.token, { selector: { type: 'TextQuoteSelector', exact: 'accusing the mayor of hiding' } })).id;
    noteId = (await desk.api<{ id: string }>('POST', `/claims/${claimId}/annotations`, reviewer.token, { body: 'The treasurer was accused before. <img src=x onerror="window.hacked=1">' })).id;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    await page.goto(desk.baseUrl);
    await signIn(page, reviewer);
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  const results = () => page.getByTestId('search-result');

  it('searches from the header and shows highlighted snippets, never running markup from the text', async () => {
    await page.getByRole('searchbox', { name: /Search articles, claims, notes/ }).fill('accused');
    await page.getByRole('search', { name: 'Desk' }).getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    await results().first().waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('accused');
    const types = await results().evaluateAll((items) => items.map((i) => i.getAttribute('data-type')).sort());
    expect(types).toEqual(['annotation', 'article', 'claim']);
    const marks = await page.locator('.search-snippet mark').allTextContents();
    expect(marks).toEqual(expect.arrayContaining(['accusing', 'accused']));
    expect(await page.locator('[data-type="annotation"] .search-snippet').textContent()).toContain('<img src=x onerror="window.hacked=1">');
    expect(await page.locator('.search-snippet img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  });

  it('filters by type and keeps the filter in the address', async () => {
    await page.getByRole('checkbox', { name: 'Notes' }).check();
    await page.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid="search-result"]')).every((e) => e.getAttribute('data-type') === 'annotation'));
    expect(new URL(page.url()).searchParams.get('type')).toBe('annotation');
    expect(await results().count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Notes' }).uncheck();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-result"]').length === 3);
  });

  it('opens a claim in its article from its result', async () => {
    await page.locator('[data-type="annotation"] a').click();
    await page.getByTestId('claim-panel').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/articles/${articleId}`);
    expect(new URL(page.url()).searchParams.get('claim')).toBe(claimId);
    expect(await page.getByTestId('claim-panel').getAttribute('data-claim-id')).toBe(claimId);
    expect(noteId).toBeTruthy();
  });

  it('folds accents and says when nothing matches', async () => {
    await page.getByRole('searchbox', { name: /Search articles, claims, notes/ }).fill('elysee');
    await page.keyboard.press('Enter');
    await page.locator('[data-type="article"]').waitFor();
    expect(await page.locator('[data-type="article"] .search-snippet mark').first().textContent()).toBe('Élysée');
    await page.getByRole('searchbox', { name: /Search articles, claims, notes/ }).fill('"doubled budget"');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-empty').waitFor();
  });
});
