/// <reference lib="dom" />
// page.evaluate callbacks run in the browser; the DOM types are for them.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { DeskUser, ROOT } from './desk-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'interpol-2018.md');

/** A page of its own (a fresh context: its own cookies) at `url`, signed in there as `user`. */
export async function signedInPage(browser: Browser, url: string, user: Pick<DeskUser, 'email' | 'password' | 'displayName'>): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 860 } })).newPage();
  await page.goto(url);
  await signIn(page, user);
  return page;
}

/** Signs in through the sign-in screen and waits until the user's name shows. */
export async function signIn(page: Page, user: Pick<DeskUser, 'email' | 'password' | 'displayName'>): Promise<void> {
  await page.getByLabel('E-mail').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('current-user').getByText(user.displayName).waitFor();
}

/**
 * Selects `quote` in the article with a real mouse drag: from the left edge of its first character
 * to the right edge of its last, at coordinates computed from the text's DOM range. `occurrence`
 * picks among repeated quotes (0 = first).
 */
export async function dragSelect(page: Page, quote: string, occurrence = 0): Promise<void> {
  const box = await page.evaluate(({ quote, occurrence }) => {
    const root = document.querySelector('[data-testid="article-text"]');
    if (!root) throw new Error('no article text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += (n as Text).data;
    }
    let at = -1;
    for (let i = 0; i <= occurrence; i++) at = all.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" is not in the article text`);
    const locate = (offset: number): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        if (offset < seen + node.data.length) return [node, offset - seen];
        seen += node.data.length;
      }
      throw new Error('offset past the text');
    };
    const charRect = (offset: number): DOMRect => {
      const [node, inNode] = locate(offset);
      const range = document.createRange();
      range.setStart(node, inNode);
      range.setEnd(node, inNode + 1);
      const rects = range.getClientRects();
      return rects[rects.length - 1];
    };
    locate(at)[0].parentElement?.scrollIntoView({ block: 'center' });
    const start = charRect(at);
    const end = charRect(at + quote.length - 1);
    return { x1: start.left + 1, y1: start.top + start.height / 2, x2: end.right - 1, y2: end.top + end.height / 2 };
  }, { quote, occurrence });
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 5 });
  await page.mouse.move(box.x2, box.y2, { steps: 5 });
  await page.mouse.up();
}

/** Saves a screenshot to docs/screenshots when SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dir = join(ROOT, 'docs', 'screenshots');
  mkdirSync(dir, { recursive: true });
  // Transient notices would cover the screen; hide them for the picture only.
  const hide = await page.addStyleTag({ content: '.notices { display: none !important; }' });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
  await hide.evaluate((style) => style.parentNode?.removeChild(style));
}
