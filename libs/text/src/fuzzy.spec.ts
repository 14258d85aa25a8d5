import { TextIndex } from './code-points';
import {
  alignInWindow,
  commonPrefixRun,
  commonSuffixRun,
  contextFit,
  contextSimilarity,
  exactOccurrences,
  levenshtein,
  prefixDistance,
  searchApproximate,
  similarity,
  toCodePoints,
} from './fuzzy';

describe('context runs', () => {
  it('count shared code points at the start, an emoji as one', () => {
    expect(commonPrefixRun('😀 Прокопчук', '😀 Прокопчюк')).toBe(9); // 😀, space, П-р-о-к-о-п-ч
  });

  it('count shared code points at the end, compared backwards', () => {
    expect(commonSuffixRun('said the “favorite”', 'was the “favorite”')).toBe(15);
  });

  it('do not count an emoji whose low half differs', () => {
    expect(commonPrefixRun('😀a', '😁a')).toBe(0);
    expect(commonSuffixRun('a😀', 'a😁')).toBe(0);
  });

  it('do not count a shared low surrogate when the high halves differ', () => {
    // U+1F600 and U+1D600 share the low surrogate \ude00.
    expect(commonSuffixRun('x\ud83d\ude00', 'x\ud835\ude00')).toBe(0);
  });
});

describe('levenshtein and similarity', () => {
  it('counts an edit to an emoji or a Cyrillic letter as one', () => {
    expect(levenshtein(toCodePoints('Кім 😀'), toCodePoints('Ким 😁'))).toBe(2);
  });

  it('scores equal strings 1 and disjoint strings 0', () => {
    expect(similarity('שלום', 'שלום')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('', '')).toBe(1);
  });

  it('measures distance to the closest prefix, so text running on beyond the match costs nothing', () => {
    const oldSide = toCodePoints('organization. However,');
    expect(prefixDistance(oldSide, toCodePoints('organization. However, the 194 member states'))).toBe(0);
    expect(prefixDistance(oldSide, toCodePoints('organisation. However'))).toBe(2);
  });

  it('scores a one-letter typo in a ten-letter name 0.9', () => {
    expect(similarity('Prokopchuk', 'Prokopchyk')).toBeCloseTo(0.9);
  });
});

describe('exactOccurrences', () => {
  it('returns code point starts, overlapping ones included', () => {
    const index = new TextIndex('😀aaa😀aa');
    expect(exactOccurrences(index, 'aa')).toEqual([1, 2, 5]);
  });

  it('searches only inside the given range', () => {
    const index = new TextIndex('Kim, Kim and Kim');
    expect(exactOccurrences(index, 'Kim', 1, 13)).toEqual([5]);
  });
});

describe('contextFit', () => {
  it('measures agreement outwards from the span on both sides', () => {
    const index = new TextIndex('Moscow said “campaign aimed at discrediting” Prokopchuk.');
    const start = 12;
    const end = 44;
    const sut = contextFit(index, start, end, 'Kremlin said ', ' Prokopchuk and');
    expect(sut).toMatchObject({ prefixRun: 6, suffixRun: 11, run: 17, available: 28 });
  });

  it('gives full similarity at the text edges when the stored context was empty there too', () => {
    const index = new TextIndex('Kim said');
    expect(contextSimilarity(index, 0, 8, '', '')).toBe(1);
  });
});

describe('alignInWindow', () => {
  it('finds the closest substring to a pattern, with its edit count', () => {
    const text = 'Last week Prokopchuck was the favourite to lead.';
    const index = new TextIndex(text);
    const hit = alignInWindow(index, toCodePoints('Prokopchuk was the favorite'), 0, index.length, 0);
    expect(hit).not.toBeNull();
    expect(index.slice(hit?.start ?? 0, hit?.end ?? 0)).toBe('Prokopchuck was the favourite');
    expect(hit?.errors).toBe(2);
  });

  it('works in code points around emoji and RTL text', () => {
    const index = new TextIndex('😀😀 ראש הממשלה אמר 😀');
    const hit = alignInWindow(index, toCodePoints('ראש הממשלה אמר'), 0, index.length, 0);
    expect(hit).toEqual({ start: 3, end: 17, errors: 0 });
  });

  it('breaks ties by distance from the hint', () => {
    const index = new TextIndex('Kim said. Kim said. Kim said.');
    expect(alignInWindow(index, toCodePoints('Kim said'), 0, index.length, 12)?.start).toBe(10);
  });
});

describe('searchApproximate', () => {
  const filler = 'The committee met on Tuesday and adjourned without a vote. ';
  const text = `${filler.repeat(200)}Prokopchuk was acused, but not prosecuted or charged.${filler.repeat(200)}`;
  const index = new TextIndex(text);
  const pattern = toCodePoints('Prokopchuk was accused, but not prosecuted or charged');

  it('finds a close match in a long text through the pigeonhole filter', () => {
    const hits = searchApproximate(index, pattern, 5, 0, index.length, 0, { cells: 10_000, maxHitsPerPiece: 400, maxWindows: 48 });
    expect(hits).toHaveLength(1);
    expect(index.slice(hits[0].start, hits[0].end)).toBe('Prokopchuk was acused, but not prosecuted or charged');
    expect(hits[0].errors).toBe(1);
  });

  it('finds nothing beyond the allowed number of errors', () => {
    const far = toCodePoints('Kim was never accused of anything whatsoever by them');
    expect(searchApproximate(index, far, 5, 0, index.length, 0)).toEqual([]);
  });

  it('aligns a small range directly', () => {
    const from = text.indexOf('Prokopchuk') - 10;
    const hits = searchApproximate(index, pattern, 5, from, from + 80, from);
    expect(hits.map((h) => h.errors)).toEqual([1]);
  });
});
