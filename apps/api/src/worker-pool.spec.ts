import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalTextTask } from '@claimdesk/articles/canonical-text.task';
import { carrySpanTask } from '@claimdesk/claims/carry-span.task';
import { reanchorTask } from '@claimdesk/claims/reanchor.task';
import { HEAVY_WORK_INLINE_SIZE, InlineWork } from '@claimdesk/core';
import { anchorImportTask } from '@claimdesk/reports/exchange/anchor-import.task';
import { ADVERSARIAL_INPUTS } from '@claimdesk/text/testing/adversarial-input';
import { heavyWorkerFile, WorkerPool } from './worker-pool';

/** How often a 5 ms timer fired on this thread while `work` was pending. */
async function timerTicksDuring<T>(work: () => Promise<T>): Promise<{ ticks: number; result: T }> {
  let ticks = 0;
  const timer = setInterval(() => ticks++, 5);
  try {
    const result = await work();
    return { ticks, result };
  } finally {
    clearInterval(timer);
  }
}

describe(WorkerPool.name, () => {
  const pool = new WorkerPool();
  afterAll(() => pool.onModuleDestroy());

  // Large enough for a worker, slow enough (about a second of markdown-it) to be seen running beside the event loop.
  const content = ADVERSARIAL_INPUTS['nested emphasis'](600_000);

  it('runs a large task in a worker thread: the event loop keeps turning, the result is the inline one', async () => {
    const inline = await new InlineWork().run(canonicalTextTask, { format: 'markdown', content });
    const { ticks, result } = await timerTicksDuring(() => pool.run(canonicalTextTask, { format: 'markdown', content }));
    expect(result).toEqual(inline);
    expect(ticks).toBeGreaterThan(3);
  }, 120_000);

  it('runs a small task inline (no worker for hot paths): the event loop waits for it', async () => {
    const small = { previousText: 'The minister said so.', newText: 'Yesterday the minister said so.', anchors: [{ start: 4, end: 12, exact: 'minister', prefix: 'The ', suffix: ' said' }] };
    expect(reanchorTask.size(small)).toBeLessThan(HEAVY_WORK_INLINE_SIZE);
    expect(await pool.run(reanchorTask, small)).toEqual([
      { status: 'moved', start: 14, end: 22, startUtf16: 14, endUtf16: 22, quote: { exact: 'minister', prefix: 'Yesterday the ', suffix: ' said so.' } },
    ]);
  });

  it('carries a span of an earlier revision in a worker when the texts are large', async () => {
    const earlierText = `${'Filler sentence here. '.repeat(HEAVY_WORK_INLINE_SIZE / 16)}The minister said so.`;
    const input = { earlierText, laterText: `A new lead. ${earlierText}`, start: earlierText.length - 17, end: earlierText.length - 9 };
    expect(carrySpanTask.size(input)).toBeGreaterThan(HEAVY_WORK_INLINE_SIZE);
    expect(await pool.run(carrySpanTask, input)).toEqual({ start: input.start + 12, end: input.end + 12 });
  }, 120_000);

  it('places a large import’s annotations in a worker, as they would be placed inline', async () => {
    const text = `${'Filler sentence here. '.repeat(HEAVY_WORK_INLINE_SIZE / 64)}The minister said so.`;
    const anchors = Array.from({ length: 40 }, () => ({ start: null, end: null, exact: 'minister said', prefix: 'The ', suffix: ' so' }));
    const input = { text, anchors };
    expect(anchorImportTask.size(input)).toBeGreaterThan(HEAVY_WORK_INLINE_SIZE);
    const placed = await pool.run(anchorImportTask, input);
    expect(placed).toEqual(await new InlineWork().run(anchorImportTask, input));
    expect(placed[0]).toMatchObject({ status: 'moved', start: text.length - 17, end: text.length - 4 });
  }, 120_000);

  it('passes a worker’s error on to the caller', async () => {
    await expect(pool.run({ name: 'no such task', run: () => 0, size: () => Number.POSITIVE_INFINITY }, null)).rejects.toThrow(/unknown heavy task: no such task/);
  }, 120_000);

  it('stops its threads when the app closes, and starts again on demand', async () => {
    await pool.onModuleDestroy();
    expect((await pool.run(canonicalTextTask, { format: 'text', content: `${'word '.repeat(HEAVY_WORK_INLINE_SIZE)}` })).text).toMatch(/^word word/);
  }, 120_000);
});

describe(heavyWorkerFile.name, () => {
  it('is the built worker beside main.js in dist, else the TypeScript bootstrap beside the sources', () => {
    expect(existsSync(heavyWorkerFile())).toBe(true);
    expect(heavyWorkerFile()).toBe(join(__dirname, 'heavy-work.worker.dev.js'));
    const dist = mkdtempSync(join(tmpdir(), 'claimdesk-dist-'));
    try {
      writeFileSync(join(dist, 'heavy-work.worker.js'), '');
      expect(heavyWorkerFile(dist)).toBe(join(dist, 'heavy-work.worker.js'));
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
