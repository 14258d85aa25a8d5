import { parseIfMatch } from './if-match';

describe(parseIfMatch.name, () => {
  it.each([
    ['"3"', 3],
    ['W/"12"', 12],
    ['7', 7],
    [undefined, undefined],
    ['*', undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(parseIfMatch(header)).toBe(expected);
  });

  it('never matches a foreign ETag', () => {
    expect(parseIfMatch('"abc"')).toBeNaN();
  });
});
