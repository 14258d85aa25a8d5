/// <reference lib="dom" />
// page.evaluate callbacks run in the browser; the DOM types are for them.
import type { Page } from 'playwright-core';

/**
 * What the timing specs measure in the reading view, each in the page's own clock (performance.now):
 * the machine is shared, so these are figures for docs/benchmarks.md, never asserted.
 */

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const summary = (values: number[]): { median: number; max: number; all: number[] } => ({
  median: Math.round(median(values)),
  max: Math.round(Math.max(...values)),
  all: values.map(Math.round),
});

/** From the navigation's start to the first frame with `claims` claims drawn in the text. */
export async function timeToDrawnArticle(page: Page, url: string, claims: number): Promise<{ drawMs: number; workspaceAnsweredMs: number }> {
  await page.goto('about:blank');
  await page.goto(url);
  const drawMs = await page.evaluate((n) => new Promise<number>((done) => {
    const look = (): void => {
      if (document.querySelectorAll('.article-text mark[data-claim-ids]').length >= n) done(performance.now());
      else requestAnimationFrame(look);
    };
    look();
  }), claims);
  const workspaceAnsweredMs = await page.evaluate(() => (performance.getEntriesByType('resource').find((e) => e.name.includes('/workspace')) as PerformanceResourceTiming | undefined)?.responseEnd ?? 0);
  return { drawMs: Math.round(drawMs), workspaceAnsweredMs: Math.round(workspaceAnsweredMs) };
}

/** The first claim id of each drawn run, in reading order. */
export function drawnClaimIds(page: Page): Promise<string[]> {
  return page.locator('.article-text mark[data-claim-ids]').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-claim-ids')!.split(' ')[0]));
}

/** From a click on the claim's words to the next frame painted with its panel open. */
export async function timeToOpenClaim(page: Page, claimId: string): Promise<number> {
  await page.locator(`.article-text mark[data-claim-ids~="${claimId}"]`).first().scrollIntoViewIfNeeded();
  return page.evaluate((id) => new Promise<number>((done) => {
    const mark = document.querySelector<HTMLElement>(`.article-text mark[data-claim-ids~="${id}"]`)!;
    const clicked = performance.now();
    mark.click();
    const look = (): void => {
      if (document.querySelector(`[data-testid="claim-panel"][data-claim-id="${id}"]`)) requestAnimationFrame(() => done(performance.now() - clicked));
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }), claimId);
}

/**
 * Input latency in the open claim's note field: for each character typed (a real key press through
 * the browser's input pipeline), from the key event's time stamp to the frame after the character
 * shows in the field. The field is emptied afterwards (select all, delete).
 */
export async function typingLatencies(page: Page, characters: string): Promise<number[]> {
  const field = await page.getByLabel(/^Add a note/).elementHandle();
  if (!field) throw new Error('no note field');
  await field.focus();
  const latencies: number[] = [];
  for (const character of characters) {
    // The listener is in place before the key is pressed; the latency is awaited after.
    await field.evaluate((input: HTMLTextAreaElement) => {
      (window as unknown as { typed: Promise<number> }).typed = new Promise<number>((done) => {
        input.addEventListener('keydown', (event) => {
          const pressed = event.timeStamp;
          const length = input.value.length;
          const look = (): void => {
            if (input.value.length > length) requestAnimationFrame(() => done(performance.now() - pressed));
            else requestAnimationFrame(look);
          };
          requestAnimationFrame(look);
        }, { once: true });
      });
    });
    await page.keyboard.press(character);
    latencies.push(await page.evaluate(() => (window as unknown as { typed: Promise<number> }).typed));
  }
  await field.fill('');
  return latencies;
}

/**
 * Scrolling: one viewport at a time over `steps` screens from the top (each, from the scroll to the
 * next frame painted), then to the end of the article: from the jump to the frame that shows its last
 * paragraph at the bottom of the window (paragraphs off screen are laid out when they come near, which
 * may move the end; jumps again until it stays).
 */
export async function scrollTimings(page: Page, steps: number): Promise<{ screenMs: number[]; toEndMs: number }> {
  return page.evaluate((count) => new Promise<{ screenMs: number[]; toEndMs: number }>((done) => {
    const frame = (): Promise<void> => new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(() => painted())));
    const run = async (): Promise<void> => {
      window.scrollTo(0, 0);
      await frame();
      const screenMs: number[] = [];
      for (let i = 0; i < count; i += 1) {
        const started = performance.now();
        window.scrollBy(0, window.innerHeight);
        await frame();
        screenMs.push(performance.now() - started);
      }
      const started = performance.now();
      const last = [...document.querySelectorAll('.article-text .para')].pop()!;
      for (let jumps = 0; jumps < 20; jumps += 1) {
        window.scrollTo(0, document.documentElement.scrollHeight);
        await frame();
        const bottom = last.getBoundingClientRect().bottom;
        if (bottom <= window.innerHeight && bottom > 0 && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2) break;
      }
      done({ screenMs, toEndMs: performance.now() - started });
    };
    void run();
  }), steps);
}

/**
 * A colleague's note arriving live: posted from the page with `token` (another user's), from the
 * request's start to the frame that shows the note in the open panel; `answeredMs` is when the POST
 * answered, so `drawnMs - answeredMs` is about the event's way to the page and its application.
 */
export async function liveNoteTiming(page: Page, claimId: string, token: string, body: string): Promise<{ drawnMs: number; answeredMs: number; workspaceReads: number }> {
  return page.evaluate(({ claimId, token, body }) => new Promise<{ drawnMs: number; answeredMs: number; workspaceReads: number }>((done, fail) => {
    const reads = (): number => performance.getEntriesByType('resource').filter((e) => e.name.includes('/workspace')).length;
    const readsBefore = reads();
    let answeredMs = -1;
    const started = performance.now();
    const shown = (): boolean => [...document.querySelectorAll('[data-testid="claim-panel"] [data-testid="annotations"] li')].some((li) => li.textContent?.includes(body));
    const look = (): void => {
      if (shown()) requestAnimationFrame(() => done({ drawnMs: performance.now() - started, answeredMs, workspaceReads: reads() - readsBefore }));
      else if (performance.now() - started > 30_000) fail(new Error('the note did not show within 30 s'));
      else requestAnimationFrame(look);
    };
    fetch(`/api/v1/claims/${claimId}/annotations`, { method: 'POST', credentials: 'omit', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ body }) })
      .then((answer) => {
        if (!answer.ok) throw new Error(`note POST → ${answer.status}`);
        answeredMs = performance.now() - started;
      })
      .catch(fail);
    requestAnimationFrame(look);
  }), { claimId, token, body });
}
