import { htmlArticle, isFullDocument } from './main-content';
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
});
