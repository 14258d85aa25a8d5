import { ARTICLE_FORMATS, titleFromText, TITLE_MAX_LENGTH, toCanonicalText } from './ingest';
import { codePointLength } from './code-points';

/**
 * test/fixtures/interpol-2018.md byte for byte (LF line ends, two leading empty lines, three blank
 * lines inside the broken sentence, no final newline), kept here so that the spec is self-contained.
 */
const INTERPOL_2018_MD = [
  '',
  '',
  'Russian Loses Interpol Presidency After US Pushes Opposing Vote',
  '',
  '21/11/2018',
  '',
  '',
  '',
  'The election had been hotly contested, with anti-Russian sentiment projected by the United States and Europe.',
  '',
  "Russian interior ministry's Alexander Prokopchuk loses an election, held in Dubai, for Interpol's new president. The favored candidate was best by South Korean Kim Jong-yang after heavyweight opposition.",
  '',
  '## **RELATED:** Facebook Sued For Censorship by Russian News Agency',
  '',
  `Last week, The Times had reported that Prokopchuk, who currently serves as one of Interpol's vice-presidents, was the "favorite" to lead the organization. However, the International Criminal Police Organisation (Interpol) 194 member states, in a shock decision, chose Kim following several terse exchanges which prompted Moscow to state that critics were running a "campaign aimed at discrediting" Prokopchuk.`,
  '',
  'The election had been hotly contested, garnering anti-Russian sentiment projected by the United States and Europe. Several U.S. senators openly urged voting nations to oppose the Russian candidate, while other countries threatened to disrupt Interpol membership structure if Prokopchuk was',
  '',
  '',
  '',
  'elected.',
  '',
  String.raw`<u>**@INTERPOL\_HQ</u>** The General Assembly is INTERPOL's supreme governing body. Here's how it works. <u>**#INTERPOLGA**</u></u>`,
  '',
  '@SenatorWicker.@SenatorShaheen, @marcorubio, @chriscoons, and I oppose Russian leadership of Interpol. Russia routinely abuses Interpol for the purpose of settling scores and harassing political opponents, dissidents, and journalists. Read our full statement here: Read our full statement here: wicker.senate.gov/public/index.cfm/2018/11',
  '',
  `Kremlin spokesperson Dmitry Peskov retorted to the constant pushback, stating that the U.S. senators' action was an "intervention in the voting process."`,
  '',
  "Additionally, during his stint as Interpol's Moscow bureau chief, Prokopchuk was accused, but not prosecuted or charged, of allegedly using international arrest warrants to target critics of the Kremlin.",
  '',
  `"Our world is now facing unprecedented changes which present huge challenges to public security and safety. To overcome them, we need a clear vision: we need to build a bridge to the future," Kim said.`,
].join('\n');

const INTERPOL_2018_PARAGRAPHS = [
  'Russian Loses Interpol Presidency After US Pushes Opposing Vote',
  '21/11/2018',
  'The election had been hotly contested, with anti-Russian sentiment projected by the United States and Europe.',
  "Russian interior ministry's Alexander Prokopchuk loses an election, held in Dubai, for Interpol's new president. The favored candidate was best by South Korean Kim Jong-yang after heavyweight opposition.",
  'RELATED: Facebook Sued For Censorship by Russian News Agency',
  `Last week, The Times had reported that Prokopchuk, who currently serves as one of Interpol's vice-presidents, was the "favorite" to lead the organization. However, the International Criminal Police Organisation (Interpol) 194 member states, in a shock decision, chose Kim following several terse exchanges which prompted Moscow to state that critics were running a "campaign aimed at discrediting" Prokopchuk.`,
  'The election had been hotly contested, garnering anti-Russian sentiment projected by the United States and Europe. Several U.S. senators openly urged voting nations to oppose the Russian candidate, while other countries threatened to disrupt Interpol membership structure if Prokopchuk was elected.',
  "@INTERPOL_HQ The General Assembly is INTERPOL's supreme governing body. Here's how it works. #INTERPOLGA",
  '@SenatorWicker.@SenatorShaheen, @marcorubio, @chriscoons, and I oppose Russian leadership of Interpol. Russia routinely abuses Interpol for the purpose of settling scores and harassing political opponents, dissidents, and journalists. Read our full statement here: Read our full statement here: wicker.senate.gov/public/index.cfm/2018/11',
  `Kremlin spokesperson Dmitry Peskov retorted to the constant pushback, stating that the U.S. senators' action was an "intervention in the voting process."`,
  "Additionally, during his stint as Interpol's Moscow bureau chief, Prokopchuk was accused, but not prosecuted or charged, of allegedly using international arrest warrants to target critics of the Kremlin.",
  `"Our world is now facing unprecedented changes which present huge challenges to public security and safety. To overcome them, we need a clear vision: we need to build a bridge to the future," Kim said.`,
];

describe('the example article (interpol-2018.md)', () => {
  const text = toCanonicalText('markdown', INTERPOL_2018_MD);

  it('ingests as Markdown into exactly the expected paragraphs', () => {
    expect(text.split('\n\n')).toEqual(INTERPOL_2018_PARAGRAPHS);
    expect(text).toBe(INTERPOL_2018_PARAGRAPHS.join('\n\n'));
  });

  it('leaves no markup behind', () => {
    for (const markup of ['<u>', '</u>', '**', '\\_', '##']) expect(text).not.toContain(markup);
  });

  it('keeps the passages reviewers mark as claims intact', () => {
    expect(text).toContain('was the "favorite" to lead the organization');
    expect(text).toContain('was accused, but not prosecuted or charged,');
    expect(text).toContain('if Prokopchuk was elected.');
    expect(text).toContain('@INTERPOL_HQ');
  });

  it('takes its title from the first line', () => {
    expect(titleFromText(text)).toBe('Russian Loses Interpol Presidency After US Pushes Opposing Vote');
  });

  it('as plain text keeps the markup and the broken sentence as they are', () => {
    const plain = toCanonicalText('text', INTERPOL_2018_MD);
    expect(plain).toContain('## **RELATED:** Facebook');
    expect(plain).toContain('if Prokopchuk was\n\nelected.');
    expect(plain.startsWith('Russian Loses')).toBe(true);
  });
});

describe(toCanonicalText.name, () => {
  const content = 'A **bold** &amp; <b>tagged</b>  claim\r\n';

  it('canonicalizes plain text without reading markup', () => {
    expect(toCanonicalText('text', content)).toBe('A **bold** &amp; <b>tagged</b>  claim');
  });

  it('reads Markdown', () => {
    expect(toCanonicalText('markdown', content)).toBe('A bold & tagged claim');
  });

  it('reads HTML', () => {
    expect(toCanonicalText('html', content)).toBe('A **bold** & tagged claim');
  });

  it('rejects an unknown format', () => {
    expect(() => toCanonicalText('pdf' as never, content)).toThrow(RangeError);
  });
});

describe('ARTICLE_FORMATS', () => {
  it('lists every format toCanonicalText accepts', () => {
    expect([...ARTICLE_FORMATS]).toEqual(['text', 'markdown', 'html']);
    for (const format of ARTICLE_FORMATS) expect(toCanonicalText(format, 'x')).toBe('x');
  });
});

describe(titleFromText.name, () => {
  it('takes the first non-empty line, trimmed', () => {
    expect(titleFromText('\n  \n  Headline here \nsecond line')).toBe('Headline here');
  });

  it('gives the empty string for empty text', () => {
    expect(titleFromText('')).toBe('');
    expect(titleFromText('\n \n')).toBe('');
  });

  it(`keeps a line of exactly ${TITLE_MAX_LENGTH} characters`, () => {
    const line = 'a'.repeat(TITLE_MAX_LENGTH);
    expect(titleFromText(line)).toBe(line);
  });

  it('cuts a longer line at a word boundary and ends it with an ellipsis', () => {
    const line = 'word '.repeat(100).trim(); // 499 characters
    const title = titleFromText(line);
    expect(title.endsWith('word…')).toBe(true);
    expect(codePointLength(title)).toBeLessThanOrEqual(TITLE_MAX_LENGTH);
    expect(codePointLength(title)).toBeGreaterThan(TITLE_MAX_LENGTH - 6);
  });

  it('does not leave a space before the ellipsis when the cut falls on a space', () => {
    const line = `${'x'.repeat(298)} ${'y'.repeat(10)}`;
    expect(titleFromText(line)).toBe(`${'x'.repeat(298)}…`);
  });

  it('cuts a single giant word where it must', () => {
    const title = titleFromText('z'.repeat(1000));
    expect(title).toBe(`${'z'.repeat(TITLE_MAX_LENGTH - 1)}…`);
  });

  it('counts characters as code points, so an emoji is never split', () => {
    const emoji = '😀'.repeat(TITLE_MAX_LENGTH); // 600 UTF-16 units, 300 code points
    expect(titleFromText(emoji)).toBe(emoji);
    const longer = `${'😀'.repeat(TITLE_MAX_LENGTH)} more`;
    const title = titleFromText(longer);
    expect(title).toBe(`${'😀'.repeat(TITLE_MAX_LENGTH - 1)}…`);
    expect(codePointLength(title)).toBe(TITLE_MAX_LENGTH);
  });
});
