import { cacheControlFor, isServable } from './cache-policy';

describe('cacheControlFor', () => {
  it.each([
    ['assets/index-CZaP3yh2.js', 'public, max-age=31536000, immutable'],
    ['assets/index-pmebE6Fp.css', 'public, max-age=31536000, immutable'],
    ['/assets/ReaderView-a_b-C9d8.js', 'public, max-age=31536000, immutable'],
    ['index.html', 'no-cache'],
    ['favicon.svg', 'no-cache'],
    ['assets/logo.svg', 'no-cache'],
    ['other/index-CZaP3yh2.js', 'no-cache'],
  ])('%s → %s', (path, expected) => {
    expect(cacheControlFor(path)).toBe(expected);
  });
});

describe('isServable', () => {
  it('refuses source maps, whatever their case', () => {
    expect(isServable('/srv/web/assets/index-CZaP3yh2.js.map')).toBe(false);
    expect(isServable('/assets/x.MAP')).toBe(false);
    expect(isServable('/assets/index-CZaP3yh2.js')).toBe(true);
  });
});
