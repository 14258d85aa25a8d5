import { htmlToText } from './html';
import { htmlArticle } from './main-content';
import { markdownToText } from './markdown';
import { ADVERSARIAL_INPUTS } from './testing/adversarial-input';
import { growthOf } from './testing/linear-time';

/**
 * API.md, Hardening, "Bad input", at the size of a real page: markup built to nest, to misplace or
 * to leave blocks blank grows linearly from 32 KB to 256 KB. On main four of these were quadratic
 * and took seconds at 300 KB: htmlparser2's open-element stack (5,000 unclosed `<div>`: 1.9 s),
 * Readability asking every level of deep markup about its whole subtree, and parse5 searching a
 * table's parent from the start for each misplaced node (1 MB of `<table><tr><td>`: 12 s), and parse5
 * moving a fragment's nodes one by one from the front of an array (256 KB of `<table><b>x` in Markdown: 2 s).
 */
const HOSTILE_MARKUP = ['nested tags', 'nested tables', 'misplaced table content', 'nested blank blocks', 'implied paragraph ends', 'unclosed tags', 'html blocks'];

const IMPORTS: Array<[string, (html: string) => unknown]> = [
  ['htmlToText', htmlToText],
  // Markdown lets HTML through, parsed as a fragment.
  ['markdownToText', markdownToText],
  ['htmlArticle', (html) => htmlArticle(`<!DOCTYPE html><html><body>${html}</body></html>`)],
];

describe('a hostile page is imported in time linear in its size', () => {
  for (const [name, work] of IMPORTS) {
    it.each(HOSTILE_MARKUP)(`${name} on %s`, (input) => {
      const growth = growthOf(work, ADVERSARIAL_INPUTS[input] as (size: number) => string, 32_000);
      expect({ ...growth, input }).toEqual({ ...growth, input, linear: true });
    });
  }
});
