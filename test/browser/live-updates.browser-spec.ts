import type { Browser, Page } from 'playwright-core';
import { dragSelect, launchChromium, signedInPage } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

const TEXT = 'Live desk\n\nKim Jong-yang won the election in Dubai after heavyweight opposition to the Russian candidate.';

/** Two reviewers on one article: what one does appears for the other without a reload. */
describe('live updates between two reviewers', () => {
  let desk: DeskServer;
  let browser: Browser;
  let rita: DeskUser;
  let eddie: DeskUser;
  let ritaPage: Page;
  let eddiePage: Page;
  let articleId: string;
  let claimId: string;

  beforeAll(async () => {
    desk = await DeskServer.start();
    rita = await desk.createUser('reviewer', 'Rita Reviewer');
    eddie = await desk.createUser('editor', 'Eddie Editor');
    articleId = (await desk.api<{ id: string }>('POST', '/articles', rita.token, { format: 'text', content: TEXT })).id;
    browser = await launchChromium();
    const open = async (user: DeskUser): Promise<Page> => {
      const page = await signedInPage(browser, `${desk.baseUrl}/articles/${articleId}`, user);
      await page.getByTestId('article-text').waitFor();
      await page.locator('.live-status', { hasText: 'Live' }).waitFor();
      return page;
    };
    [ritaPage, eddiePage] = [await open(rita), await open(eddie)];
    // Set on Eddie's page: still there at the end means nothing reloaded it.
    await eddiePage.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('shows a claim marked in one browser in the other, with a notice', async () => {
    await dragSelect(ritaPage, 'won the election in Dubai');
    await ritaPage.getByTestId('mark-claim').click();
    await ritaPage.getByLabel('Claimant').fill('Interpol');
    await ritaPage.getByRole('button', { name: 'Save claim' }).click();
    await ritaPage.getByTestId('claim-panel').waitFor();
    claimId = (await ritaPage.getByTestId('claim-panel').getAttribute('data-claim-id'))!;

    await eddiePage.locator(`.article-text mark[data-claim-ids~="${claimId}"]`).waitFor();
    await eddiePage.getByTestId('notice').getByText('Rita Reviewer marked a claim.').waitFor();
  });

  it('shows a note written in one browser in the other', async () => {
    await eddiePage.locator(`[data-claim-id="${claimId}"]`).first().click();
    await eddiePage.getByTestId('claim-panel').waitFor();
    await ritaPage.getByLabel('Add a note').fill('Dubai is right: see the Interpol press release.');
    await ritaPage.getByRole('button', { name: 'Add note' }).click();
    await eddiePage.getByTestId('annotation').getByText('Dubai is right').waitFor();
  });

  it('warns when the claim being edited changes underneath, then shows both versions to choose from', async () => {
    await eddiePage.getByRole('button', { name: 'Edit claim' }).click();
    await eddiePage.getByLabel('Claimant').fill('Interpol press office');

    await ritaPage.getByRole('button', { name: 'Edit claim' }).click();
    await ritaPage.getByLabel('Claimant').fill('Interpol General Assembly');
    await ritaPage.getByRole('button', { name: 'Save', exact: true }).click();
    await ritaPage.getByTestId('claimant').getByText('Interpol General Assembly').waitFor();

    await eddiePage.getByTestId('changed-underneath').waitFor();
    await eddiePage.getByRole('button', { name: 'Save', exact: true }).click();
    const conflict = eddiePage.getByTestId('conflict');
    await conflict.waitFor();
    await expect(conflict.getByTestId('conflict-mine').first().textContent()).resolves.toBe('Interpol press office');
    await expect(conflict.getByTestId('conflict-theirs').first().textContent()).resolves.toBe('Interpol General Assembly');
    await conflict.getByRole('button', { name: 'Keep mine' }).click();
    await eddiePage.getByTestId('claimant').getByText('Interpol press office').waitFor();
    const claim = await desk.api<{ claimant: string }>('GET', `/claims/${claimId}`, rita.token);
    expect(claim.claimant).toBe('Interpol press office');
    // And Rita sees Eddie's choice without a reload.
    await ritaPage.getByTestId('claimant').getByText('Interpol press office').waitFor();
  });

  it('applies a colleague\'s note, source and claim edit from the events alone (failed on main: every event downloaded the whole workspace again)', async () => {
    const workspaceReads: string[] = [];
    const count = (request: { url: () => string }): void => {
      if (request.url().includes('/workspace')) workspaceReads.push(request.url());
    };
    // Eddie's own save in the test before reads his workspace again: let that read go by first.
    await eddiePage.waitForTimeout(1_500);
    eddiePage.on('request', count);
    await desk.api('POST', `/claims/${claimId}/annotations`, rita.token, { body: 'The press release is dated 21 November.' });
    await desk.api('POST', `/claims/${claimId}/sources`, rita.token, { source: { url: 'https://www.interpol.int/News-and-Events/News/2018', title: 'Interpol press release, November 2018' }, stance: 'supports' });
    await desk.api('PATCH', `/claims/${claimId}`, rita.token, { claimant: 'Interpol (press release)' });

    await eddiePage.getByTestId('annotation').getByText('dated 21 November').waitFor();
    await eddiePage.getByText('Interpol press release, November 2018').waitFor();
    await eddiePage.getByTestId('claimant').getByText('Interpol (press release)').waitFor();
    eddiePage.off('request', count);
    expect(workspaceReads).toEqual([]);
  });

  it('never reloaded the page', async () => {
    await expect(eddiePage.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).resolves.toBe(true);
  });
});
