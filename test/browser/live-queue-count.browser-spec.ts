/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signedInPage } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';

/**
 * Issue 12: the header's "My work" count follows my queue live, on the `/me/events` stream the bell
 * uses, without a reload and without polling: colleagues act through the API, the count changes.
 * (Failed before: the count was read on a change of screen and once a minute, so it stayed put.)
 */
describe('the header\'s queue count is live', () => {
  let desk: DeskServer;
  let browser: Browser;
  let reviewer: DeskUser;
  let editor: DeskUser;
  let otherEditor: DeskUser;
  let claims: string[];
  let reviewerPage: Page;
  let editorPage: Page;

  const count = async (page: Page): Promise<number> => {
    const text = (await page.getByTestId('queue-count').textContent()) ?? '';
    return Number(/(\d+)/.exec(text)?.[1] ?? 0);
  };
  /** Waits until the header shows `n` waiting, with the page never reloaded (the marker set on it survives). */
  const shows = async (page: Page, n: number): Promise<void> => {
    await page.waitForFunction((want) => {
      const text = document.querySelector('[data-testid="queue-count"]')?.textContent ?? '';
      return Number(/(\d+)/.exec(text)?.[1] ?? 0) === want;
    }, n, { timeout: 15_000 });
    await expect(page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).resolves.toBe(true);
  };
  const open = async (user: DeskUser): Promise<Page> => {
    const page = await signedInPage(browser, desk.baseUrl, user);
    // The stream's headers come after the server subscribed it: from then on nothing is missed.
    const stream = page.waitForResponse((r) => r.url().includes('/api/v1/me/events'));
    await page.goto(`${desk.baseUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Articles' }).waitFor();
    await stream;
    await page.evaluate(() => ((window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true));
    return page;
  };

  beforeAll(async () => {
    desk = await DeskServer.start();
    reviewer = await desk.createUser('reviewer', 'Rita Alves');
    editor = await desk.createUser('editor', 'Edith Kramer');
    otherEditor = await desk.createUser('editor', 'Hugo Lind');
    const articleId = (await desk.api<{ id: string }>('POST', '/articles', editor.token, {
      format: 'text', title: 'Budget speech', content: 'Unemployment halved last year. Exports rose by 12 percent. Crime fell to a record low.',
    })).id;
    claims = [];
    for (const exact of ['Unemployment halved', 'Exports rose', 'Crime fell']) {
      claims.push((await desk.api<{ id: string }>('POST', `/articles/${articleId}/claims`, editor.token, { selector: { type: 'TextQuoteSelector', exact } })).id);
    }
    browser = await launchChromium();
    reviewerPage = await open(reviewer);
    editorPage = await open(editor);
  }, 300_000); // a desk, three users (scrypt at full cost) and two browsers on a busy machine

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('rises when a claim is assigned to me and falls when it is taken away', async () => {
    expect(await count(reviewerPage)).toBe(0);
    await desk.api('PUT', `/claims/${claims[0]}/assignment`, editor.token, { assigneeId: reviewer.id });
    await shows(reviewerPage, 1);
    await desk.api('PUT', `/claims/${claims[0]}/assignment`, editor.token, { assigneeId: editor.id });
    await shows(reviewerPage, 0);
    await shows(editorPage, 1);
  });

  it('rises with a mention and a reply, and falls when I read them', async () => {
    await desk.api('POST', `/claims/${claims[1]}/annotations`, editor.token, { body: 'Where is this from, @[Rita Alves]?' });
    await shows(reviewerPage, 1);
    const mine = await desk.api<{ id: string }>('POST', `/claims/${claims[2]}/annotations`, reviewer.token, { body: 'The police figures say otherwise.' });
    await desk.api('POST', `/claims/${claims[2]}/annotations`, otherEditor.token, { body: 'Which year?', parentId: mine.id });
    await shows(reviewerPage, 2);
    await desk.api('POST', '/me/notifications/read', reviewer.token, { all: true });
    await shows(reviewerPage, 0);
  });

  it('rises for an editor when a verdict waits for review, and falls when another editor approves it', async () => {
    const before = await count(editorPage);
    await desk.api('POST', `/claims/${claims[1]}/sources`, reviewer.token, { source: { url: 'https://stats.example.gov/trade' }, stance: 'refutes' });
    const verdict = await desk.api<{ id: string }>('POST', `/claims/${claims[1]}/verdicts`, reviewer.token, { rating: 'false', rationale: 'The trade figures say 3 percent.' });
    await desk.api('POST', `/verdicts/${verdict.id}/submit`, reviewer.token);
    await shows(editorPage, before + 1);
    // Approved by someone else: no notification reaches this editor, the queue hint does (review leaves, publish comes).
    const recounted = editorPage.waitForResponse((r) => r.url().includes('/api/v1/me/queue/counts'));
    await desk.api('POST', `/verdicts/${verdict.id}/approve`, otherEditor.token, {});
    await recounted;
    await shows(editorPage, before + 1);
    await desk.api('POST', `/verdicts/${verdict.id}/publish`, otherEditor.token, {});
    await shows(editorPage, before);
  });
});
