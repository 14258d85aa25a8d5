/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signedInPage } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TEXT = 'Budget speech\n\nThe deficit halved in one year, the minister said.';

/** Rita mentions Eddie in a note (with the autocomplete); Eddie's bell counts it live, lists it, marks it read. */
describe('mentions and notifications in the reviewer UI', () => {
  let desk: DeskServer;
  let browser: Browser;
  let rita: DeskUser;
  let eddie: DeskUser;
  let ritaPage: Page;
  let eddiePage: Page;
  let claimId: string;

  beforeAll(async () => {
    desk = await DeskServer.start();
    rita = await desk.createUser('reviewer', 'Rita Reviewer');
    eddie = await desk.createUser('editor', 'Eddie Editor');
    const articleId = (await desk.api<{ id: string }>('POST', '/articles', rita.token, { format: 'text', content: TEXT })).id;
    claimId = (await desk.api<{ id: string }>('POST', `/articles/${articleId}/claims`, rita.token, { selector: { type: 'TextQuoteSelector', exact: 'The deficit halved' } })).id;
    browser = await launchChromium();
    const open = (user: DeskUser, path: string): Promise<Page> => signedInPage(browser, `${desk.baseUrl}${path}`, user);
    ritaPage = await open(rita, `/claims/${claimId}`);
    await ritaPage.getByTestId('claim-panel').waitFor();
    eddiePage = await open(eddie, '/');
  }, 300_000); // a desk, two users (scrypt at full cost) and two browsers on a busy machine

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('offers people after @ and inserts the chosen one as @[Display Name]', async () => {
    const box = ritaPage.getByLabel('Add a note');
    await box.click();
    await box.pressSequentially('Please check this, @edd');
    const option = ritaPage.getByRole('option', { name: /Eddie Editor/ });
    await option.waitFor();
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
    await ritaPage.keyboard.press('Enter');
    expect(await box.inputValue()).toBe('Please check this, @[Eddie Editor] ');
    await box.pressSequentially('thanks.');
    await ritaPage.getByRole('button', { name: 'Add note' }).click();
    const mention = ritaPage.getByTestId('annotation').locator('a.mention');
    await mention.waitFor();
    expect(await mention.textContent()).toBe('@Eddie Editor');
    expect(await mention.getAttribute('href')).toBe(`mailto:${eddie.email}`);
  });

  it('counts the mention on the bell live, lists it, and marks it read', async () => {
    await eddiePage.getByTestId('unread-count').getByText('1').waitFor();
    await eddiePage.getByTestId('notification-bell').click();
    const item = eddiePage.getByTestId('notification').first();
    await item.getByText('Rita Reviewer mentioned you on “The deficit halved”').waitFor();
    await eddiePage.evaluate(AXE);
    const violations = await eddiePage.evaluate(async () => (await (window as unknown as { axe: { run: (d: Document) => Promise<{ violations: { id: string }[] }> } }).axe.run(document)).violations.map((v) => v.id));
    expect(violations).toEqual([]);
    await eddiePage.getByRole('button', { name: 'Mark all read' }).click();
    await eddiePage.getByTestId('unread-count').waitFor({ state: 'detached' });
    expect(await item.textContent()).not.toContain('unread');
    await eddiePage.keyboard.press('Escape');
    expect(await eddiePage.getByTestId('notification-bell').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('opens the claim from the list, and keeps the e-mail choice', async () => {
    await eddiePage.getByTestId('notification-bell').click();
    await eddiePage.getByLabel('E-mail notifications').selectOption('daily');
    await eddiePage.getByTestId('notice').getByText('E-mail notifications: a daily digest.').waitFor();
    expect(await desk.api<{ emailNotifications: string }>('GET', '/me/settings', eddie.token)).toEqual({ emailNotifications: 'daily' });
    await eddiePage.getByTestId('notification').first().getByRole('link').click();
    await eddiePage.getByTestId('claim-panel').waitFor();
    expect(await eddiePage.getByTestId('claim-panel').getAttribute('data-claim-id')).toBe(claimId);
  });
});
