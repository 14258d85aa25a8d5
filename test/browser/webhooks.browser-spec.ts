import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn } from './support/browser';
import { DeskServer, DeskUser } from './support/desk-server';
import { WebhookReceiver } from '../support/webhook-receiver';

const SECRET = 'slack-bridge-secret-2026';

/**
 * Administration → Webhooks (issue 12, point 5): an admin adds a hook for a newsroom system, sends it
 * a test, reads the delivery log and removes it; others do not see the screen in the navigation.
 */
describe('webhooks screen', () => {
  let desk: DeskServer;
  let browser: Browser;
  let page: Page;
  let admin: DeskUser;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    // The receiver runs on this machine: the desk (a child process, inheriting the environment) may send there.
    process.env.CLAIMDESK_FETCH_ALLOW = '127.0.0.1';
    receiver = await WebhookReceiver.start();
    desk = await DeskServer.start();
    admin = await desk.createUser('admin', 'Ada Admin');
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
    page.on('dialog', (dialog) => void dialog.accept());
  });

  afterAll(async () => {
    delete process.env.CLAIMDESK_FETCH_ALLOW;
    await browser?.close();
    await desk?.stop();
    await receiver?.close();
  });

  it('adds a webhook with chosen events, and shows the API\'s message for a short secret', async () => {
    await page.goto(desk.baseUrl);
    await signIn(page, admin);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Add a webhook' }).waitFor();
    await page.getByLabel('URL').fill(receiver.url);
    await page.getByLabel(/^Secret/).fill('too-short');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.locator('#webhook-secret-error').waitFor();
    expect(await page.getByLabel(/^Secret/).getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel(/^Secret/).fill(SECRET);
    await page.getByLabel('Only these:').check();
    await page.getByLabel('verdict.published').check();
    await page.getByLabel('claim.created').check();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: receiver.url }) });
    await item.waitFor();
    expect(await item.innerText()).toContain('verdict.published, claim.created');
    expect(await item.innerText()).toContain(SECRET.slice(-4));
    expect(await page.content()).not.toContain(SECRET);
  });

  it('sends a test and shows it in the delivery log', async () => {
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: receiver.url }) });
    await item.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test delivered: the receiver answered 200.').waitFor();
    const row = item.getByRole('row').filter({ hasText: 'ping' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/ping\s+delivered\s+200\s+1/);
    expect(receiver.received).toHaveLength(1);
    const [ping] = receiver.received;
    expect(ping.headers['x-claimdesk-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(ping.raw).digest('hex')}`);
  });

  it('removes the webhook after confirmation', async () => {
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: receiver.url }) });
    await item.getByRole('button', { name: 'Remove' }).click();
    await page.getByText('No webhooks yet.').waitFor();
    expect(await desk.api<{ items: unknown[] }>('GET', '/webhooks', admin.token)).toEqual({ items: [], nextCursor: null });
  });

  it('is not offered to editors', async () => {
    const editor = await desk.createUser('editor', 'Eddie Editor');
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(desk.baseUrl);
    await signIn(other, editor);
    expect(await other.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
    await context.close();
  });
});
