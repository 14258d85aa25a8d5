import { performance } from 'node:perf_hooks';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';
import { codePointSlice } from '../support/fixtures';

const WORDS = ['minister', 'said', 'the', 'budget', 'would', 'grow', 'by', 'percent', 'next', 'year', 'according', 'to', 'officials', 'in', 'capital', 'report'];

/** About `size` characters of plain paragraphs, each starting with its number (so every claim quote is unique). */
function articleText(size: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let p = 0; length < size; p++) {
    const words = Array.from({ length: 60 }, (_, w) => WORDS[(p * 7 + w * w) % WORDS.length]);
    const paragraph = `Paragraph ${p} says ${words.join(' ')}.`;
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** The same text as Markdown that is costly to parse: every word emphasised (`*word*` reads as `word`). */
const emphasised = (text: string): string => text.replace(/[A-Za-z0-9]+/g, (word) => `*${word}*`);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * API.md Hardening, "Bad input": long work on user text runs off the event loop, so a heavy revision
 * (megabytes of Markdown to ingest, claims to re-anchor) does not block other requests meanwhile.
 */
describe('heavy work runs off the event loop (e2e)', () => {
  let desk: TestDesk;
  let reviewer: SignedInUser;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
  });
  afterAll(() => desk.close());

  async function healthLatency(): Promise<number> {
    const start = performance.now();
    await desk.http.get('/health').expect(200);
    return performance.now() - start;
  }

  it('answers /health quickly while a multi-megabyte revision is ingested and re-anchored (failed on main: /health waited for the whole revision)', async () => {
    const text = articleText(2_000_000);
    const article = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer)).send({ format: 'text', content: text }).expect(201)).body;
    const quotes = Array.from({ length: 20 }, (_, i) => `Paragraph ${i * 240} says`);
    const claims = [];
    for (const exact of quotes) {
      claims.push((await desk.http.post(`/api/v1/articles/${article.id}/claims`).set(...bearer(reviewer)).send({ selector: { type: 'TextQuoteSelector', exact } }).expect((r) => expect(r.body).toMatchObject({ quote: exact }))).body);
    }
    const baseline = Math.max(await healthLatency(), await healthLatency(), await healthLatency());

    const lead = 'Updated: the figures were corrected.';
    const content = `${lead}\n\n${emphasised(text)}`;
    expect(content.length).toBeLessThan(5 * 1024 * 1024);
    let done = false;
    const revisionStart = performance.now();
    const revision = desk.http.put(`/api/v1/articles/${article.id}/text`).set(...bearer(reviewer)).send({ format: 'markdown', content })
      .then((res) => ({ res, ms: performance.now() - revisionStart }))
      .finally(() => (done = true));
    const during: number[] = [];
    while (!done) {
      during.push(await healthLatency());
      await sleep(50);
    }
    const { res, ms } = await revision;

    expect(res.status).toBe(200);
    // /health was asked again and again while the revision ran, and never waited for it.
    expect(during.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...during)).toBeLessThan(Math.min(ms / 2, 1500 + 10 * baseline));

    // ...and the revision is right: the new text, every claim moved by the inserted lead.
    const newText = res.body.article.text as string;
    expect(newText).toBe(`${lead}\n\n${text}`);
    expect(res.body.reanchor).toMatchObject({ moved: 20, anchored: 0, fuzzy: 0, orphaned: 0 });
    for (const [i, claim] of claims.entries()) {
      const entry = res.body.reanchor.claims.find((c: { id: string }) => c.id === claim.id);
      expect(entry).toMatchObject({ status: 'moved', start: claim.start + lead.length + 2, end: claim.end + lead.length + 2 });
      expect(codePointSlice(newText, entry.start, entry.end)).toBe(quotes[i]);
    }
  }, 600_000);
});
