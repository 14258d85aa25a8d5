import { snippetParts } from './snippet-parts';

describe('snippetParts', () => {
  it('splits marked words from the text around them', () => {
    expect(snippetParts('…the <mark>mayor</mark> said <mark>Élysée</mark>')).toEqual([
      { text: '…the ', marked: false }, { text: 'mayor', marked: true }, { text: ' said ', marked: false }, { text: 'Élysée', marked: true },
    ]);
  });

  it('unescapes the text once, so markup in the text stays text', () => {
    expect(snippetParts('&lt;script&gt;alert(&quot;x&quot;) &amp;amp; &#39;<mark>a&amp;b</mark>')).toEqual([
      { text: '<script>alert("x") &amp; \'', marked: false }, { text: 'a&b', marked: true },
    ]);
  });
});
