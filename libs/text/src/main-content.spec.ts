import { parseHTML } from 'linkedom';
import { htmlArticle, isElementWithoutContent, isFullDocument } from './main-content';
import { parsePage } from './page-dom';
import { stripPage } from './strip-page';
import { newsPage, ARTICLE_PARAGRAPHS, PAGE_CHROME } from './testing/news-page';

describe(htmlArticle.name, () => {
  it('keeps only the main content of a full news page, and reads its metadata', () => {
    const article = htmlArticle(newsPage());

    expect(article.extracted).toBe(true);
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(article.text).toContain(paragraph);
    for (const chrome of PAGE_CHROME) expect(article.text).not.toContain(chrome);
    expect(article.metadata).toEqual({
      title: 'Interpol elects South Korea’s Kim Jong Yang as president', authors: ['Ana Lima'],
      publishedAt: '2018-11-21T10:00:00.000Z', language: 'en-GB', publisher: 'The Daily Example',
    });
  });

  it('keeps a pasted fragment whole, even a short list of links', () => {
    const fragment = '<nav><a href="/">Home</a></nav><p>One short paragraph.</p><footer>© Example</footer>';
    expect(isFullDocument(fragment)).toBe(false);
    expect(htmlArticle(fragment)).toMatchObject({ text: 'Home\n\nOne short paragraph.\n\n© Example', extracted: false });
  });

  it('reads the metadata of a page written without <html>, <head> and <body> but with a <title> (failed on main: no title, read as a fragment)', () => {
    const page = '<title>Port statistics | Example News</title><meta property="og:site_name" content="Example News"><p>The port handled twice as many ships.</p>';
    expect(isFullDocument(page)).toBe(true);
    expect(htmlArticle(page)).toMatchObject({ text: 'The port handled twice as many ships.', extracted: false, metadata: { title: 'Port statistics', publisher: 'Example News' } });
  });

  it('keeps a short full page whole: too little text to tell the article from the chrome', () => {
    const html = '<!DOCTYPE html><html><head><title>Note</title></head><body><p>Back at five.</p></body></html>';
    expect(htmlArticle(html)).toMatchObject({ text: 'Back at five.', extracted: false });
  });

  it('finds an article that Readability\'s first attempt throws away (it retries on the page as it was, parsed again)', () => {
    // "sidebar" is an unlikely candidate: the first attempt removes it and finds too little text.
    const html = newsPage().replace('<div class="article-body">', '<div class="sidebar">');
    const article = htmlArticle(html);
    expect(article.extracted).toBe(true);
    for (const paragraph of ARTICLE_PARAGRAPHS) expect(article.text).toContain(paragraph);
    expect(article.text).not.toContain('Terms of use');
  });

  it('shows no literal tags from <noembed> or <noframes> in the article', () => {
    const article = htmlArticle(newsPage('<noembed><p>Your browser cannot play this video.</p></noembed><noframes><p>Frames needed.</p></noframes>'));
    expect(article.text).not.toMatch(/<p>|browser cannot|Frames needed/);
  });

  it('uses the desk\'s own DOM and finds the same article as on linkedom', () => {
    const html = newsPage();
    expect(htmlArticle(html)).toEqual(htmlArticle(html, (page) => parseHTML(stripPage(page)).document));
  });
});

describe(isElementWithoutContent.name, () => {
  // Readability's own test (0.6): no text but white space, and as many <br>/<hr> inside as children.
  const readabilitys = (element: Element): boolean => element.textContent?.trim().length === 0
    && element.children.length === element.getElementsByTagName('br').length + element.getElementsByTagName('hr').length;

  it.each([
    ['empty', '<div></div>'], ['white space', '<div> \n </div>'], ['text', '<div> a </div>'], ['two breaks', '<div><br> <hr></div>'],
    ['a break in a span', '<div><span><br></span></div>'], ['two breaks in a span', '<div><span><br><br></span></div>'],
    ['an empty span', '<div><span></span></div>'], ['deep text', '<div><br><p><b>x</b></p></div>'], ['no-break space', '<div>\u00a0</div>'],
  ])('agrees with Readability on %s', (_, html) => {
    const element = parseHTML(`<html><body>${html}</body></html>`).document.querySelector('div') as Element;
    const ours = parsePage(`<html><body>${html}</body></html>`).querySelector('div') as unknown as Element;
    expect([isElementWithoutContent(element), isElementWithoutContent(ours)]).toEqual([readabilitys(element), readabilitys(element)]);
  });
});
