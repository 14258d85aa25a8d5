import { assignLanes, innermostClaim, layoutArticle, paragraphRanges } from './highlights';

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
