import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dragSelect, launchChromium, screenshot, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

const TEXT = [
  'Interpol vote',
  'Last week, The Times had reported that Prokopchuk was the "favorite" to lead the organization. 😀 Delegates disagreed.',
  'Kremlin spokesperson Dmitry Peskov called it an "intervention in the voting process."',
  'Prokopchuk was accused, but not prosecuted or charged, of using arrest warrants against critics.',
].join('\n\n');

interface ApiClaim { id: string; quote: string; start: number; end: number }

/** The reading view: overlapping claims, the keyboard, claims to re-check, deep links and expired sessions. */
describe('the reading view', () => {
  let desk: DeskServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewer: DeskUser;
  let articleId: string;

  const articleUrl = (): string => `${desk.baseUrl}/articles/${articleId}`;
  const claimsOf = async (): Promise<ApiClaim[]> =>
    (await desk.api<{ items: ApiClaim[] }>('GET', `/articles/${articleId}/claims`, reviewer.token)).items;

  beforeAll(async () => {
    desk = await DeskServer.start();
    reviewer = await desk.createUser('reviewer', 'Rita Reviewer');
    articleId = (await desk.api<{ id: string }>('POST', '/articles', reviewer.token, { format: 'text', content: TEXT, publisher: 'Example News' })).id;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    await page.goto(articleUrl());
    await signIn(page, reviewer);
    await page.getByTestId('article-text').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('shows two overlapping claims both, the shared words carrying both underlines', async () => {
    await dragSelect(page, 'was the "favorite"');
    await page.getByTestId('mark-claim').click();
    await page.getByRole('button', { name: 'Save claim' }).click();
    await page.getByTestId('claim-panel').waitFor();

    await dragSelect(page, '"favorite" to lead the organization');
    await page.getByTestId('mark-claim').click();
    await expect(page.getByTestId('mark-quote').textContent()).resolves.toBe('"favorite" to lead the organization');
    await page.getByRole('button', { name: 'Save claim' }).click();
    await page.locator('[data-testid="claim-list"] li').nth(1).waitFor();

    const [first, second] = await claimsOf();
    expect([first.quote, second.quote]).toEqual(['was the "favorite"', '"favorite" to lead the organization']);
    const textOf = (selector: string): Promise<string> => page.locator(selector).evaluateAll((marks) => marks.map((m) => m.textContent).join(''));
    await expect(textOf(`mark[data-claim-ids~="${first.id}"]`)).resolves.toBe('was the "favorite"');
    await expect(textOf(`mark[data-claim-ids~="${second.id}"]`)).resolves.toBe('"favorite" to lead the organization');
    const shared = page.locator(`mark[data-claim-ids~="${first.id}"][data-claim-ids~="${second.id}"]`);
    await expect(shared.textContent()).resolves.toBe('"favorite"');
    // One underline per claim plus the tint, in separate lanes.
    const layers = await shared.evaluate((m) => getComputedStyle(m).backgroundImage.split('gradient(').length - 1);
    expect(layers).toBe(3);
    const lanes = await shared.evaluate((m) => getComputedStyle(m).backgroundPositionY);
    expect(new Set(lanes.split(',').map((s) => s.trim())).size).toBeGreaterThan(1);
    await screenshot(page, 'overlapping-claims');
  });

  it('moves between claims with j and k, and closes the panel with Escape', async () => {
    const [first, second] = await claimsOf();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Escape');
    await page.getByTestId('claim-panel').waitFor({ state: 'detached' });
    await page.keyboard.press('j');
    await page.waitForURL(`**?claim=${first.id}`);
    await page.keyboard.press('j');
    await page.waitForURL(`**?claim=${second.id}`);
    await expect(page.getByTestId('claim-panel').getAttribute('data-claim-id')).resolves.toBe(second.id);
    await page.keyboard.press('k');
    await page.waitForURL(`**?claim=${first.id}`);
    await page.keyboard.press('Escape');
    await page.getByTestId('claim-panel').waitFor({ state: 'detached' });
    expect(page.url()).toBe(articleUrl());
  });

  it('marks a claim selected with the keyboard and the n shortcut, counting the emoji as one code point', async () => {
    await page.getByRole('button', { name: 'Select with keyboard' }).click();
    // Put the caret before "Delegates" and extend the selection by keyboard.
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="article-text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const at = (n as Text).data.indexOf('Delegates');
        if (at >= 0) {
          window.getSelection()!.collapse(n, at);
          return;
        }
      }
    });
    for (let i = 0; i < 'Delegates disagreed'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('n');
    await expect(page.getByTestId('mark-quote').textContent()).resolves.toBe('Delegates disagreed');
    await page.getByLabel('Claimant').fill('Delegates');
    await page.keyboard.press('Enter');
    await page.getByTestId('claim-panel').waitFor();
    const claim = (await claimsOf()).find((c) => c.quote === 'Delegates disagreed')!;
    const utf16 = TEXT.indexOf('Delegates disagreed');
    expect(claim.start).toBe(utf16 - 1); // the emoji before it is two UTF-16 units, one code point
    await expect(page.getByTestId('article-text').textContent()).resolves.toBe(TEXT.split('\n\n').join(''));
    await page.getByRole('button', { name: 'Done selecting' }).click();
  });

  it('filters the claims list by status and tag', async () => {
    const [first] = await claimsOf();
    await desk.api('PATCH', `/claims/${first.id}`, reviewer.token, { tags: ['interpol'] });
    await page.getByLabel('Tag').selectOption('interpol');
    await expect(page.locator('[data-testid="claim-list"] li').count()).resolves.toBe(1);
    await expect(page.locator('.article-text mark').evaluateAll((ms) => ms.map((m) => m.textContent).join(''))).resolves.toBe('was the "favorite"');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByLabel('Status', { exact: true }).selectOption('resolved');
    await page.getByText('No claim matches the filters.').waitFor();
    await page.getByLabel('Status', { exact: true }).selectOption('');
  });

  it('marks fuzzy and orphaned claims after a text change and lists them for re-checking', async () => {
    await desk.api('POST', `/articles/${articleId}/claims`, reviewer.token, { selector: { type: 'TextQuoteSelector', exact: 'an "intervention in the voting process."' } });
    await desk.api('POST', `/articles/${articleId}/claims`, reviewer.token, { selector: { type: 'TextQuoteSelector', exact: 'accused, but not prosecuted or charged' } });
    const revised = TEXT
      .replace('an "intervention in the voting process."', 'an "intervention into the voting procedure."')
      .replace('Prokopchuk was accused, but not prosecuted or charged, of using arrest warrants against critics.', 'The rest of the story was removed.');
    const result = await desk.api<{ reanchor: { fuzzy: number; orphaned: number } }>('PUT', `/articles/${articleId}/text`, reviewer.token, { format: 'text', content: revised });
    expect(result.reanchor).toMatchObject({ fuzzy: 1, orphaned: 1 });
    const review = page.getByTestId('needs-review');
    await review.getByText('Orphaned').waitFor();
    await review.getByText('Fuzzy').waitFor();
    await expect(page.locator('mark.hl-fuzzy-end').count()).resolves.toBe(1);
    await review.getByRole('button', { name: /Orphaned/ }).click();
    await page.getByTestId('claim-panel').getByText('no longer in the article').waitFor();
  });

  it('opens a claim from a deep link', async () => {
    const [, second] = await claimsOf();
    await page.goto(`${articleUrl()}?claim=${second.id}`);
    await expect(page.getByTestId('claim-panel').getAttribute('data-claim-id')).resolves.toBe(second.id);
    await page.goto(`${desk.baseUrl}/claims/${second.id}`);
    await page.waitForURL(`**/articles/${articleId}?claim=${second.id}`);
  });

  it('asks to sign in again when the session expires, and returns to the same place', async () => {
    const cookie = (await context.cookies()).find((c) => c.name === 'claimdesk_session')!;
    await desk.api('POST', '/auth/logout', cookie.value);
    const [first] = await claimsOf();
    await page.keyboard.press('j'); // opens a claim: its requests now answer 401
    await page.getByText('Your session has expired').waitFor();
    await signIn(page, reviewer);
    await page.getByTestId('article-text').waitFor();
    expect(page.url()).toContain(`/articles/${articleId}`);
    await page.getByTestId('claim-panel').waitFor();
    expect(first.id).toBeTruthy();
  });
});
