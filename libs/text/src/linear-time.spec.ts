import { canonicalize } from './canonical';
import { htmlToText } from './html';
import { titleFromText } from './ingest';
import { htmlArticle } from './main-content';
import { markdownToText } from './markdown';
import { itGrowsLinearlyOnEveryAdversarialInput } from './testing/linear-growth-spec';

/**
 * API.md, Hardening, "Bad input": ingest (Markdown/HTML/plain text → canonical text, the default
 * title) is linear in the size of the content, on every adversarial input, from n to 8n.
 */
const INGEST: Array<[string, (text: string) => unknown, number]> = [
  ['canonicalize', canonicalize, 16_000],
  ['titleFromText', titleFromText, 16_000],
  ['markdownToText', markdownToText, 2_000],
  ['htmlToText', htmlToText, 2_000],
  // A full page goes through the desk's DOM (page-dom.ts) and Readability first (main-content.ts).
  ['htmlArticle', (text: string) => htmlArticle(`<!DOCTYPE html><html><body>${text}</body></html>`), 2_000],
];

describe('ingest is linear in the size of the content', () => {
  itGrowsLinearlyOnEveryAdversarialInput(INGEST);
});
