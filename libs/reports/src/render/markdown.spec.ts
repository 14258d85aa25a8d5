import MarkdownIt from 'markdown-it';
import { escapeMarkdownBlock, escapeMarkdownInline, renderMarkdown } from './markdown';
import { attr, byTag, parseHtml, textOf } from './testing/html-tree';
import { aClaim, anArticle, aReport, aVerdict, interpolReport } from './testing/report.factory';

/** What a reader sees: the Markdown rendered by a CommonMark + tables renderer, then parsed. */
function rendered(markdown: string) {
  return parseHtml(new MarkdownIt({ html: false }).render(markdown));
}

const TRICKY = 'a | b *bold* _em_ `code` [link](https://evil.example) <b>x</b> ![img](https://evil.example/i.png) ~~s~~ &amp; \\';

describe('Markdown report', () => {
  it('has a summary table with one row per claim, not broken by pipes or Markdown in quotes', () => {
    const claims = [aClaim({ quote: TRICKY, claimant: TRICKY }), aClaim({ quote: '- 1. # > not a list' }), aClaim({ verdicts: [] })];
    const document = rendered(renderMarkdown(aReport({ articles: [anArticle({ claims })] })));
    const table = byTag(document, 'table')[0];
    const rows = byTag(byTag(table, 'tbody')[0], 'tr').map((row) => byTag(row, 'td').map(textOf));

    expect(byTag(table, 'th').map(textOf)).toEqual(['#', 'Claim', 'Verdict', 'Reviewer', 'Date']);
    expect(rows).toEqual([
      ['1', TRICKY, 'Mostly false', 'Ana Reviewer', '2026-11-20'],
      ['2', '- 1. # > not a list', 'Mostly false', 'Ana Reviewer', '2026-11-20'],
      ['3', 'was the "favorite" to lead', 'No verdict yet', '', ''],
    ]);
  });

  it('lists a claim’s earlier words with the editor’s note under Corrections, as plain text', () => {
    const correction = { quote: TRICKY, note: `Wider: ${TRICKY}`, correctedBy: { id: 'u9', displayName: 'Ezra Editor' }, correctedAt: '2026-11-21T09:00:00.000Z' };
    const document = rendered(renderMarkdown(aReport({ articles: [anArticle({ claims: [aClaim({ corrections: [correction] })] })] })));
    const heading = byTag(document, 'strong').find((strong) => textOf(strong) === 'Corrections');
    expect(heading).toBeDefined();
    const items = byTag(document, 'li').map(textOf).filter((item) => item.includes('earlier words'));
    expect(items).toEqual([`2026-11-21: earlier words “${TRICKY}”, corrected by Ezra Editor. Why: Wider: ${TRICKY}`]);
    expect(byTag(document, 'a').filter((link) => attr(link, 'href')?.includes('evil'))).toHaveLength(0);
    expect(byTag(document, 'b')).toHaveLength(0);
  });

  it('lets user text inject no link, image, emphasis, code or HTML', () => {
    const claim = aClaim({ quote: TRICKY, contextBefore: `${TRICKY} `, contextAfter: ` ${TRICKY}`, claimant: TRICKY, tags: [TRICKY], sources: [], verdicts: [aVerdict({ rationale: null, ratingLabel: TRICKY })] });
    const markdown = renderMarkdown(aReport({ articles: [anArticle({ title: TRICKY, claims: [claim] })] }));
    const document = rendered(markdown);

    expect(byTag(document, 'a').filter((link) => attr(link, 'href')?.includes('evil'))).toHaveLength(0);
    expect(byTag(document, 'img')).toHaveLength(0);
    expect(byTag(document, 'em')).toHaveLength(0);
    expect(byTag(document, 'code')).toHaveLength(0);
    expect(byTag(document, 's')).toHaveLength(0);
    expect(textOf(byTag(document, 'h2')[0])).toBe(TRICKY);
  });

  it('quotes each claim in its sentence with the span in bold', () => {
    const document = rendered(renderMarkdown(interpolReport()));
    const quotes = byTag(document, 'blockquote');

    const favourite = quotes.find((quote) => textOf(quote).includes('favorite'))!;
    expect(byTag(favourite, 'strong').map(textOf)).toEqual(['was the "favorite" to lead']);
    expect(textOf(favourite).trim()).toBe('Last week, The Times had reported that Prokopchuk, who currently serves as one of Interpol\'s vice-presidents, was the "favorite" to lead the organization.');
    expect(quotes.some((quote) => byTag(quote, 'strong').map(textOf).includes('Прокопчук был «фаворитом»'))).toBe(true);
  });

  it('renders the rationale as the reviewer wrote it, and the sources as links with their stance', () => {
    const document = rendered(renderMarkdown(interpolReport()));

    expect(byTag(document, 'li').map(textOf)).toEqual(expect.arrayContaining(['The Times: "frontrunner"', 'Interpol: no ranking']));
    const source = byTag(document, 'a').find((link) => attr(link, 'href') === 'https://www.thetimes.co.uk/article/russian-favourite-interpol');
    expect(source && textOf(source)).toBe('Russian favourite to lead Interpol');
    expect(textOf(document)).toContain('Refutes: Russian favourite to lead Interpol');
  });

  it('lists corrections: the retracted verdict and why it was corrected', () => {
    const text = textOf(rendered(renderMarkdown(interpolReport())));

    expect(text).toContain('Correction: The first verdict misread The Times.');
    expect(text).toContain('2026-11-10: True — Retracted, by Ana Reviewer. Retracted because: Misread the source.');
  });

  it('lets a code fence a rationale left open swallow nothing: the rest of the report still renders', () => {
    const claims = [aClaim({ verdicts: [aVerdict({ rationale: '```\nunclosed' })] }), aClaim({ quote: 'second claim' })];
    const document = rendered(renderMarkdown(aReport({ articles: [anArticle({ claims })] })));

    expect(byTag(document, 'h3').map(textOf)).toEqual(['Claim 1', 'Claim 2']);
  });
});

describe(escapeMarkdownInline.name, () => {
  it.each([
    ['# heading'],
    ['1. item'],
    ['2018) item'],
    ['> quote'],
    ['- item'],
    ['+ item'],
  ])('keeps %j from starting a block', (text) => {
    const document = rendered(escapeMarkdownInline(text));

    expect(byTag(document, 'p').map(textOf)).toEqual([text]);
  });

  it('keeps a quote line starting with spaces from becoming code', () => {
    const claim = aClaim({ contextBefore: '     indented ', quote: 'quote' });
    const document = rendered(renderMarkdown(aReport({ articles: [anArticle({ claims: [claim] })] })));

    expect(byTag(document, 'pre')).toHaveLength(0);
    expect(byTag(document, 'strong').map(textOf)).toContain('quote');
  });

  it('turns line breaks into spaces', () => {
    expect(escapeMarkdownInline('one\n\ntwo\r\nthree')).toBe('one two three');
  });
});

describe(escapeMarkdownBlock.name, () => {
  it('keeps paragraphs and list items, and escapes everything inside them', () => {
    const document = rendered(escapeMarkdownBlock('First *para*\r\n\r\n* one <b>x</b>\n2) two [l](javascript:x)\n\n```\nfence'));
    expect(byTag(document, 'p').map(textOf)).toEqual(['First *para*', '```\nfence']);
    expect(byTag(document, 'li').map(textOf)).toEqual(['one <b>x</b>', 'two [l](javascript:x)']);
    expect(byTag(document, 'a')).toHaveLength(0);
    expect(byTag(document, 'code')).toHaveLength(0);
  });
});
