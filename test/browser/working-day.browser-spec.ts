/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { dragSelect, launchChromium, signedInPage } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

/**
 * Issue 12, "used as a two-person desk for a day": an editor and a reviewer, each in a browser of their
 * own, on the real app. The editor imports an article, marks a claim and assigns it with a due date;
 * the reviewer lands on My work, opens it with one click, writes a note mentioning the editor (with the
 * autocomplete), attaches a source and drafts a verdict, then submits it; the editor's bell rises live,
 * the notification opens the claim, the header search finds the note by a word of it, and the editor
 * approves and publishes; the reviewer's queue empties. Every step asserts what the person would see.
 */
describe('a two-person working day', () => {
  let desk: DeskServer;
  let browser: Browser;
  let editor: DeskUser;
  let reviewer: DeskUser;
  let editorPage: Page;
  let reviewerPage: Page;
  let claimId: string;
  const QUOTE = 'port handled 14 million containers';

  const signedIn = (user: DeskUser): Promise<Page> => signedInPage(browser, desk.baseUrl, user);
  const headerCount = async (page: Page): Promise<number> => Number(/(\d+)/.exec((await page.getByTestId('queue-count').textContent()) ?? '')?.[1] ?? 0);

  beforeAll(async () => {
    desk = await DeskServer.start();
    editor = await desk.createUser('editor', 'Edith Kramer');
    reviewer = await desk.createUser('reviewer', 'Rita Alves');
    browser = await launchChromium();
    editorPage = await signedIn(editor);
    reviewerPage = await signedIn(reviewer);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('morning: the editor imports an article, marks a claim and assigns it to the reviewer with a due date, named at once (failed before: "Assigned to Unknown user" for someone who had not worked on the article yet)', async () => {
    const page = editorPage;
    await page.getByRole('link', { name: 'Import article' }).first().click();
    await page.getByLabel('Article text').fill(`Harbour chief hails record year\n\nThe harbour master said on Monday that the ${QUOTE} last year, a record. Shipping lines disputed the figure.`);
    await page.getByLabel(/^Title/).fill('Harbour chief hails record year');
    await page.locator('#main').getByRole('button', { name: 'Import article' }).click();
    await page.getByTestId('article-text').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Harbour chief hails record year' }).waitFor();

    await dragSelect(page, QUOTE);
    await page.getByTestId('mark-claim').click();
    await page.getByRole('button', { name: 'Save claim' }).click();
    const panel = page.getByTestId('claim-panel');
    await panel.waitFor();
    claimId = (await panel.getAttribute('data-claim-id'))!;

    await panel.getByRole('option', { name: 'Rita Alves' }).waitFor({ state: 'attached' });
    await panel.getByLabel('Assignee').selectOption({ label: 'Rita Alves' });
    await panel.getByLabel('Due date').fill('2099-03-14');
    await panel.getByRole('button', { name: 'Assign' }).click();
    await panel.getByTestId('assignment').getByText('14 Mar 2099').waitFor();
    await expect(panel.getByTestId('assignment').locator('.avatar').getAttribute('title')).resolves.toBe('Assigned to Rita Alves');
    // The claims list says the same.
    await expect(page.getByTestId('claim-list').locator(`[data-claim-id="${claimId}"]`).getByTestId('assignee-badge').textContent()).resolves.toContain('RA');
  });

  it('the reviewer sees it on My work, open since signing in, live (failed before: the page stayed empty), and opens it with one click', async () => {
    const page = reviewerPage;
    // Signed in before the assignment: the header's count came live; My work is the landing page.
    await page.waitForFunction(() => /\b1\b/.test(document.querySelector('[data-testid="queue-count"]')?.textContent ?? ''));
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/work');
    const item = page.getByTestId('queue-item');
    await item.first().waitFor();
    await expect(item.count()).resolves.toBe(1);
    await expect(item.first().textContent()).resolves.toContain('Assigned to you');
    await expect(item.first().textContent()).resolves.toContain('Harbour chief hails record year');
    await expect(item.first().getByTestId('due-date').textContent()).resolves.toContain('14 Mar 2099');
    await item.first().getByRole('link', { name: new RegExp(QUOTE) }).click();
    const panel = page.getByTestId('claim-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-claim-id')).resolves.toBe(claimId);
  });

  it('the reviewer writes a note mentioning the editor with the autocomplete, attaches a source and drafts a verdict', async () => {
    const page = reviewerPage;
    const box = page.getByLabel('Add a note');
    await box.click();
    await box.pressSequentially('The port authority counted 11 million in its annual report; @edi');
    await page.locator('li[role="option"]', { hasText: 'Edith Kramer' }).waitFor();
    await page.keyboard.press('Enter');
    await box.pressSequentially('can you check the transshipment numbers?');
    await page.getByRole('button', { name: 'Add note' }).click();
    const mention = page.getByTestId('annotation').locator('a.mention');
    await mention.waitFor();
    await expect(mention.textContent()).resolves.toBe('@Edith Kramer');

    await page.getByRole('button', { name: 'Add a source' }).click();
    await page.getByLabel('Or a new source: URL').fill('https://port.example.org/annual-report-2025');
    await page.getByLabel('Title').fill('Port authority annual report 2025');
    await page.getByLabel('Stance').selectOption('refutes');
    await page.getByRole('button', { name: 'Attach source' }).click();
    await page.getByTestId('sources').getByRole('link', { name: 'Port authority annual report 2025' }).waitFor();

    const panel = page.getByTestId('claim-panel');
    await panel.getByLabel('Rating', { exact: true }).selectOption({ label: 'Mostly false' });
    await panel.getByLabel('Rationale').fill('The annual report counts 11 million containers, not 14 million.');
    await panel.getByRole('button', { name: 'Create draft' }).click();
    await panel.locator('[data-testid="verdict"][data-status="draft"]').waitFor();
    await panel.getByRole('button', { name: 'Submit for review' }).click();
    await panel.locator('[data-testid="verdict"][data-status="submitted"]').waitFor();
  });

  it('the editor\'s bell rises live; the notification opens the claim', async () => {
    const page = editorPage;
    // The mention and the submitted verdict: two, without a reload.
    await page.getByTestId('unread-count').getByText('2').waitFor();
    await page.getByTestId('notification-bell').click();
    const mentioned = page.getByTestId('notification').filter({ hasText: 'Rita Alves mentioned you' });
    await mentioned.waitFor();
    await page.getByTestId('notification').filter({ hasText: /Rita Alves submitted/ }).waitFor();
    await page.goto(`${desk.baseUrl}/`); // somewhere else first, so the notification's link has somewhere to go
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification').filter({ hasText: 'Rita Alves mentioned you' }).getByRole('link').click();
    const panel = page.getByTestId('claim-panel');
    await panel.waitFor();
    await expect(panel.getAttribute('data-claim-id')).resolves.toBe(claimId);
    await panel.getByTestId('annotation').getByText(/transshipment/).waitFor();
    await page.getByTestId('unread-count').getByText('1').waitFor();
  });

  it('the editor finds the note by a word of it in the header search', async () => {
    const page = editorPage;
    await page.getByRole('searchbox', { name: /Search articles, claims, notes/ }).fill('transshipment');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Search' }).waitFor();
    const result = page.getByTestId('search-result');
    await result.first().waitFor();
    await expect(result.count()).resolves.toBe(1);
    await expect(result.first().getAttribute('data-type')).resolves.toBe('annotation');
    await expect(result.first().locator('mark').textContent()).resolves.toBe('transshipment');
    await result.first().getByRole('link').click();
    await expect(page.getByTestId('claim-panel').getAttribute('data-claim-id')).resolves.toBe(claimId);
  });

  it('evening: the editor approves and publishes; the reviewer\'s queue empties', async () => {
    const page = editorPage;
    const panel = page.getByTestId('claim-panel');
    await panel.getByRole('button', { name: 'Approve' }).click();
    await panel.locator('[data-testid="verdict"][data-status="approved"]').waitFor();
    await panel.getByRole('button', { name: 'Publish' }).click();
    await panel.locator('[data-testid="verdict"][data-status="published"]').waitFor();
    await panel.getByTestId('claim-status').getByText('Resolved').waitFor();

    // The reviewer's screen follows: the verdict is published, the header's count is gone, My work is empty.
    await reviewerPage.getByTestId('claim-panel').locator('[data-testid="verdict"][data-status="published"]').waitFor();
    await reviewerPage.waitForFunction(() => !/\d/.test(document.querySelector('[data-testid="queue-count"]')?.textContent ?? ''));
    expect(await headerCount(reviewerPage)).toBe(0);
    await reviewerPage.getByTestId('queue-count').click();
    await reviewerPage.getByText('Nothing waits for you.').waitFor();
    await expect(reviewerPage.getByTestId('queue-item').count()).resolves.toBe(0);
  });
});
