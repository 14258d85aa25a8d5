/// <reference types="node" />
// (the linear-time helper measures CPU time with process.cpuUsage)
import { growthOf } from '../../../../libs/text/src/testing/linear-time';
import { assignLanes, HighlightSpan, innermostClaim, layoutArticle, paragraphRanges } from './highlights';

describe(paragraphRanges.name, () => {
  it('splits at blank lines and keeps single line breaks inside a paragraph', () => {
    const text = 'One\nline two\n\nThree';
    expect(paragraphRanges(text).map((r) => text.slice(r.start, r.end))).toEqual(['One\nline two', 'Three']);
  });
});

describe(assignLanes.name, () => {
  it('puts overlapping claims on different lanes and reuses a lane once free', () => {
    const lanes = assignLanes([
      { id: 'outer', start: 0, end: 20 },
      { id: 'nested', start: 5, end: 10 },
      { id: 'later', start: 25, end: 30 },
    ]);
    expect(lanes.get('outer')).toBe(0);
    expect(lanes.get('nested')).toBe(1);
    expect(lanes.get('later')).toBe(0);
  });
});

describe(layoutArticle.name, () => {
  const text = 'Prokopchuk was the "favorite" to lead.\n\nKim won.';
  const spans = [
    { id: 'a', start: 11, end: 29 }, // was the "favorite"
    { id: 'b', start: 19, end: 37 }, // "favorite" to lead
  ];

  it('cuts runs where overlapping claims begin and end, each run knowing its claims', () => {
    const [first, second] = layoutArticle(text, spans);
    expect(first.runs.map((r) => [text.slice(r.start, r.end), r.claimIds])).toEqual([
      ['Prokopchuk ', []],
      ['was the ', ['a']],
      ['"favorite"', ['a', 'b']],
      [' to lead', ['b']],
      ['.', []],
    ]);
    expect(second.runs).toEqual([{ start: 40, end: 48, claimIds: [] }]);
  });

  it('picks the innermost claim of a run for a click', () => {
    const nested = [{ id: 'outer', start: 0, end: 37 }, { id: 'inner', start: 19, end: 29 }];
    const run = layoutArticle(text, nested)[0].runs.find((r) => r.claimIds.length === 2)!;
    expect(innermostClaim(run, new Map(nested.map((s) => [s.id, s])))).toBe('inner');
  });
});

describe('laying out a big article', () => {
  /** `size` characters of paragraphs of five sentences, each sentence a claim. */
  const article = (size: number): string => {
    const paragraphs: string[] = [];
    for (let i = 0, length = 0; length < size; i++) {
      const paragraph = Array.from({ length: 5 }, (_, s) => `Delegate ${i * 5 + s} said the vote was held.`).join(' ');
      paragraphs.push(paragraph);
      length += paragraph.length + 2;
    }
    return paragraphs.join('\n\n');
  };
  const claimsOf = (text: string): HighlightSpan[] => [...text.matchAll(/Delegate [^.]*\./g)].map((m, i) => ({ id: `c${i}`, start: m.index, end: m.index + m[0].length }));

  it('is linear in paragraphs and claims (one sweep, not every claim per paragraph)', () => {
    // The claims are found as each text is made, before the clock starts: only the layout is timed.
    const claims = new Map<string, HighlightSpan[]>();
    const withClaims = (size: number): string => {
      const text = article(size);
      claims.set(text, claimsOf(text));
      return text;
    };
    const growth = growthOf((text) => layoutArticle(text, claims.get(text) ?? []), withClaims, 100_000);
    expect(growth).toEqual({ ...growth, linear: true });
  });

  it('gives each run the claims over it, claims spanning paragraphs included', () => {
    const text = 'Aa bb.\n\nCc dd.\n\nEe ff.';
    const runs = layoutArticle(text, [{ id: 'long', start: 3, end: 18 }, { id: 'short', start: 8, end: 10 }]).map((p) => p.runs.map((r) => [text.slice(r.start, r.end), r.claimIds]));
    expect(runs).toEqual([
      [['Aa ', []], ['bb.', ['long']]],
      [['Cc', ['long', 'short']], [' dd.', ['long']]],
      [['Ee', ['long']], [' ff.', []]],
    ]);
  });
});
