/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

/**
 * Issue 12: a reviewer signs in onto "My work", sees what waits with due dates (overdue in red) and
 * the count in the header, opens a claim in its article with one click, and takes or gives back work;
 * an editor assigns a claim to a reviewer with a due date, and the claims list filters by assignee.
 */
describe('my work', () => {
  let desk: DeskServer;
  let browser: Browser;
  let page: Page;
  let reviewer: DeskUser;
  let editor: DeskUser;
  let articleId: string;
  const claims: Record<string, string> = {};

  beforeAll(async () => {
    desk = await DeskServer.start();
    reviewer = await desk.createUser('reviewer', 'Rita Alves');
    editor = await desk.createUser('editor', 'Edith Kramer');
    articleId = (await desk.api<{ id: string }>('POST', '/articles', editor.token, {
      format: 'text', title: 'Budget speech', content: 'Unemployment halved last year. Exports rose by 12 percent. Crime fell to a record low.',
    })).id;
    for (const exact of ['Unemployment halved', 'Exports rose', 'Crime fell']) {
      claims[exact] = (await desk.api<{ id: string }>('POST', `/articles/${articleId}/claims`, editor.token, { selector: { type: 'TextQuoteSelector', exact } })).id;
    }
    await desk.api('PUT', `/claims/${claims['Unemployment halved']}/assignment`, editor.token, { assigneeId: reviewer.id, dueAt: '2020-01-01T12:00:00Z' });
    await desk.api('PUT', `/claims/${claims['Exports rose']}/assignment`, editor.token, { assigneeId: reviewer.id, dueAt: '2099-06-01T12:00:00Z' });
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('lands on My work after signing in, due dates first, the overdue one in red, with the count in the header', async () => {
    await page.goto(desk.baseUrl);
    await signIn(page, reviewer);
    await page.waitForURL(/\/work$/);
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    const items = page.getByTestId('queue-item');
    await items.first().waitFor();
    await expect(items.count()).resolves.toBe(2);
    await expect(items.nth(0).textContent()).resolves.toContain('Unemployment halved');
    await expect(items.nth(1).textContent()).resolves.toContain('Exports rose');
    await expect(items.nth(0).textContent()).resolves.toContain('Assigned to you');
    await expect(items.nth(0).getByTestId('due-date').textContent()).resolves.toContain('Overdue');
    const colour = await items.nth(0).getByTestId('due-date').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(166, 27, 27)');
    await expect(items.nth(1).getByTestId('due-date').textContent()).resolves.toMatch(/^Due /);
    await expect(page.getByTestId('queue-count').textContent()).resolves.toMatch(/My work\s*2/);
  });

  it('opens the claim in its article with one click', async () => {
    await page.getByRole('link', { name: /Exports rose/ }).click();
    await page.waitForURL(new RegExp(`/articles/${articleId}\\?claim=${claims['Exports rose']}$`));
    const panel = page.getByTestId('claim-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-claim-id')).resolves.toBe(claims['Exports rose']);
    await expect(panel.getByTestId('assignment').textContent()).resolves.toContain('Due');
    await expect(panel.getByTestId('assignment').locator('.avatar').getAttribute('title')).resolves.toBe('Assigned to Rita Alves');
  });

  it('lets a reviewer give back their claim and take an unassigned one', async () => {
    const panel = page.getByTestId('claim-panel');
    await panel.getByRole('button', { name: 'Give back' }).click();
    await panel.getByRole('button', { name: 'Take' }).waitFor();
    await expect(desk.api<{ assigneeId: string | null }>('GET', `/claims/${claims['Exports rose']}`, reviewer.token)).resolves.toMatchObject({ assigneeId: null });
    await page.goto(`${desk.baseUrl}/articles/${articleId}?claim=${claims['Crime fell']}`);
    await page.getByTestId('claim-panel').getByRole('button', { name: 'Take' }).click();
    await page.getByTestId('claim-panel').getByRole('button', { name: 'Give back' }).waitFor();
    await expect(desk.api<{ assigneeId: string | null }>('GET', `/claims/${claims['Crime fell']}`, reviewer.token)).resolves.toMatchObject({ assigneeId: reviewer.id });
    await page.getByRole('link', { name: /My work/ }).click();
    await page.getByTestId('queue-item').first().waitFor();
    await expect(page.getByTestId('queue-item').allTextContents()).resolves.toEqual([expect.stringContaining('Unemployment halved'), expect.stringContaining('Crime fell')]);
  });

  it('lets an editor assign a claim with a due date, and filters the claims list by assignee', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const editorPage = await context.newPage();
    await editorPage.goto(`${desk.baseUrl}/articles/${articleId}?claim=${claims['Exports rose']}`);
    await signIn(editorPage, editor);
    const panel = editorPage.getByTestId('claim-panel');
    await panel.waitFor();
    await panel.getByRole('option', { name: 'Rita Alves' }).waitFor({ state: 'attached' });
    await panel.getByLabel('Assignee').selectOption({ label: 'Rita Alves' });
    await panel.getByLabel('Due date').fill('2099-12-24');
    await panel.getByRole('button', { name: 'Assign' }).click();
    await panel.getByTestId('assignment').getByText('24 Dec 2099').waitFor();
    await expect(desk.api<{ assigneeId: string; dueAt: string }>('GET', `/claims/${claims['Exports rose']}`, editor.token))
      .resolves.toMatchObject({ assigneeId: reviewer.id, dueAt: '2099-12-24T23:59:59.000Z' });
    await editorPage.getByLabel('Assignee', { exact: true }).first().waitFor();
    await editorPage.locator('#filter-assignee').selectOption('none');
    await expect(editorPage.getByTestId('claim-list').locator('[data-claim-id]').count()).resolves.toBe(0);
    await editorPage.locator('#filter-assignee').selectOption({ label: 'Rita Alves' });
    await expect(editorPage.getByTestId('claim-list').locator('[data-claim-id]').count()).resolves.toBe(3);
    await context.close();
  });

  it('shows who works on each article in the article list, overdue in red, and filters the list by assignee (failed before: the list had no assignee column or filter)', async () => {
    await desk.api('POST', '/articles', editor.token, { format: 'text', title: 'Harbour report', content: 'Ships doubled since May.' });
    await desk.api('PUT', `/articles/${articleId}/assignment`, editor.token, { assigneeId: reviewer.id, dueAt: '2020-02-01' });
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const editorPage = await context.newPage();
    await editorPage.goto(desk.baseUrl);
    await signIn(editorPage, editor);
    await editorPage.goto(`${desk.baseUrl}/`);
    const row = (title: string) => editorPage.getByTestId('article-row').filter({ hasText: title });
    await row('Budget speech').getByTestId('assignee-badge').waitFor();
    await expect(row('Budget speech').locator('.avatar').getAttribute('title')).resolves.toBe('Assigned to Rita Alves');
    await expect(row('Budget speech').locator('.avatar').textContent()).resolves.toContain('RA');
    await expect(row('Budget speech').getByTestId('due-date').textContent()).resolves.toContain('Overdue');
    const colour = await row('Budget speech').getByTestId('due-date').evaluate((el) => getComputedStyle(el).color);
    expect(colour).toBe('rgb(166, 27, 27)');
    await expect(row('Harbour report').getByTestId('assignee-badge').count()).resolves.toBe(0);

    await editorPage.getByLabel('Assigned to').selectOption({ label: 'Rita Alves' });
    await editorPage.waitForURL(new RegExp(`assignee=${reviewer.id}`));
    await row('Harbour report').waitFor({ state: 'detached' });
    await expect(editorPage.getByTestId('article-row').allTextContents()).resolves.toEqual([expect.stringContaining('Budget speech')]);
    await editorPage.getByLabel('Assigned to').selectOption('none');
    await row('Budget speech').waitFor({ state: 'detached' });
    await expect(editorPage.getByTestId('article-row').allTextContents()).resolves.toEqual([expect.stringContaining('Harbour report')]);
    await editorPage.getByLabel('Assigned to').selectOption('me');
    await editorPage.getByText('No article matches these filters.').waitFor();
    await context.close();

    // The reviewer's "me" is their own work.
    await page.goto(`${desk.baseUrl}/?assignee=me`);
    await page.getByTestId('article-row').first().waitFor();
    await expect(page.getByTestId('article-row').allTextContents()).resolves.toEqual([expect.stringContaining('Budget speech')]);
    await expect(page.getByLabel('Assigned to').inputValue()).resolves.toBe('me');
  });
});
