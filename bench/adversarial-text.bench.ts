/**
 * Time vs size for every path where user text meets a parser or regex (API.md Hardening, "Bad input"):
 * each adversarial input at n and 4n; a ratio well above 4 means super-linear. Not a test.
 * Usage: ts-node -r tsconfig-paths/register --transpile-only bench/adversarial-text.bench.ts [n] [filter]
 */
import { canonicalize, htmlToText, markdownToText, TextIndex } from '@claimdesk/text';
import { ADVERSARIAL_INPUTS } from '../libs/text/src/testing/adversarial-input';
import { reviewerMarkdownToHtml, reviewerMarkdownToParagraphs } from '../libs/reports/src/render/reviewer-markdown';
import { escapeMarkdownBlock, escapeMarkdownInline } from '../libs/reports/src/render/markdown';
import { sentenceAround } from '../libs/reports/src/report-builder/sentence-context';
import { normalizeSourceUrl } from '../libs/sources/src/normalize-url';
import { trimSlash } from '../libs/reports/src/render/links';

const TARGETS: Record<string, (text: string) => unknown> = {
  canonicalize,
  markdownToText,
  htmlToText,
  reviewerMarkdownToHtml,
  reviewerMarkdownToParagraphs,
  escapeMarkdownInline,
  escapeMarkdownBlock,
  trimSlash,
  sentenceAround: (text) => {
    const index = new TextIndex(text);
    for (let i = 0; i < index.length; i += 97) sentenceAround(index, i, Math.min(index.length, i + 10));
  },
  normalizeSourceUrl: (text) => {
    try {
      normalizeSourceUrl(`https://example.org/${text}?${text}`);
    } catch {
      // invalid is fine
    }
  },
};

function time(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const n = Number(process.argv[2] ?? 20000);
const filter = process.argv[3] ?? '';
const threshold = Number(process.argv[4] ?? 300);
for (const [target, fn] of Object.entries(TARGETS)) {
  if (filter && !target.includes(filter)) continue;
  for (const [name, make] of Object.entries(ADVERSARIAL_INPUTS)) {
    const small = make(n);
    const big = make(4 * n);
    const t1 = time(() => fn(small));
    if (t1 > 4000) {
      console.log(`${target.padEnd(30)} ${name.padEnd(28)} ${t1.toFixed(1).padStart(8)} ms  (too slow, skipped 4n)`);
      continue;
    }
    const t4 = time(() => fn(big));
    const ratio = t4 / Math.max(t1, 0.5);
    if (ratio > 6 && t4 > threshold) console.log(`${target.padEnd(30)} ${name.padEnd(28)} ${t1.toFixed(1).padStart(8)} ms ${t4.toFixed(1).padStart(9)} ms  x${ratio.toFixed(1)}`);
  }
}
console.log('done');
