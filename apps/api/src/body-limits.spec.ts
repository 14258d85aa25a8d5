import { nestingDepthExceeds } from './body-limits';

describe('nestingDepthExceeds', () => {
  const arrays = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);
  const objects = (depth: number): string => '{"a":'.repeat(depth) + 'null' + '}'.repeat(depth);

  it('allows the limit and refuses one level more, for arrays, objects and both mixed', () => {
    expect(nestingDepthExceeds(arrays(64), 64)).toBe(false);
    expect(nestingDepthExceeds(arrays(65), 64)).toBe(true);
    expect(nestingDepthExceeds(objects(64), 64)).toBe(false);
    expect(nestingDepthExceeds(objects(65), 64)).toBe(true);
    expect(nestingDepthExceeds(`{"a":[${objects(62)}]}`, 64)).toBe(false);
    expect(nestingDepthExceeds(`{"a":[${objects(63)}]}`, 64)).toBe(true);
  });

  it('counts the depth at any moment, not the brackets in total', () => {
    expect(nestingDepthExceeds(`[${Array.from({ length: 1000 }, () => '[[1]]').join(',')}]`, 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes and backslashes included', () => {
    expect(nestingDepthExceeds(JSON.stringify({ a: '[[[[{{{{' }), 2)).toBe(false);
    expect(nestingDepthExceeds(JSON.stringify({ a: 'say \\"[[[[' }), 2)).toBe(false);
    expect(nestingDepthExceeds(JSON.stringify({ a: 'ends in a backslash \\', b: '[[[[' }), 2)).toBe(false);
    expect(nestingDepthExceeds(`{"a":"\\\\"}${'['.repeat(3)}`, 2)).toBe(true);
  });
});
