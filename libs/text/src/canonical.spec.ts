import { blocksToCanonicalText, canonicalize, continuesBrokenSentence, TextBlock } from './canonical';

const NBSP = '\u00A0';
const paragraph = (text: string): TextBlock => ({ kind: 'paragraph', text });

describe(canonicalize.name, () => {
  it('turns CRLF and lone CR line ends into LF', () => {
    expect(canonicalize('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree');
  });

  it('composes to NFC (e + combining acute → é)', () => {
    const result = canonicalize('caf\u0065\u0301');
    expect(result).toBe('caf\u00E9');
    expect(result).toHaveLength(4);
  });

  it('keeps a combining mark that has no precomposed form', () => {
    // q + dot above has no precomposed form; shin + shin dot (U+FB2A) is excluded from composition.
    expect(canonicalize('q\u0307 \u05E9\u05C1')).toBe('q\u0307 \u05E9\u05C1');
  });

  it('trims trailing spaces and tabs but keeps indentation', () => {
    expect(canonicalize('  indented  \t\nnext\t')).toBe('  indented\nnext');
  });

  it('keeps a no-break space inside a line', () => {
    expect(canonicalize(`10${NBSP}km and 5${NBSP}%`)).toBe(`10${NBSP}km and 5${NBSP}%`);
  });

  it('trims a no-break space at the end of a line (it is white space there)', () => {
    expect(canonicalize(`Total:${NBSP}\nnext${NBSP} `)).toBe('Total:\nnext');
  });

  it('treats a line holding only white space (spaces, tabs, no-break spaces) as blank', () => {
    expect(canonicalize(`one\n \t\n${NBSP}\n\u3000\ntwo`)).toBe('one\n\ntwo');
  });

  it('collapses a run of blank lines to one blank line', () => {
    expect(canonicalize('one\n\n\n\n\ntwo\n\n\nthree')).toBe('one\n\ntwo\n\nthree');
  });

  it('drops leading and trailing blank lines', () => {
    expect(canonicalize('\n\n  \nTitle\n\n\n')).toBe('Title');
  });

  it('keeps single line breaks inside a paragraph', () => {
    expect(canonicalize('first line\nsecond line\n\nnext paragraph')).toBe('first line\nsecond line\n\nnext paragraph');
  });

  it('keeps runs of spaces inside a line', () => {
    expect(canonicalize('a   b\tc')).toBe('a   b\tc');
  });

  it('keeps straight and curly quotation marks as they are', () => {
    const text = `was the "favorite" and the “favourite” and ‘it’s’ «ça»`;
    expect(canonicalize(text)).toBe(text);
  });

  it('keeps emoji, including sequences joined by ZWJ and skin tones', () => {
    const text = '😀 👩‍👩‍👧 👍🏽 🇷🇺';
    expect(canonicalize(text)).toBe(text);
  });

  it('keeps Cyrillic, Hebrew and Arabic text and bidi marks unchanged', () => {
    const text = 'Прокопчук проиграл\n\nשלום עולם\u200F\n\nمرحبا بالعالم';
    expect(canonicalize(text)).toBe(text);
  });

  it('leaves markup in plain text alone', () => {
    expect(canonicalize('**bold** <u>x</u> &amp;')).toBe('**bold** <u>x</u> &amp;');
  });

  it('does not join a sentence broken across blank lines', () => {
    expect(canonicalize('the senators said that Prokopchuk was\n\n\nelected.')).toBe(
      'the senators said that Prokopchuk was\n\nelected.',
    );
  });

  it('drops a leading byte order mark', () => {
    expect(canonicalize('\uFEFFTitle')).toBe('Title');
  });

  it('gives the empty string for empty or blank input', () => {
    expect(canonicalize('')).toBe('');
    expect(canonicalize(' \n\r\n\t ')).toBe('');
  });

  it('is idempotent', () => {
    const once = canonicalize(`\r\n  A  \r\n\r\n\r\nb\u0301${NBSP}\n\n\nc `);
    expect(canonicalize(once)).toBe(once);
  });
});

describe(continuesBrokenSentence.name, () => {
  const before = paragraph('threatened to disrupt Interpol membership structure if Prokopchuk was');

  it('joins a paragraph ending in a lower-case word to one starting in lower case', () => {
    expect(continuesBrokenSentence(before, paragraph('elected.'))).toBe(true);
  });

  it.each([
    ['a full stop', 'the candidate was elected.'],
    ['a question mark', 'was the candidate elected?'],
    ['an exclamation mark', 'the candidate was elected!'],
    ['a colon', 'the senators said this:'],
    ['a semicolon', 'the senators said this;'],
    ['a closing quotation mark', 'the senators called it "an intervention"'],
    ['a closing curly quotation mark', 'the senators called it “an intervention”'],
    ['a closing bracket', 'the senators said this (in a statement)'],
    ['a digit', 'the vote was held on 21/11/2018'],
    ['a capitalised word', 'Russian Loses Interpol Presidency After US Pushes Opposing Vote'],
    ['an abbreviation', 'the statement was signed by senators from the U.S.'],
    ['a hyphen', 'the election was a closely-'],
  ])('does not join after %s', (_, text) => {
    expect(continuesBrokenSentence(paragraph(text), paragraph('elected in Dubai.'))).toBe(false);
  });

  it('does not join a next paragraph starting in upper case', () => {
    expect(continuesBrokenSentence(before, paragraph('Elected or not, he stays.'))).toBe(false);
  });

  it('does not join a next paragraph starting with a digit or a quotation mark', () => {
    expect(continuesBrokenSentence(before, paragraph('2018 was the year.'))).toBe(false);
    expect(continuesBrokenSentence(before, paragraph('"elected," he said.'))).toBe(false);
  });

  it('does not join after a short line (a label, menu entry or title)', () => {
    expect(continuesBrokenSentence(paragraph('read more about'), paragraph('elected officials'))).toBe(false);
  });

  it.each(['heading', 'list-item', 'quote', 'table-row', 'preformatted', 'other'] as const)(
    'does not join after a %s',
    (kind) => {
      expect(continuesBrokenSentence({ kind, text: before.text }, paragraph('elected.'))).toBe(false);
    },
  );

  it('does not join a paragraph into a following heading or list item', () => {
    expect(continuesBrokenSentence(before, { kind: 'heading', text: 'elected' })).toBe(false);
    expect(continuesBrokenSentence(before, { kind: 'list-item', text: 'elected' })).toBe(false);
  });

  it('joins Cyrillic, which has case', () => {
    expect(continuesBrokenSentence(paragraph('сенаторы заявили что Прокопчук был'), paragraph('избран.'))).toBe(true);
  });

  it('never joins scripts without case (Hebrew, Arabic)', () => {
    expect(continuesBrokenSentence(paragraph('הסנאטורים אמרו כי הוא'), paragraph('נבחר.'))).toBe(false);
    expect(continuesBrokenSentence(paragraph('قال أعضاء مجلس الشيوخ إنه'), paragraph('انتخب.'))).toBe(false);
  });
});

describe(blocksToCanonicalText.name, () => {
  it('separates blocks by one blank line and canonicalizes them', () => {
    expect(blocksToCanonicalText([paragraph('Title  '), { kind: 'heading', text: 'Section' }, paragraph('e\u0301')])).toBe(
      'Title\n\nSection\n\n\u00E9',
    );
  });

  it('joins a broken sentence with one space', () => {
    const blocks = [paragraph('Title'), paragraph('He said that Prokopchuk was '), paragraph(' elected.')];
    expect(blocksToCanonicalText(blocks)).toBe('Title\n\nHe said that Prokopchuk was elected.');
  });

  it('never joins onto the first block, where the title sits', () => {
    const blocks = [paragraph('Why the senators opposed the candidate was'), paragraph('explained later.')];
    expect(blocksToCanonicalText(blocks)).toBe('Why the senators opposed the candidate was\n\nexplained later.');
  });

  it('joins a sentence broken more than once', () => {
    const blocks = [paragraph('Title'), paragraph('He said that the man was'), paragraph('elected by the member states and'), paragraph('confirmed.')];
    expect(blocksToCanonicalText(blocks)).toBe('Title\n\nHe said that the man was elected by the member states and confirmed.');
  });

  it('gives the empty string for no blocks', () => {
    expect(blocksToCanonicalText([])).toBe('');
  });
});
