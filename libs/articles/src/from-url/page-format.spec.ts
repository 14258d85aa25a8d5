import { articleFormatOf } from './page-format';

describe('articleFormatOf', () => {
  it.each([
    ['text/html; charset=utf-8', 'html'], ['application/xhtml+xml', 'html'], [null, 'html'], ['TEXT/PLAIN', 'text'],
    ['text/markdown; charset=UTF-8', 'markdown'], ['application/pdf', null], ['image/png', null], ['application/json', null],
  ])('reads %p as %p', (contentType, format) => {
    expect(articleFormatOf(contentType)).toBe(format);
  });
});
