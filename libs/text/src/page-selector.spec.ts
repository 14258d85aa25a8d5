import { parsePage } from './page-dom';
import { matcherFor, tagNamesOf } from './page-selector';

const PAGE = parsePage('<html><head><meta property="og:title" content="T"><script type="Application/LD+JSON">{}</script>' +
  '<script type="text/javascript"></script></head><body><article id="main" class="story lead"><h1><a href="/">Home</a></h1>' +
  '<span itemprop="author name">Ana</span><p lang="en-GB">x</p></article><a href="/about">About</a></body></html>');
const ids = (selector: string): string[] => PAGE.querySelectorAll(selector).map((e) => `${e.localName}${e.id ? `#${e.id}` : ''}`);

describe(matcherFor.name, () => {
  it('matches type, id, class and attribute selectors, and lists of them, in document order', () => {
    expect(ids('H1, meta')).toEqual(['meta', 'h1']);
    expect(ids('#main')).toEqual(['article#main']);
    expect(ids('article.lead.story')).toEqual(['article#main']);
    expect(ids('[itemprop~="author"]')).toEqual(['span']);
    expect(ids("meta[property='og:title']")).toEqual(['meta']);
    expect(ids('[lang|=en]')).toEqual(['p']);
    expect(ids('a[href^="/a"], [content$=T], [href*=bou]')).toEqual(['meta', 'a']);
  });

  it('compares a script type without case, as HTML does', () => {
    expect(ids('script[type="application/ld+json"]')).toEqual(['script']);
  });

  it('follows descendant and child combinators', () => {
    expect(ids('article a')).toEqual(['a']);
    expect(ids('article > a')).toEqual([]);
    expect(ids('h1 > a')).toEqual(['a']);
    expect(ids('body > a')).toEqual(['a']);
  });

  it('refuses a selector it does not know rather than match wrongly', () => {
    expect(() => matcherFor('p:first-child')).toThrow('Unsupported selector');
    expect(() => matcherFor('h1 + p')).toThrow('Unsupported selector');
  });
});

describe(tagNamesOf.name, () => {
  it('gives the names of a plain list of types, in lower case, and nothing for any other selector', () => {
    expect(tagNamesOf('h1, H2,p')).toEqual(new Set(['h1', 'h2', 'p']));
    expect(tagNamesOf('p.lead')).toBeNull();
    expect(tagNamesOf('*')).toBeNull();
  });
});
