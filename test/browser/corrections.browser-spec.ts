import type { Browser, BrowserContext, Page } from 'playwright-core';
import { dragSelect, launchChromium, screenshot, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

// The emoji make code points and UTF-16 differ before every claim: each 😀 is one code point and two
// UTF-16 units. (😀 because the test machine's fonts draw it, which keeps the screenshot readable.)
const TEXT = [
  'Interpol elects a new president 😀',
  'Kim Jong-yang of South Korea was elected president of Interpol on Wednesday.',
  'The Russian candidate, Alexander Prokopchuk, had been seen as the favourite before the vote.',
  'Critics said Russia had abused the Red Notice system to pursue its opponents abroad.',
].join('\n\n');

/** A paragraph inserted before the first claim (it moves), a word changed inside the second (fuzzy), the third's sentence replaced (orphaned). */
const CORRECTED = [
  'Interpol elects a new president 😀',
  'Delegates met in Dubai 😀😀 for the general assembly this week.',
  'Kim Jong-yang of South Korea was elected president of Interpol on Wednesday.',
  'The Russian candidate, Alexander Prokopchuk, had been seen as the frontrunner before the vote.',
  'Human rights groups said Moscow used international arrest warrants against its critics.',
].join('\n\n');

const MOVES = 'was elected president of Interpol';
const FUZZY = 'had been seen as the favourite before the vote';
const ORPHAN = 'Russia had abused the Red Notice system';
const NEW_TEXT = 'Moscow used international arrest warrants against its critics';

interface ApiClaim { id: string; quote: string; start: number | null; end: number | null; anchor: string; version: number }
interface ApiArticle { id: string; text: string; revision: number; version: number }

/** The span of a claim in the text, counted in code points as the API counts. */
const codePointSlice = (text: string, start: number, end: number): string => [...text].slice(start, end).join('');

/**
 * A correction through the UI: update the article's text, read what happened to its claims, confirm
 * the approximately placed one, re-mark the lost one by dragging over new text, and read an old revision.
 */
describe('correcting an article', () => {
  let desk: DeskServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let reviewer: DeskUser;
  let articleId: string;
  const ids = { moves: '', fuzzy: '', orphan: '' };

  const articleUrl = (): string => `${desk.baseUrl}/articles/${articleId}`;
  const claimOf = (id: string): Promise<ApiClaim> => desk.api<ApiClaim>('GET', `/claims/${id}`, reviewer.token);
  const articleNow = (): Promise<ApiArticle> => desk.api<ApiArticle>('GET', `/articles/${articleId}`, reviewer.token);
  const focusedId = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

  beforeAll(async () => {
    desk = await DeskServer.start();
    reviewer = await desk.createUser('reviewer', 'Rita Reviewer');
    articleId = (await desk.api<{ id: string }>('POST', '/articles', reviewer.token, { format: 'text', content: TEXT, publisher: 'Example News' })).id;
    const mark = async (exact: string): Promise<string> =>
      (await desk.api<{ id: string }>('POST', `/articles/${articleId}/claims`, reviewer.token, { selector: { type: 'TextQuoteSelector', exact }, claimant: 'Example News' })).id;
    ids.moves = await mark(MOVES);
    ids.fuzzy = await mark(FUZZY);
    ids.orphan = await mark(ORPHAN);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    await page.goto(articleUrl());
    await signIn(page, reviewer);
    await page.getByTestId('article-text').waitFor();
    await page.locator('[data-testid="claim-list"] li').nth(2).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('updates the text from the reading view and says what happened to every claim', async () => {
    await page.getByRole('button', { name: 'Update text' }).click();
    await page.getByTestId('revise-form').waitFor();
    await expect(focusedId()).resolves.toBe('revise-title');
    const textarea = page.getByLabel('New text', { exact: true });
    await expect(textarea.inputValue()).resolves.toBe(TEXT);
    await expect(page.getByLabel('Format').inputValue()).resolves.toBe('text');

    // Escape leaves the form (nothing changed yet) and gives focus back to the button.
    await textarea.press('Escape');
    await page.getByTestId('revise-form').waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe('Update text');

    await page.getByRole('button', { name: 'Update text' }).click();
    await page.getByLabel('New text', { exact: true }).fill(CORRECTED);
    await page.getByRole('button', { name: 'Save new text' }).click();

    const outcome = page.getByTestId('revise-outcome');
    await outcome.waitFor();
    await expect(outcome.getByRole('heading').textContent()).resolves.toBe('Text updated: revision 2');
    await expect(outcome.getByTestId('revise-summary').textContent()).resolves.toBe('1 claim moved, 1 needs confirmation, 1 lost its text.');
    // Announced (aria-live) and focused, so keyboard users land on the links.
    await expect(outcome.evaluate((el) => el.closest('[aria-live]')?.getAttribute('aria-live'))).resolves.toBe('polite');
    await expect(focusedId()).resolves.toBe('revise-outcome-title');
    const flagged = outcome.getByTestId('flagged-claims').locator('li');
    await expect(flagged.evaluateAll((items) => items.map((li) => li.getAttribute('data-claim-id')))).resolves.toEqual([ids.fuzzy, ids.orphan]);
    await expect(flagged.locator('.anchor-badge').allTextContents()).resolves.toEqual(['Needs confirmation', 'Lost its text']);

    const article = await articleNow();
    expect(article).toMatchObject({ text: CORRECTED, revision: 2 });
    await page.getByText('Revision 2', { exact: true }).waitFor();
    await expect(page.getByTestId('article-text').textContent()).resolves.toBe(CORRECTED.split('\n\n').join(''));
    const moved = await claimOf(ids.moves);
    expect(moved.anchor).toBe('moved');
    expect(codePointSlice(article.text, moved.start!, moved.end!)).toBe(MOVES);
    await page.getByTestId('needs-review').getByText('Fuzzy').waitFor();
    await screenshot(page, 'revise-outcome');
  });

  it('confirms the approximately placed claim where it is', async () => {
    await page.getByTestId('revise-outcome').getByRole('link', { name: /frontrunner/ }).click();
    const panel = page.getByTestId('claim-panel');
    await expect(panel.getAttribute('data-claim-id')).resolves.toBe(ids.fuzzy);
    await panel.getByText('This claim was placed approximately after the text changed. Check it.').waitFor();
    await expect(panel.getByTestId('claim-anchor').textContent()).resolves.toBe('Fuzzy');
    await expect(panel.getByRole('button', { name: 'Re-mark from selection' }).count()).resolves.toBe(1);

    await panel.getByRole('button', { name: 'Confirm this place' }).click();
    await panel.getByTestId('reanchor-done').waitFor();
    await panel.getByTestId('claim-anchor').waitFor({ state: 'detached' });
    // Done in the outcome, and off the list of claims to re-check.
    await page.locator(`[data-testid="flagged-claims"] li[data-claim-id="${ids.fuzzy}"][data-done]`).waitFor();
    await page.getByTestId('needs-review').getByText('Fuzzy').waitFor({ state: 'detached' });
    await page.getByTestId('needs-review').getByText('Orphaned').waitFor();
    await expect(page.locator('mark.hl-fuzzy-end').count()).resolves.toBe(0);
  });

  it('lists the revisions and shows revision 1 with the lost claim’s last quote', async () => {
    await page.getByRole('link', { name: 'Revisions', exact: true }).click();
    await page.waitForURL(`**/articles/${articleId}/revisions`);
    const rows = page.getByTestId('revision-row');
    await rows.nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await expect(rows.nth(0).textContent()).resolves.toContain('Rita Reviewer (you)');
    await expect(rows.nth(0).textContent()).resolves.toContain(`${[...TEXT].length} characters`);
    await rows.nth(1).getByText('current', { exact: true }).waitFor(); // once the article has loaded too

    await page.getByRole('link', { name: 'Revision 1', exact: true }).click();
    await page.waitForURL(`**/articles/${articleId}/revisions/1`);
    const shown = page.getByTestId('revision-text');
    await shown.getByTestId('article-text').waitFor();
    await expect(shown.getByTestId('article-text').textContent()).resolves.toBe(TEXT.split('\n\n').join(''));
    await expect(focusedId()).resolves.toBe('revision-text-title');
    // The orphaned claim's last quote, found by its quote and context; the others are not drawn there.
    await expect(shown.locator(`mark[data-claim-ids~="${ids.orphan}"]`).textContent()).resolves.toBe(ORPHAN);
    await expect(shown.locator('mark').count()).resolves.toBe(1);

    // From there, open the lost claim in the current text to re-mark it.
    await shown.getByTestId('revision-orphans').getByRole('link', { name: /Red Notice/ }).click();
    await page.waitForURL(`**/articles/${articleId}?claim=${ids.orphan}`);
  });

  it('re-marks the lost claim by dragging over its new text, with n', async () => {
    const panel = page.getByTestId('claim-panel');
    await expect(panel.getAttribute('data-claim-id')).resolves.toBe(ids.orphan);
    await panel.getByText('no longer in the article').waitFor();
    await expect(panel.getByTestId('quote-in-context').textContent()).resolves.toContain(`Critics said ${ORPHAN} to pursue`);
    // No place to confirm: only re-marking.
    await expect(panel.getByRole('button', { name: 'Confirm this place' }).count()).resolves.toBe(0);

    // Re-marking mode with nothing selected; Escape leaves it (and keeps the panel open).
    await panel.getByRole('button', { name: 'Re-mark from selection' }).click();
    await page.getByTestId('remark-bar').waitFor();
    await panel.getByTestId('remark-mode').getByText('Re-marking.').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('remark-bar').waitFor({ state: 'detached' });
    await panel.waitFor();

    await panel.getByRole('button', { name: 'Re-mark from selection' }).click();
    await dragSelect(page, NEW_TEXT);
    await page.getByTestId('remark-bar').getByText(`new text “${NEW_TEXT.slice(0, 59)}…”`).waitFor();
    const before = await page.locator('[data-testid="claim-list"] li').count();
    await page.keyboard.press('n');
    await panel.getByTestId('reanchor-done').waitFor();
    await page.getByTestId('remark-bar').waitFor({ state: 'detached' });
    await page.getByTestId('needs-review').waitFor({ state: 'detached' });
    // The same claim now covers the new words: no claim was added.
    await expect(page.locator(`.article-text mark[data-claim-ids~="${ids.orphan}"]`).evaluateAll((ms) => ms.map((m) => m.textContent).join(''))).resolves.toBe(NEW_TEXT);
    await expect(page.locator('[data-testid="claim-list"] li').count()).resolves.toBe(before);
  });

  it('leaves both claims anchored, their offsets (code points) pointing at their quotes', async () => {
    const { text } = await articleNow();
    const fuzzy = await claimOf(ids.fuzzy);
    const orphan = await claimOf(ids.orphan);
    expect(fuzzy).toMatchObject({ anchor: 'anchored', quote: 'had been seen as the frontrunner before the vote' });
    expect(orphan).toMatchObject({ anchor: 'anchored', quote: NEW_TEXT });
    for (const claim of [fuzzy, orphan]) {
      expect(codePointSlice(text, claim.start!, claim.end!)).toBe(claim.quote);
    }
    // The emoji before them: code points, not UTF-16 units.
    expect(orphan.start).toBe([...text.slice(0, text.indexOf(NEW_TEXT))].length);
    expect(orphan.start).toBeLessThan(text.indexOf(NEW_TEXT));
    const anchors = (await desk.api<{ items: ApiClaim[] }>('GET', `/articles/${articleId}/claims`, reviewer.token)).items.map((c) => c.anchor).sort();
    expect(anchors).toEqual(['anchored', 'anchored', 'moved']);
  });

  it('still shows revision 1’s text, with nothing left to highlight', async () => {
    await page.goto(`${desk.baseUrl}/articles/${articleId}/revisions/1`);
    const shown = page.getByTestId('revision-text');
    await shown.getByTestId('article-text').waitFor();
    await expect(shown.getByRole('heading', { level: 2 }).textContent()).resolves.toMatch(/^Revision 1 · /);
    await expect(shown.getByTestId('article-text').textContent()).resolves.toBe(TEXT.split('\n\n').join(''));
    await expect(shown.locator('mark').count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Revision 2', exact: true }).click();
    await shown.getByText('Human rights groups said').waitFor();
  });

  it('refuses to overwrite a change saved by someone else, and offers to reload', async () => {
    await page.goto(articleUrl());
    await page.getByTestId('article-text').waitFor();
    await page.getByRole('button', { name: 'Update text' }).click();
    await page.getByLabel('New text', { exact: true }).fill(`${CORRECTED}\n\nA late addition.`);
    // Meanwhile an editor's change moves the article on (its details here: any change bumps the version).
    await desk.api('PATCH', `/articles/${articleId}`, reviewer.token, { title: 'Interpol elects a new president (updated)' });
    await page.getByTestId('revise-changed').waitFor();
    await page.getByRole('button', { name: 'Save new text' }).click();
    const conflict = page.getByTestId('revise-conflict');
    await conflict.getByText('Someone else changed this article after you opened the form.').waitFor();
    expect((await articleNow()).revision).toBe(2);

    await conflict.getByRole('button', { name: 'Reload the article' }).click();
    await conflict.waitFor({ state: 'detached' });
    await expect(page.getByLabel('New text', { exact: true }).inputValue()).resolves.toBe(CORRECTED);
    await expect(page.getByLabel('Your unsaved version (read-only)').inputValue()).resolves.toContain('A late addition.');
    // Saving now goes through: the form holds the new version.
    await page.getByLabel('New text', { exact: true }).fill(`${CORRECTED}\n\nA late addition.`);
    await page.getByRole('button', { name: 'Save new text' }).click();
    // An added paragraph at the end: every claim keeps its place.
    await expect(page.getByTestId('revise-summary').textContent()).resolves.toBe('3 claims kept their place.');
    expect((await articleNow()).revision).toBe(3);
  });
});
