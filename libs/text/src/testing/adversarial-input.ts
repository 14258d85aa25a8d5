/**
 * Hostile user text for the "Bad input" rule (API.md, Hardening): work on user text must be linear
 * in its size. Each generator makes a text of about `size` characters that is a known worst case for
 * a backtracking regex or a nested scan (runs of one character, deep nesting, unclosed openers).
 */
export type AdversarialInput = (size: number) => string;

const repeatTo = (unit: string, size: number): string => unit.repeat(Math.max(1, Math.ceil(size / unit.length)));

export const ADVERSARIAL_INPUTS: Readonly<Record<string, AdversarialInput>> = {
  'one character': (size) => 'a'.repeat(size),
  'run of dots': (size) => `Claim${'.'.repeat(size)}x`,
  'run of mixed sentence ends': (size) => `Claim${repeatTo('.!?…', size)}x`,
  'run of spaces': (size) => `a${' '.repeat(size)}b`,
  'run of slashes': (size) => `https://example.org${'/'.repeat(size)}x`,
  'blank lines': (size) => `a${'\n'.repeat(size)}b`,
  'blank lines with spaces': (size) => `a${repeatTo('\n \t', size)}b`,
  'nested emphasis': (size) => repeatTo('*a **b ', size),
  'unclosed emphasis': (size) => repeatTo('*_', size),
  'nested lists': (size) => Array.from({ length: Math.ceil(size / 40) }, (_, i) => `${' '.repeat((i % 40) * 2)}- item`).join('\n'),
  'deep list': (size) => repeatTo('- ', size),
  'nested blockquotes': (size) => repeatTo('> ', size),
  'blockquote lines': (size) => repeatTo('>>>>>>>>>> a\n', size),
  'open brackets': (size) => repeatTo('[', size),
  'open links': (size) => repeatTo('[a](', size),
  'unclosed link labels': (size) => repeatTo('[a]', size),
  'link destinations': (size) => repeatTo('](', size),
  'backticks': (size) => repeatTo('`', size),
  'backtick runs': (size) => Array.from({ length: Math.ceil(Math.sqrt(size)) }, (_, i) => '`'.repeat(i + 1)).join(' ').slice(0, size),
  'angle brackets': (size) => repeatTo('<', size),
  'unclosed tags': (size) => repeatTo('<a ', size),
  'nested tags': (size) => repeatTo('<div><b>', size),
  'nested tables': (size) => repeatTo('<table><tr><td>', size),
  'misplaced table content': (size) => repeatTo('<table><b>x', size),
  'nested blank blocks': (size) => repeatTo('<div>\n', size),
  'implied paragraph ends': (size) => repeatTo('<p><div>x', size),
  'unclosed comments': (size) => `<!--${repeatTo('-', size)}`,
  'ampersands': (size) => repeatTo('&', size),
  'entity-like': (size) => repeatTo('&#x', size),
  'reference definitions': (size) => repeatTo('[a]: <', size),
  'table pipes': (size) => `| a |\n|${repeatTo('-|', size)}\n${repeatTo('|', size)}`,
  'table rows': (size) => `| a | b |\n|---|---|\n${repeatTo('| x | y |\n', size)}`,
  'heading hashes': (size) => repeatTo('# ', size),
  'setext underlines': (size) => repeatTo('a\n=\n', size),
  'fences': (size) => repeatTo('```\n', size),
  'html blocks': (size) => repeatTo('<div>\n', size),
  'escapes': (size) => repeatTo('\\', size),
  'autolinks': (size) => repeatTo('<http://', size),
  'digits and dots': (size) => repeatTo('1.', size),
};

/** Each generator's name and text at `size`, for table-driven tests. */
export function adversarialCases(size: number): Array<[string, string]> {
  return Object.entries(ADVERSARIAL_INPUTS).map(([name, make]) => [name, make(size)]);
}
