import { reviewerMarkdownToHtml, reviewerMarkdownToParagraphs } from './reviewer-markdown';
import { attr, byTag, parseHtml, textOf } from './testing/html-tree';

describe(reviewerMarkdownToHtml.name, () => {
  it('renders Markdown but shows raw HTML as text and refuses script links', () => {
    const document = parseHtml(reviewerMarkdownToHtml('**Bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://example.org/)'));

    expect(byTag(document, 'strong').map(textOf)).toEqual(['Bold']);
    expect(byTag(document, 'script')).toHaveLength(0);
    expect(byTag(document, 'a').map((link) => attr(link, 'href'))).toEqual(['https://example.org/']);
    expect(textOf(document)).toContain('<script>alert(1)</script>');
  });

  it('moves headings under the claim heading', () => {
    const document = parseHtml(reviewerMarkdownToHtml('# Summary\n\n### Detail'));

    expect(byTag(document, 'h4').map(textOf)).toEqual(['Summary']);
    expect(byTag(document, 'h6').map(textOf)).toEqual(['Detail']);
  });
});

describe(reviewerMarkdownToParagraphs.name, () => {
  it('gives plain paragraphs: marks dropped, links with their URL, list items numbered or bulleted', () => {
    const paragraphs = reviewerMarkdownToParagraphs('First *para*\nwith `code`.\n\n3. three\n4. four\n   - nested\n\nSee [the source](https://example.org/x).\n\n```\nraw\n```');

    expect(paragraphs).toEqual(['First para with code.', '3. three', '4. four', '   • nested', 'See the source (https://example.org/x).', 'raw']);
  });
});
