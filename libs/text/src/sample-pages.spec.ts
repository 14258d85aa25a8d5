import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { htmlToText } from './html';
import { htmlArticle } from './main-content';
import expectedHashes from './testing/sample-page-text-hashes.json';

/**
 * Every offset in ClaimDesk points into canonical text, so speeding up the conversion must not change
 * a single character of it. The hashes were taken from the conversion before it was optimised
 * (issue 14), on the tuning sample of real news pages in bench/data/readability-pages.
 */
const SAMPLE = join(__dirname, '..', '..', '..', 'bench', 'data', 'readability-pages');
const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

describe('canonical text of the sample news pages', () => {
  it.each(Object.entries(expectedHashes))('%s: whole page and main content are unchanged', (name, expected) => {
    const html = readFileSync(join(SAMPLE, name, 'source.html'), 'utf8');
    expect({ whole: sha(htmlToText(html)), article: sha(htmlArticle(html).text) }).toEqual(expected);
  });
});
