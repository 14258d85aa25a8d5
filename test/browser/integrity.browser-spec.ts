import type { Browser, Page } from 'playwright-core';
import { dragSelect, launchChromium, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

const TEXT = [
  'Interpol elects a new president',
  'Kim Jong-yang of South Korea was elected president of Interpol on Wednesday, after heavy lobbying.',
  'The Russian candidate, Alexander Prokopchuk, had been seen as the favourite before the vote.',
  'Critics said Russia had abused the Red Notice system to pursue its opponents abroad.',
  'KAINE: We have cut the deficit in half over the last four years.',
].join('\n\n');

interface ApiClaim { id: string; quote: string; start: number | null; end: number | null; anchor: string; version: number; claimant: string | null }

/**
 * The reviewer UI never saves a claim on words the reviewer did not mark, and never loses a
 * reviewer's place or unsaved words to a colleague's change. Each test failed on main.
 */
describe('the words a claim is saved on', () => {
  let desk: DeskServer;
  let browser: Browser;
  let page: Page;
  let rita: DeskUser;
  let eddie: DeskUser;
  let articleId: string;

  const articleText = (): Promise<string> => page.getByTestId('article-text').evaluate((el) => el.textContent ?? '');
  const claimsNow = async (): Promise<ApiClaim[]> => (await desk.api<{ items: ApiClaim[] }>('GET', `/articles/${articleId}/claims`, rita.token)).items;
  const openArticle = async (): Promise<void> => {
    await page.goto(`${desk.baseUrl}/articles/${articleId}`);
    await page.getByTestId('article-text').waitFor();
    await page.locator('.live-status', { hasText: 'Live' }).waitFor();
  };

  beforeAll(async () => {
    desk = await DeskServer.start();
    rita = await desk.createUser('reviewer', 'Rita Reviewer');
    eddie = await desk.createUser('editor', 'Eddie Editor');
    articleId = (await desk.api<{ id: string }>('POST', '/articles', rita.token, { format: 'text', content: TEXT })).id;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    await page.goto(`${desk.baseUrl}/articles/${articleId}`);
    await signIn(page, rita);
    await openArticle();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('saves the marked words when a colleague revised the text while the mark form was open (failed on main: "e was best by")', async () => {
    await dragSelect(page, 'Kim Jong-yang');
    await page.getByTestId('mark-claim').click();
    await page.getByLabel('Claimant').fill('Interpol');
    // Eddie inserts a paragraph above: every offset after it moves.
    const article = await desk.api<{ text: string }>('GET', `/articles/${articleId}`, eddie.token);
    const revised = article.text.replace('Interpol elects a new president', 'Interpol elects a new president\n\nDelegates met in Dubai for the general assembly this week.');
    await desk.api('PUT', `/articles/${articleId}/text`, eddie.token, { format: 'text', content: revised });
    await page.getByTestId('article-text').getByText('Delegates met in Dubai').waitFor();

    await page.getByRole('button', { name: 'Save claim' }).click();
    await page.getByTestId('claim-panel').waitFor();
    const saved = (await claimsNow()).find((claim) => claim.claimant === 'Interpol');
    expect(saved?.quote).toBe('Kim Jong-yang');
    expect(saved?.anchor).toBe('anchored');
    await page.keyboard.press('Escape');
  });

  it('prefills the claimant from a transcript speaker turn', async () => {
    await dragSelect(page, 'We have cut the deficit in half');
    await page.getByTestId('mark-claim').click();
    await expect(page.getByLabel('Claimant').inputValue()).resolves.toBe('Kaine');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('never lets Backspace or Delete change the article in "Select with keyboard" mode (failed on main: later claims saved shifted)', async () => {
    const before = await articleText();
    await page.getByRole('button', { name: 'Select with keyboard' }).click();
    await page.getByTestId('article-text').focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+ArrowRight');
    for (const key of ['Backspace', 'Delete', 'x', 'Enter']) await page.keyboard.press(key);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Backspace');
    expect(await articleText()).toBe(before);
    await page.getByRole('button', { name: 'Done selecting' }).click();

    await dragSelect(page, 'Alexander Prokopchuk');
    await page.getByTestId('mark-claim').click();
    await page.getByRole('button', { name: 'Save claim' }).click();
    await page.getByTestId('claim-panel').waitFor();
    expect((await claimsNow()).map((claim) => claim.quote)).toContain('Alexander Prokopchuk');
  });

  it('keeps the reader\'s place and text selection when a colleague changes something (failed on main: scrolled back, selection wiped)', async () => {
    await page.setViewportSize({ width: 1366, height: 420 });
    await dragSelect(page, 'Critics said Russia');
    const scrolled = await page.evaluate(() => window.scrollY + (document.querySelector('.text-column')?.scrollTop ?? 0));
    const claimId = (await claimsNow())[0].id;
    await desk.api('POST', `/claims/${claimId}/annotations`, eddie.token, { body: 'A colleague writes in the same article.' });
    await page.getByTestId('notice').getByText(/Eddie Editor/).first().waitFor();
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Critics said Russia');
    expect(await page.evaluate(() => window.scrollY + (document.querySelector('.text-column')?.scrollTop ?? 0))).toBe(scrolled);
    await page.setViewportSize({ width: 1366, height: 860 });
  });

  it('keeps an unsaved note when the reviewer switches claims and comes back (failed on main: lost)', async () => {
    const [first, second] = await claimsNow();
    await page.goto(`${desk.baseUrl}/articles/${articleId}?claim=${first.id}`);
    await page.getByTestId('claim-panel').waitFor();
    await page.getByLabel('Add a note').fill('Half-written thought about the source');
    await page.goto(`${desk.baseUrl}/articles/${articleId}?claim=${second.id}`);
    await page.getByTestId('claim-panel').waitFor();
    await page.goto(`${desk.baseUrl}/articles/${articleId}?claim=${first.id}`);
    await expect(page.getByLabel('Add a note').inputValue()).resolves.toBe('Half-written thought about the source');
  });

  it('tells the truth about the live connection across a server restart and shows what was missed (failed on main: "Live", nothing received)', async () => {
    const fresh = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    await fresh.goto(`${desk.baseUrl}/articles/${articleId}`);
    await signIn(fresh, rita);
    await fresh.locator('.live-status', { hasText: 'Live' }).waitFor();
    await desk.restart(async () => {
      await fresh.locator('.live-status', { hasText: /Reconnecting/ }).waitFor({ timeout: 15_000 });
    });
    await desk.api('POST', `/articles/${articleId}/claims`, eddie.token, { selector: { type: 'TextQuoteSelector', exact: 'heavy lobbying' } });
    await fresh.locator('.article-text mark', { hasText: 'heavy lobbying' }).waitFor({ timeout: 30_000 });
    await fresh.locator('.live-status', { hasText: 'Live' }).waitFor();
    await fresh.close();
  });

  it('lets only an editor re-mark a claim with a published verdict, as a correction with a note readers will see (failed on main: any reviewer re-marked it silently)', async () => {
    const pat = await desk.createUser('editor', 'Pat Publisher');
    const checked = (await desk.api<{ id: string }>('POST', '/articles', rita.token, { format: 'text', content: 'The deficit was cut in half last year. Exports grew.' })).id;
    const claim = await desk.api<{ id: string }>('POST', `/articles/${checked}/claims`, rita.token, { selector: { type: 'TextQuoteSelector', exact: 'cut in half' } });
    await desk.api('POST', `/claims/${claim.id}/sources`, rita.token, { source: { url: 'https://budget.example.gov/2025' }, stance: 'refutes' });
    const verdict = await desk.api<{ id: string }>('POST', `/claims/${claim.id}/verdicts`, rita.token, { rating: 'false', rationale: 'It fell by a third.' });
    await desk.api('POST', `/verdicts/${verdict.id}/submit`, rita.token, {});
    await desk.api('POST', `/verdicts/${verdict.id}/approve`, eddie.token, {});
    await desk.api('POST', `/verdicts/${verdict.id}/publish`, pat.token, {});
    await desk.api('PUT', `/articles/${checked}/text`, eddie.token, { format: 'text', content: 'The deficit fell by a third last year. Exports grew.' });

    // The reviewer who marked it sees why she cannot re-mark it.
    await page.goto(`${desk.baseUrl}/articles/${checked}?claim=${claim.id}`);
    await page.getByTestId('reanchor').getByText('Only an editor can re-mark a claim with a published verdict.').waitFor();

    const editorPage = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    await editorPage.goto(`${desk.baseUrl}/articles/${checked}?claim=${claim.id}`);
    await signIn(editorPage, eddie);
    await editorPage.getByTestId('reanchor').waitFor();
    await dragSelect(editorPage, 'fell by a third');
    await editorPage.getByRole('button', { name: 'Correct: re-mark from selection' }).click();
    await editorPage.getByTestId('reanchor').getByRole('alert').getByText(/correction note/).waitFor();
    await editorPage.getByLabel('Correction note (what changed, for readers)').fill('The article was revised: the figure is a third, not a half.');
    await dragSelect(editorPage, 'fell by a third');
    await editorPage.getByRole('button', { name: 'Correct: re-mark from selection' }).click();
    await editorPage.getByTestId('corrections').getByText('The article was revised: the figure is a third, not a half.').waitFor();
    const corrected = await desk.api<ApiClaim>('GET', `/claims/${claim.id}`, eddie.token);
    expect([corrected.quote, corrected.anchor]).toEqual(['fell by a third', 'anchored']);
    await editorPage.close();
  });
});

