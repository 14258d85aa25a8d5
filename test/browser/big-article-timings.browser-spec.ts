import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signedInPage } from './support/browser';
import { bigText, manyClaimsText, quoteOf, seedArticle } from './support/big-articles';
import { DeskServer, DeskUser, ROOT } from './support/desk-server';
import { drawnClaimIds, liveNoteTiming, scrollTimings, summary, timeToDrawnArticle, timeToOpenClaim, typingLatencies } from './support/reading-timings';

const ROUNDS = Number(process.env.TIMING_ROUNDS ?? 3);
const MANY_CLAIMS = Number(process.env.TIMING_MANY_CLAIMS ?? 5000);
const BIG_TEXT_BYTES = Number(process.env.TIMING_BIG_TEXT_BYTES ?? 5_000_000);
const CLAIMS_ON_BIG_TEXT = 200;

/**
 * Measures, does not judge (the machine is shared): the reading view of an article with 5,000 claims
 * and of one with 5 MB of text and 200 claims, in this machine's Chromium — time to the drawn article,
 * opening a claim by a click, typing a note (key press to drawn character), scrolling a screen and to
 * the end, and a colleague's note arriving live. Written to `test/browser/timings-big.json` for
 * docs/benchmarks.md. What a user would notice is asserted: every claim drawn, the opened claim's panel
 * with its quote, the typed note in its field, the end of the article on screen, the colleague's note
 * shown without reading the workspace again.
 */
describe('timings of the reading view of big articles', () => {
  let desk: DeskServer;
  let browser: Browser;
  let rita: DeskUser;
  let colleague: DeskUser;
  let page: Page;
  const figures: Record<string, unknown> = {};

  beforeAll(async () => {
    // TIMING_WEB_ROOT: another build of the web app (e.g. main's), to compare the two in turns.
    desk = await DeskServer.start(process.env.TIMING_WEB_ROOT ? { CLAIMDESK_WEB_ROOT: process.env.TIMING_WEB_ROOT } : {});
    rita = await desk.createUser('reviewer', 'Rita Reviewer');
    colleague = await desk.createUser('reviewer', 'Carl Colleague');
    browser = await launchChromium();
    page = await signedInPage(browser, `${desk.baseUrl}/`, rita);
  }, 120_000);

  afterAll(async () => {
    if (Object.keys(figures).length > 0) {
      writeFileSync(join(ROOT, 'test', 'browser', 'timings-big.json'), `${JSON.stringify({ ...figures, rounds: ROUNDS, at: new Date().toISOString() }, null, 2)}\n`);
    }
    await browser?.close();
    await desk?.stop();
  });

  const measure = async (name: string, content: string, claims: number): Promise<void> => {
    const seeding = Date.now();
    const articleId = await seedArticle(desk, rita, colleague, name, content, claims);
    const seededMs = Date.now() - seeding;
    const step = (what: string): void => void (process.env.TIMING_TRACE && process.stderr.write(`${name}: ${what} ${Date.now() - seeding} ms\n`));
    step('seeded');
    const url = `${desk.baseUrl}/articles/${articleId}`;
    const draws: number[] = [];
    const answered: number[] = [];
    const opens: number[] = [];
    const typing: number[] = [];
    const screens: number[] = [];
    const toEnd: number[] = [];
    const live: number[] = [];
    const liveAfterAnswer: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const drawn = await timeToDrawnArticle(page, url, claims);
      draws.push(drawn.drawMs);
      step('drawn');
      answered.push(drawn.workspaceAnsweredMs);
      const ids = await drawnClaimIds(page);
      expect(new Set(ids).size).toBe(claims);
      for (const i of [10, Math.floor(claims / 2), claims - 10]) {
        opens.push(await timeToOpenClaim(page, ids[i]));
        await expect(page.getByTestId('quote-in-context').textContent()).resolves.toContain(quoteOf(i));
      }
      step('opened');
      typing.push(...(await typingLatencies(page, 'claims')));
      step('typed');
      const note = `Seen elsewhere, round ${round}`;
      const arrived = await liveNoteTiming(page, ids[claims - 10], colleague.token, note);
      live.push(arrived.drawnMs);
      liveAfterAnswer.push(arrived.drawnMs - arrived.answeredMs);
      expect(arrived.workspaceReads).toBe(0);
      step('live note');
      const scrolled = await scrollTimings(page, 10);
      screens.push(...scrolled.screenMs);
      toEnd.push(scrolled.toEndMs);
      await expect(page.locator('.article-text .para').last().isVisible()).resolves.toBe(true);
    }
    // The typed characters showed in the field (each latency waits for its character).
    expect(typing).toHaveLength(ROUNDS * 'claims'.length);
    figures[name] = {
      claims,
      textChars: content.length,
      seededMs,
      drawMs: summary(draws),
      workspaceAnsweredMs: summary(answered),
      openClaimMs: summary(opens),
      typingMs: summary(typing),
      liveNoteMs: summary(live),
      liveNoteAfterAnswerMs: summary(liveAfterAnswer),
      scrollScreenMs: summary(screens),
      scrollToEndMs: summary(toEnd),
    };
    process.stdout.write(`${name}: ${JSON.stringify(figures[name])}\n`);
  };

  it(`an article with ${MANY_CLAIMS} claims`, async () => {
    await measure(`${MANY_CLAIMS} claims`, manyClaimsText(MANY_CLAIMS), MANY_CLAIMS);
  }, 600_000);

  it(`an article of ${BIG_TEXT_BYTES / 1e6} MB of text with ${CLAIMS_ON_BIG_TEXT} claims`, async () => {
    await measure(`${BIG_TEXT_BYTES / 1e6} MB`, bigText(BIG_TEXT_BYTES, CLAIMS_ON_BIG_TEXT), CLAIMS_ON_BIG_TEXT);
  }, 600_000);
});
