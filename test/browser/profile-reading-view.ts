/// <reference lib="dom" />
/**
 * Where the reading view spends its time at 5,000 claims: Chromium's sampling profiler (CDP Profiler
 * domain) over drawing the article, opening a claim, typing in the note field and a colleague's note
 * arriving live; prints each phase's functions by self time. Not a test: a tool for looking.
 *
 *   npm run build   # or, to keep function names: npx vite build --config apps/web/vite.config.ts --minify false
 *   npx ts-node --transpile-only test/browser/profile-reading-view.ts [claims=5000] [bytes: 5000000 for the big text instead] [--trace]
 *
 * --trace: the browser's timeline instead (style, layout, paint… by event name; nested events count in each).
 */
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium, signedInPage } from './support/browser';
import { bigText, manyClaimsText, seedArticle } from './support/big-articles';
import { DeskServer } from './support/desk-server';
import { drawnClaimIds, liveNoteTiming, timeToDrawnArticle, timeToOpenClaim, typingLatencies } from './support/reading-timings';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Self time per function (ms), the biggest first. */
function selfTimes(profile: Profile, top: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + profile.timeDeltas[i] / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [`  total ${total.toFixed(0)} ms`, ...[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`)];
}

interface TraceEvent { name: string; ph: string; dur?: number; tid: number; pid: number }

/** The browser's own work by kind (style, layout, paint…) from a timeline trace: milliseconds per event name. */
function timelineTimes(trace: Buffer, top: number): string[] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const byName = new Map<string, number>();
  for (const e of events) byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur! / 1000);
  return [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`);
}

const TRACE = process.argv.includes('--trace');

async function profiled<T>(cdp: CDPSession, phase: string, work: () => Promise<T>): Promise<T> {
  if (TRACE) {
    const browser = cdpPage.context().browser()!;
    await browser.startTracing(cdpPage, { categories: ['devtools.timeline', 'blink'] });
    const result = await work();
    const trace = await browser.stopTracing();
    process.stdout.write(`${phase} → ${JSON.stringify(result)} (timeline)\n${timelineTimes(trace, 16).join('\n')}\n\n`);
    return result;
  }
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  process.stdout.write(`${phase} → ${JSON.stringify(result)}\n${selfTimes(profile, 18).join('\n')}\n\n`);
  return result;
}

let cdpPage: Page;

async function main(): Promise<void> {
  const [claimsArg, bytesArg] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const claims = Number(claimsArg ?? 5000);
  const bytes = bytesArg ? Number(bytesArg) : null;
  const desk = await DeskServer.start();
  const browser = await launchChromium();
  try {
    const rita = await desk.createUser('reviewer', 'Rita Reviewer');
    const carl = await desk.createUser('reviewer', 'Carl Colleague');
    const articleId = await seedArticle(desk, rita, carl, 'Profiled', bytes ? bigText(bytes, claims) : manyClaimsText(claims), claims);
    const page: Page = await signedInPage(browser, `${desk.baseUrl}/`, rita);
    cdpPage = page;
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    const url = `${desk.baseUrl}/articles/${articleId}`;
    await timeToDrawnArticle(page, url, claims); // warm: the scripts are cached
    await profiled(cdp, 'draw', () => timeToDrawnArticle(page, url, claims));
    const ids = await drawnClaimIds(page);
    await profiled(cdp, 'open a claim', () => timeToOpenClaim(page, ids[Math.floor(claims / 2)]));
    await profiled(cdp, 'open another', () => timeToOpenClaim(page, ids[claims - 10]));
    await profiled(cdp, 'type 6 characters', () => typingLatencies(page, 'claims'));
    await profiled(cdp, 'a colleague’s note', () => liveNoteTiming(page, ids[claims - 10], carl.token, 'Seen elsewhere'));
  } finally {
    await browser.close();
    await desk.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
