import { parseHTML } from 'linkedom';
import { stripPage } from './strip-page';

const body = (html: string): string => parseHTML(stripPage(html)).document.body.innerHTML;

describe(stripPage.name, () => {
  it('drops what can never be article text: scripts, styles, SVG, noscript, templates, form controls, comments', () => {
    const page = '<!DOCTYPE html><html><head><style>p { color: red }</style><link rel="stylesheet" href="a.css"></head><body>' +
      '<script>var a = "<p>not text</p>";</script><noscript><p>Enable JavaScript</p></noscript><svg><text>Logo</text></svg>' +
      '<template><p>Later</p></template><select><option>Choose</option></select><textarea>Type</textarea><!-- a comment -->' +
      '<p>The article.</p></body></html>';
    expect(stripPage(page)).toBe('<!DOCTYPE html><html><head></head><body><p>The article.</p></body></html>');
  });

  it('keeps JSON-LD, where the page\'s metadata is', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"A & B"}</script>';
    expect(stripPage(`<html><head>${jsonLd}</head><body><p>x</p></body></html>`)).toContain(jsonLd);
  });

  it('keeps the attributes that scoring, metadata and text read, and drops the rest', () => {
    const stripped = stripPage('<div id="main" class="article" data-track="x" onclick="go()" style="color: red" title="Hi">' +
      '<a href="/" rel="author" itemprop="author">Ana</a><p hidden aria-hidden="true" style="display: none">Hidden</p>' +
      '<img src="a.jpg" data-src="b.jpg" alt="A"></div>');
    expect(stripped).toBe('<div id="main" class="article"><a href="/" rel="author" itemprop="author">Ana</a>' +
      '<p hidden aria-hidden="true" style="display: none">Hidden</p><img src="a.jpg" data-src="b.jpg" alt="A"></div>');
  });

  it('nests what it keeps as the parser nested the whole page: implied end tags are written out', () => {
    const page = '<body><p>One<div>Two</div><ul><li>a<li>b</ul><table><tr><td>c<td>d</table><p>Three &amp; <b>four</b></body>';
    expect(body(page)).toBe(parseHTML(page).document.body.innerHTML);
  });

  it('leaves entities and quotes as written, so the DOM reads the same values', () => {
    const document = parseHTML(stripPage('<p class=\'say "hi"\'>Fish &amp; chips &lt;3</p>')).document;
    expect(document.querySelector('p')?.getAttribute('class')).toBe('say "hi"');
    expect(document.querySelector('p')?.textContent).toBe('Fish & chips <3');
  });
});
