import { TextIndex } from './code-points';
import { computeEditMap, computeEmbeddedEditMap, EditMap, insertedWithin, insertionAround, isTouched, mapPosition, mapSpan } from './edit-map';

/** Code point offset of the nth occurrence of `phrase` in `text`. */
function at(text: string, phrase: string, nth = 0): number {
  let found = -1;
  for (let i = 0; i <= nth; i++) found = text.indexOf(phrase, found + 1);
  if (found < 0) throw new Error(`"${phrase}" #${nth} not in text`);
  return new TextIndex(text).toCodePoint(found);
}

function diff(oldText: string, newText: string, timeoutSeconds?: number): { map: EditMap; newIndex: TextIndex } {
  const newIndex = new TextIndex(newText);
  return { map: computeEditMap(new TextIndex(oldText), newIndex, timeoutSeconds), newIndex };
}

const OLD = 'Прокопчук was the “favorite” to lead Interpol. Kim Jong-yang won the vote 😀.';

describe('computeEditMap', () => {
  it('has no hunks for equal texts', () => {
    expect(diff(OLD, OLD).map.hunks).toEqual([]);
  });

  it('reports hunks in code points', () => {
    const newText = OLD.replace('😀.', '😀 🎉.');
    const { map } = diff(OLD, newText);
    const where = at(OLD, '😀') + 1; // after the emoji: one code point, two UTF-16 units
    expect(map.hunks).toEqual([{ oldStart: where, oldEnd: where, newStart: where, newEnd: where + 2 }]);
  });

  it('never splits an emoji, even where the UTF-16 diff splits a surrogate pair', () => {
    // 😀 and 😁 share their high surrogate: diff-match-patch sees one changed code unit.
    const { map } = diff('a 😀 b', 'a 😁 b');
    expect(map.hunks).toEqual([{ oldStart: 2, oldEnd: 3, newStart: 2, newEnd: 3 }]);
  });

  it('keeps a moved paragraph a delete plus an insert', () => {
    const oldText = 'First paragraph here.\n\nSecond paragraph here.\n\nThird paragraph here.';
    const newText = 'Second paragraph here.\n\nThird paragraph here.\n\nFirst paragraph here.';
    const { map, newIndex } = diff(oldText, newText);
    const moved = at(newText, 'First');
    expect(insertedWithin(map, moved, moved + 5)).toBe(5);
    expect(mapSpan(map, newIndex, 0, 5)).toMatchObject({ touched: true, start: 0, end: 0, preserved: 0 });
  });

  it('flags a diff that ran out of time as coarse and still covers every change', () => {
    const oldText = `${'Alpha beta gamma. '.repeat(50)}Kim won.`;
    const newText = `${'Alpha beta gamma. '.repeat(20)}Inserted here. ${'Alpha beta gamma. '.repeat(30)}Kim lost.`;
    const { map } = diff(oldText, newText, 1e-9);
    expect(map.coarse).toBe(true);
    const oldLength = new TextIndex(oldText).length;
    const newLength = new TextIndex(newText).length;
    const last = map.hunks[map.hunks.length - 1];
    expect(oldLength - last.oldEnd).toBe(newLength - last.newEnd);
  });
});

describe('mapSpan', () => {
  const span = { start: at(OLD, 'Kim'), end: at(OLD, 'Kim') + 'Kim Jong-yang'.length };

  it('shifts an untouched span past text inserted before it', () => {
    const newText = OLD.replace('Прокопчук', 'Александр Прокопчук');
    const { map, newIndex } = diff(OLD, newText);
    expect(mapSpan(map, newIndex, span.start, span.end)).toMatchObject({ touched: false, start: span.start + 10, end: span.end + 10 });
  });

  it('treats text inserted right at the start as before the span', () => {
    const newText = OLD.replace('Kim Jong-yang', 'South Korean Kim Jong-yang');
    const { map, newIndex } = diff(OLD, newText);
    expect(mapSpan(map, newIndex, span.start, span.end)).toMatchObject({ touched: false, start: span.start + 13 });
  });

  it('treats text inserted right at the end as after the span', () => {
    const newText = OLD.replace('Kim Jong-yang', 'Kim Jong-yang, a South Korean,');
    const { map, newIndex } = diff(OLD, newText);
    expect(mapSpan(map, newIndex, span.start, span.end)).toMatchObject({ touched: false, start: span.start, end: span.end });
  });

  it('marks an edit inside the span and counts what survived', () => {
    const newText = OLD.replace('Kim Jong-yang', 'Kim Jong Yang');
    const { map, newIndex } = diff(OLD, newText);
    const sut = mapSpan(map, newIndex, span.start, span.end);
    expect(sut).toMatchObject({ touched: true, start: span.start, end: span.end });
    expect(sut.preserved).toBeGreaterThanOrEqual(11);
  });

  it('maps a span deleted outright to an empty place', () => {
    const newText = OLD.replace(' Kim Jong-yang won the vote 😀.', '');
    const { map, newIndex } = diff(OLD, newText);
    const sut = mapSpan(map, newIndex, span.start, span.end);
    expect(sut.end - sut.start).toBe(0);
    expect(sut.preserved).toBe(0);
  });

  it('starts a span whose first words were rewritten at a word boundary of the rewrite', () => {
    const oldText = 'He was the favorite to lead Interpol.';
    const newText = 'He was widely seen as a contender to lead Interpol.';
    const { map, newIndex } = diff(oldText, newText);
    const sut = mapSpan(map, newIndex, at(oldText, 'favorite'), at(oldText, ' Interpol'));
    // "the favorite" became "widely seen as a contender": "favorite" is the last 8 of its 12 code
    // points, so the span starts that far into the rewrite, moved back to the start of a word.
    expect(newIndex.slice(sut.start, sut.end)).toBe('seen as a contender to lead');
  });
});

describe('mapPosition and insertionAround', () => {
  it('maps a position inside deleted text to the start of its replacement', () => {
    const oldText = 'one two three four';
    const newText = 'one 2 four';
    const { map } = diff(oldText, newText);
    expect(mapPosition(map, at(oldText, 'three'))).toBe(4);
    expect(mapPosition(map, at(oldText, 'four'))).toBe(at(newText, 'four'));
  });

  it('finds the inserted block around a new phrase, and none around unchanged text', () => {
    const oldText = 'Kim said yes. Moscow said no.';
    const newText = 'Kim said yes. Analysts said maybe. Moscow said no.';
    const { map } = diff(oldText, newText);
    const analysts = at(newText, 'Analysts');
    expect(insertionAround(map, analysts, analysts + 8)).toEqual({ start: 14, end: 35 });
    expect(insertionAround(map, 0, 3)).toBeNull();
  });
});

describe('computeEditMap on dense corrections', () => {
  it('keeps an unchanged paragraph between two edited ones unchanged', () => {
    const middle = 'Kremlin spokesperson Dmitry Peskov retorted to the constant pushback.';
    const oldText = `Prokopchuk lost the vote in Dubai.\n\n${middle}\n\nKim said he would serve the agency.`;
    const newText = `Prokopchuk narrowly lost the vote in Dubai.\n\n${middle}\n\nKim said he would serve Interpol.`;
    const { map, newIndex } = diff(oldText, newText);
    const [s, e] = [at(oldText, middle), at(oldText, middle) + middle.length];
    expect(mapSpan(map, newIndex, s, e)).toMatchObject({ touched: false, start: at(newText, middle) });
  });

  it('folds coincidental short equalities between large changes into them', () => {
    // The sentence was replaced; only ". 3.5 " and "10" happen to recur in the replacement.
    const oldText = 'Intro stays. Lead Interpol Прокопчук 194 3.5 café 110. 3.5 café Zoë was 111. Outro stays.';
    const newText = 'Intro stays. Agency said Прокопчук vote x̄ was 3.5 Interpol Zoë 👍🏽 101. 3.5 😀 x̄ the 102. Outro stays.';
    const { map } = diff(oldText, newText);
    const claim = at(oldText, '3.5 café Zoë');
    expect(isTouched(map, claim, claim + 1)).toBe(true);
  });
});

describe('computeEmbeddedEditMap', () => {
  const passage = 'Kim Jong-yang won the vote. He said the agency would modernise. Moscow objected.';

  it('finds a passage inside a larger stretch and leaves the extra text as insertions', () => {
    const around = `Unrelated text before it, rather long. ${passage} And unrelated text after it, also long.`;
    const sut = computeEmbeddedEditMap(new TextIndex(passage), new TextIndex(around), 0.05);
    const shared = new TextIndex(passage).length - sut.hunks.reduce((n, h) => n + h.oldEnd - h.oldStart, 0);
    expect(shared).toBe(new TextIndex(passage).length);
  });

  it('maps a span past an edit inside the passage to its place in the larger stretch', () => {
    const around = `Before. ${passage.replace('would modernise', 'would be modernised quickly')} After.`;
    const aroundIndex = new TextIndex(around);
    const sut = computeEmbeddedEditMap(new TextIndex(passage), aroundIndex, 0.05);
    const span = at(passage, 'Moscow objected');
    expect(mapSpan(sut, aroundIndex, span, span + 15)).toMatchObject({ touched: false, start: at(around, 'Moscow objected') });
  });

  it('shares nothing with text that only has fragments of the passage', () => {
    const around = 'The vote was held. Kim said nothing. The agency would wait and Moscow said the vote was fair.';
    const sut = computeEmbeddedEditMap(new TextIndex(passage), new TextIndex(around), 0.05);
    expect(sut.hunks).toEqual([{ oldStart: 0, oldEnd: new TextIndex(passage).length, newStart: 0, newEnd: new TextIndex(around).length }]);
  });
});
