import { parseSearchQuery } from './search-query';
import { escapeHtml, SNIPPET_LENGTH, snippetOf, wordMatcher } from './snippet';

const matcher = (q: string) => wordMatcher(parseSearchQuery(q));

describe('search snippets', () => {
  it('marks every matched word, stemmed and folded', () => {
    expect(snippetOf(['The minister was accusing the Élysée.'], matcher('accused elysee'))).toBe('The minister was <mark>accusing</mark> the <mark>Élysée</mark>.');
  });

  it('escapes everything else as HTML', () => {
    expect(snippetOf(['<b>ledger</b> & "x" \'y\''], matcher('ledger'))).toBe('&lt;b&gt;<mark>ledger</mark>&lt;/b&gt; &amp; &quot;x&quot; &#39;y&#39;');
    expect(escapeHtml('<mark>')).toBe('&lt;mark&gt;');
  });

  it('cuts a window around the first match of a long text, on word boundaries', () => {
    const text = `${'word '.repeat(500)}the target here ${'tail '.repeat(500)}`;
    const snippet = snippetOf([text], matcher('target'));
    expect(snippet.startsWith('…word')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>target</mark>');
    expect(snippet.replace(/<\/?mark>/g, '').length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
  });

  it('takes the first field with a match, else the start of the first field', () => {
    expect(snippetOf(['A title', null, 'a body with the word'], matcher('word'))).toBe('a body with the <mark>word</mark>');
    expect(snippetOf(['', 'A title'], matcher('absent'))).toBe('A title');
    expect(snippetOf([null], matcher('absent'))).toBe('');
  });

  it('collapses white space and never splits a surrogate pair', () => {
    expect(snippetOf(['one\n\ntwo   three'], matcher('two'))).toBe('one <mark>two</mark> three');
    const emoji = `${'😀'.repeat(150)} target`;
    const snippet = snippetOf([emoji], matcher('target'));
    expect(snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  });
});
