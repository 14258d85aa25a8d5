import { ADVERSARIAL_INPUTS } from '@claimdesk/text/testing/adversarial-input';
import { itGrowsLinearlyOnEveryAdversarialInput } from '@claimdesk/text/testing/linear-growth-spec';
import { growthOf } from '@claimdesk/text/testing/linear-time';
import { trimSlash } from './links';
import { escapeMarkdownBlock, escapeMarkdownInline } from './markdown';
import { reviewerMarkdownToHtml, reviewerMarkdownToParagraphs } from './reviewer-markdown';

/**
 * API.md, Hardening, "Bad input": work on user text is linear in its size. Every report renderer
 * that meets user text, on every adversarial input, from n to 8n.
 */
const RENDERERS: Array<[string, (text: string) => unknown, number]> = [
  ['escapeMarkdownInline', escapeMarkdownInline, 16_000],
  ['escapeMarkdownBlock', escapeMarkdownBlock, 16_000],
  ['trimSlash', trimSlash, 16_000],
  ['reviewerMarkdownToHtml', reviewerMarkdownToHtml, 2_000],
  ['reviewerMarkdownToParagraphs', reviewerMarkdownToParagraphs, 2_000],
];

describe('report rendering is linear in the size of user text', () => {
  itGrowsLinearlyOnEveryAdversarialInput(RENDERERS);

  it('escapes a run of spaces without a line break in linear time (failed on main: 19× per 4× size)', () => {
    expect(growthOf(escapeMarkdownInline, ADVERSARIAL_INPUTS['run of spaces'], 16_000).linear).toBe(true);
    expect(escapeMarkdownInline(`a${' '.repeat(5)}b \n\t c\r\nd`)).toBe('a     b c d');
  });

  it('trims trailing slashes in linear time (failed on main: /\\/+$/ backtracks on a run of slashes)', () => {
    expect(growthOf(trimSlash, ADVERSARIAL_INPUTS['run of slashes'], 16_000).linear).toBe(true);
    expect(trimSlash('https://desk.example///')).toBe('https://desk.example');
    expect(trimSlash('https://desk.example//a')).toBe('https://desk.example//a');
  });
});
