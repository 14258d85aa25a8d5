import { describeReanchor, flaggedClaims, needsRecheck } from './reanchor-summary';

describe('describeReanchor', () => {
  it('names every outcome that happened, in order, with the right number', () => {
    expect(describeReanchor({ anchored: 12, moved: 3, fuzzy: 1, orphaned: 1 })).toBe('12 claims kept their place, 3 moved, 1 needs confirmation, 1 lost its text');
    expect(describeReanchor({ anchored: 1, moved: 0, fuzzy: 2, orphaned: 2 })).toBe('1 claim kept its place, 2 need confirmation, 2 lost their text');
  });

  it('puts “claims” on whichever outcome comes first', () => {
    expect(describeReanchor({ anchored: 0, moved: 1, fuzzy: 1, orphaned: 0 })).toBe('1 claim moved, 1 needs confirmation');
    expect(describeReanchor({ anchored: 0, moved: 0, fuzzy: 0, orphaned: 3 })).toBe('3 claims lost their text');
  });

  it('says so when there is nothing to re-anchor', () => {
    expect(describeReanchor({ anchored: 0, moved: 0, fuzzy: 0, orphaned: 0 })).toBe('The article has no claims to re-anchor');
  });
});

describe('flaggedClaims', () => {
  const claim = (id: string, status: 'anchored' | 'moved' | 'fuzzy' | 'orphaned') =>
    ({ id, status, start: status === 'orphaned' ? null : 0, end: status === 'orphaned' ? null : 1, startUtf16: null, endUtf16: null });

  it('keeps the fuzzy and orphaned claims, fuzzy first, in their given order otherwise', () => {
    const claims = [claim('a', 'orphaned'), claim('b', 'anchored'), claim('c', 'fuzzy'), claim('d', 'moved'), claim('e', 'orphaned'), claim('f', 'fuzzy')];
    expect(flaggedClaims({ claims }).map((c) => c.id)).toEqual(['c', 'f', 'a', 'e']);
  });

  it('knows which anchors need a reviewer', () => {
    expect(['anchored', 'moved', 'fuzzy', 'orphaned'].filter((a) => needsRecheck(a as 'fuzzy'))).toEqual(['fuzzy', 'orphaned']);
  });
});
