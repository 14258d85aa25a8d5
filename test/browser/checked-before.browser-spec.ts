import type { Browser, Page } from 'playwright-core';
import { dragSelect, launchChromium, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

const TEXT = 'Interpol vote\n\nLast week, The Times had reported that Prokopchuk was the "favorite" to lead the organization, but Kim Jong-yang won.';

const review = (url: string, claimReviewed: string, headline: string, label: string) => ({
  '@context': 'https://schema.org', '@type': 'ClaimReview', url, claimReviewed, headline, datePublished: '2018-11-22',
  author: { '@type': 'Organization', name: 'Fact Desk Weekly' }, reviewRating: { '@type': 'Rating', alternateName: label },
});

/** Issue 13: "Checked before?" lists the library's matches while marking and in the panel; one adds a match as a source. */
describe('"Checked before?" in the browser', () => {
  let desk: DeskServer;
  let browser: Browser;
  let reviewer: DeskUser;
  let page: Page;
  let articleId = '';

  beforeAll(async () => {
    // A three-review library scores low: thresholds low enough that the matching review is flagged.
    desk = await DeskServer.start({ CLAIMDESK_MATCH_SHOW: '0.01', CLAIMDESK_MATCH_LIKELY: '0.05' });
    reviewer = await desk.createUser('reviewer', 'Rita Reviewer');
    await desk.api('POST', '/fact-checks/import', reviewer.token, [
      review('https://fc.example/prokopchuk-favourite', 'Prokopchuk was the favourite to lead Interpol', 'Was Prokopchuk the favourite to lead Interpol?', 'Mostly true'),
      review('https://fc.example/bridge', 'The new bridge over the river cost 80 million dollars.', 'The bridge cost', 'False'),
      review('https://fc.example/trees', 'The mayor planted 40,000 trees by the river.', 'Trees by the river', 'True'),
    ]);
    articleId = (await desk.api<{ id: string }>('POST', '/articles', reviewer.token, { format: 'text', content: TEXT })).id;
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(desk.baseUrl);
    await signIn(page, reviewer);
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('lists the matching fact-check while marking (link only), flags it in the panel, and adds it as a source with a stance', async () => {
    await page.goto(`${desk.baseUrl}/articles/${articleId}`);
    await page.getByTestId('article-text').waitFor();
    await dragSelect(page, '"favorite" to lead');
    await page.getByTestId('mark-claim').click();
    await page.getByLabel('Claim in one line').fill('Prokopchuk was the favourite to lead Interpol');
    const inForm = page.locator('form.mark-form').getByTestId('checked-before-match').first();
    await inForm.getByRole('link', { name: 'Prokopchuk was the favourite to lead Interpol' }).waitFor();
    await expect(inForm.getByRole('link').getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(inForm.getByRole('button', { name: /Add as source/ }).count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'Save claim' }).click();
    const section = page.getByTestId('checked-before-section');
    const match = section.getByTestId('checked-before-match').first();
    await match.getByRole('link', { name: 'Prokopchuk was the favourite to lead Interpol' }).waitFor();
    await expect(match.textContent()).resolves.toContain('Mostly true');
    await expect(match.textContent()).resolves.toContain('Fact Desk Weekly');
    await expect(match.textContent()).resolves.toContain('2018-11-22');
    await match.getByTestId('likely-same').waitFor();
    await expect(match.getByTestId('likely-same').textContent()).resolves.toBe('Very likely the same claim');

    await match.getByRole('button', { name: /Add as source/ }).click();
    await match.getByRole('button', { name: 'Supports' }).click();
    await page.getByTestId('sources').getByRole('link', { name: 'Was Prokopchuk the favourite to lead Interpol?' }).waitFor();
    await expect(page.getByTestId('sources').locator('.stance').first().textContent()).resolves.toBe('Supports');
    const claimId = (await page.getByTestId('claim-panel').getAttribute('data-claim-id'))!;
    const attached = await desk.api<{ items: { stance: string; source: { url: string } }[] }>('GET', `/claims/${claimId}/sources`, reviewer.token);
    expect(attached.items.map((s) => [s.source.url, s.stance])).toEqual([['https://fc.example/prokopchuk-favourite', 'supports']]);
  });
});
