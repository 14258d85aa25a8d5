import { InvalidSourceUrl, normalizeSourceUrl } from './normalize-url';

describe(normalizeSourceUrl.name, () => {
  it.each([
    ['HTTPS://WWW.Example.COM/Path/To/', 'https://www.example.com/Path/To/'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com/a#section-2', 'https://example.com/a'],
    ['https://example.com/a?utm_source=x&b=2&UTM_Medium=y&a=1&fbclid=z&gclid=q', 'https://example.com/a?b=2&a=1'],
    ['https://example.com/a?utm_source=x', 'https://example.com/a'],
    ['https://example.com/search?q=Kim%20Jong-yang&lang=en', 'https://example.com/search?q=Kim%20Jong-yang&lang=en'],
    ['https://example.com', 'https://example.com/'],
  ])('normalises %s', (raw, expected) => {
    expect(normalizeSourceUrl(raw)).toBe(expected);
  });

  it('keeps www. and trailing slashes as different sources', () => {
    expect(normalizeSourceUrl('https://www.example.com/a/')).not.toBe(normalizeSourceUrl('https://example.com/a/'));
    expect(normalizeSourceUrl('https://example.com/a/')).not.toBe(normalizeSourceUrl('https://example.com/a'));
  });

  it.each(['ftp://example.com/file', 'javascript:alert(1)', 'not a url', 'mailto:a@b.c'])('refuses %s', (raw) => {
    expect(() => normalizeSourceUrl(raw)).toThrow(InvalidSourceUrl);
  });
});
