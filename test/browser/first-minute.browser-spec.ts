/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn } from './support/browser';
import { ADMIN, DeskServer } from './support/desk-server';

/**
 * A newcomer's first minute, under the desk's Content-Security-Policy: the empty article list offers
 * the example, one click imports it, and nothing the UI does is refused by the policy.
 */
describe('the first minute on an empty desk', () => {
  let desk: DeskServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await DeskServer.start();
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    // Recorded by the page itself: every load, script or style the policy refuses.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(desk.baseUrl);
    await signIn(page, { ...ADMIN, displayName: 'Administrator' });
  });

  afterAll(async () => {
    await browser?.close();
    await desk?.stop();
  });

  it('imports the example article from the empty list in one click, with no policy violation', async () => {
    await page.getByRole('button', { name: 'Import the example article' }).click();
    await page.getByTestId('article-text').getByText('Prokopchuk', { exact: false }).first().waitFor();
    await expect(page.locator('h1.article-title').textContent()).resolves.toContain('Russian Loses Interpol Presidency');
    await expect(page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).resolves.toEqual([]);
  });
});
