import { isEmptySearch, MAX_SEARCH_TERMS, parseSearchQuery, searchStem, toFtsMatch, toPostgresTsquery } from './search-query';

describe('search query building', () => {
  it('reads words and "quoted phrases"', () => {
    expect(parseSearchQuery('Élysée "budget doubled" accused')).toEqual({ words: ['Élysée', 'accused'], phrases: [['budget', 'doubled']] });
  });

  it('reads a one-word phrase as a word and an unclosed quote as a phrase to the end', () => {
    expect(parseSearchQuery('"mayor" said "the budget doubled')).toEqual({ words: ['mayor', 'said'], phrases: [['the', 'budget', 'doubled']] });
  });

  it.each([
    ['"', { words: [], phrases: [] }],
    ['*', { words: [], phrases: [] }],
    ['NEAR(a b)', { words: ['NEAR', 'a', 'b'], phrases: [] }],
    ['-minus col:umn (paren) x*', { words: ['minus', 'col', 'umn', 'paren', 'x'], phrases: [] }],
    ["x' OR 1=1 --", { words: ['x', 'OR', '1', '1'], phrases: [] }],
    ['!&|<->:*', { words: [], phrases: [] }],
  ])('takes the syntax in %j as word separators', (q, expected) => {
    expect(parseSearchQuery(q)).toEqual(expected);
  });

  it('builds an FTS5 expression of quoted strings only', () => {
    const terms = parseSearchQuery('NEAR "AND or" col:x');
    expect(toFtsMatch(terms)).toBe('"NEAR" AND "col" AND "x" AND "AND or"');
  });

  it('builds a tsquery whose texts are parameters, never SQL', () => {
    const built = toPostgresTsquery(parseSearchQuery("it's \"a b\""), 3);
    expect(built.sql).toBe("plainto_tsquery('english', claimdesk_search_words($3::text)) && plainto_tsquery('english', claimdesk_search_words($4::text)) && phraseto_tsquery('english', claimdesk_search_words($5::text))");
    expect(built.parameters).toEqual(['it', 's', 'a b']);
  });

  it('keeps at most MAX_SEARCH_TERMS terms', () => {
    const terms = parseSearchQuery(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '));
    expect(terms.words).toHaveLength(MAX_SEARCH_TERMS);
  });

  it('knows a query without words', () => {
    expect(isEmptySearch(parseSearchQuery('*** ""'))).toBe(true);
    expect(isEmptySearch(parseSearchQuery('a'))).toBe(false);
  });

  it('stems and folds like the index: accused ~ accusing, Élysée ~ elysee', () => {
    expect(searchStem('accused')).toBe(searchStem('accusing'));
    expect(searchStem('Élysée')).toBe(searchStem('elysee'));
  });
});
