import { renderHtml } from './html';
import { attr, byTag, elements, parseHtml, textOf } from './testing/html-tree';
import { aClaim, anArticle, aReport, aSource, aVerdict, interpolReport } from './testing/report.factory';

const HOSTILE = '<script>alert("x")</script> & \'quoted\' "double" <img src=x onerror=alert(1)>';

function hostileReport() {
  return aReport({
    organisation: { name: HOSTILE, url: 'javascript:alert(1)' },
    articles: [
      anArticle({
        title: HOSTILE,
        publisher: HOSTILE,
        authors: [HOSTILE],
        url: 'javascript:alert(1)',
        claims: [
          aClaim({
            quote: HOSTILE,
            contextBefore: `${HOSTILE} before `,
            contextAfter: ` after ${HOSTILE}`,
            claimant: HOSTILE,
            claimReviewed: HOSTILE,
            tags: [HOSTILE],
            verdicts: [aVerdict({ ratingLabel: HOSTILE, rationale: `${HOSTILE}\n\n[click](javascript:alert(1)) and <b onclick="x">raw</b>`, correctionNote: HOSTILE })],
            sources: [aSource({ excerpt: HOSTILE, note: HOSTILE, source: { ...aSource().source, title: HOSTILE, publisher: HOSTILE, archiveUrl: 'data:text/html,<script>alert(1)</script>' } })],
          }),
        ],
      }),
    ],
  });
}

describe('HTML report', () => {
  it('is one self-contained page: doctype, charset, viewport, inline style with print rules, no script', () => {
    const html = renderHtml(interpolReport());
    const document = parseHtml(html);

    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(byTag(document, 'meta').some((meta) => attr(meta, 'charset') === 'utf-8')).toBe(true);
    expect(byTag(document, 'meta').find((meta) => attr(meta, 'name') === 'viewport')?.attrs).toContainEqual({ name: 'content', value: 'width=device-width, initial-scale=1' });
    const style = byTag(document, 'style');
    expect(style).toHaveLength(1);
    expect(textOf(style[0])).toContain('@media print');
    expect(textOf(style[0])).toContain('@media (max-width');
    expect(byTag(document, 'script')).toHaveLength(0);
    expect(byTag(document, 'link')).toHaveLength(0);
  });

  it('escapes every user-supplied string: no element, attribute or link can be injected', () => {
    const document = parseHtml(renderHtml(hostileReport()));

    expect(byTag(document, 'script')).toHaveLength(0);
    expect(byTag(document, 'img')).toHaveLength(0);
    expect(byTag(document, 'b')).toHaveLength(0);
    expect(elements(document, (element) => element.attrs.some((attribute) => attribute.name.startsWith('on')))).toHaveLength(0);
    for (const link of byTag(document, 'a')) expect(attr(link, 'href')).toMatch(/^(https?:|#)/);
    expect(textOf(byTag(document, 'h2')[0])).toBe(HOSTILE);
    expect(textOf(byTag(document, 'body')[0])).toContain('<b onclick="x">raw</b>');
  });

  it('lists a claim’s earlier words with the editor’s note under Corrections, escaped', () => {
    const correction = { quote: HOSTILE, note: `Wider: ${HOSTILE}`, correctedBy: { id: 'u9', displayName: HOSTILE }, correctedAt: '2026-11-21T09:00:00.000Z' };
    const document = parseHtml(renderHtml(aReport({ articles: [anArticle({ claims: [aClaim({ corrections: [correction] })] })] })));
    expect(byTag(document, 'h4').map(textOf)).toContain('Corrections');
    const items = byTag(document, 'li').map(textOf).filter((item) => item.includes('earlier words'));
    expect(items).toEqual([`2026-11-21: earlier words “${HOSTILE}”, corrected by ${HOSTILE}. Why: Wider: ${HOSTILE}`]);
    expect(byTag(document, 'script')).toHaveLength(0);
    expect(byTag(document, 'img')).toHaveLength(0);
  });

  it('marks the quote inside its sentence', () => {
    const document = parseHtml(renderHtml(interpolReport()));
    const marks = byTag(document, 'mark');

    expect(marks.map(textOf)).toContain('was the "favorite" to lead');
    const quoted = byTag(document, 'blockquote').find((blockquote) => textOf(blockquote).includes('was the "favorite" to lead'));
    expect(textOf(quoted!)).toBe('Last week, The Times had reported that Prokopchuk, who currently serves as one of Interpol\'s vice-presidents, was the "favorite" to lead the organization.');
  });

  it('keeps a hostile quote as text inside <mark>', () => {
    const document = parseHtml(renderHtml(hostileReport()));

    expect(byTag(document, 'mark').map(textOf)).toEqual([HOSTILE]);
  });

  it('has a summary table with one row per claim: claim, verdict, reviewer, date', () => {
    const model = interpolReport();
    const document = parseHtml(renderHtml(model));
    const table = byTag(document, 'table')[0];

    expect(byTag(table, 'th').map(textOf)).toEqual(['#', 'Claim', 'Verdict', 'Reviewer', 'Date']);
    const rows = byTag(byTag(table, 'tbody')[0], 'tr').map((row) => byTag(row, 'td').map(textOf));
    expect(rows).toHaveLength(model.articles[0].claims.length);
    expect(rows[1]).toEqual(['2', 'was the "favorite" to lead', 'Mostly false', 'Ana Reviewer', '2026-11-21']);
    expect(rows.find((row) => row[1] === '194 member states')?.[2]).toBe('No verdict yet');
  });

  it('renders the rationale as Markdown and the sources as links with their stance', () => {
    const document = parseHtml(renderHtml(interpolReport()));
    const claim = elements(document, (element) => element.tagName === 'section' && textOf(element).includes('Claim 2'))[0];

    expect(byTag(claim, 'li').map(textOf)).toEqual(expect.arrayContaining(['The Times: "frontrunner"']));
    const source = byTag(byTag(claim, 'ul').find((list) => attr(list, 'class') === 'sources')!, 'a')[0];
    expect(attr(source, 'href')).toBe('https://www.thetimes.co.uk/article/russian-favourite-interpol');
    expect(textOf(claim)).toContain('Refutes:');
  });

  it('shows the correction and the retracted verdict it replaced', () => {
    const document = parseHtml(renderHtml(interpolReport()));
    const claim = elements(document, (element) => element.tagName === 'section' && textOf(element).includes('Claim 2'))[0];
    const history = byTag(claim, 'ul').find((list) => attr(list, 'class') === 'history')!;

    expect(textOf(claim)).toContain('Correction: The first verdict misread The Times.');
    expect(textOf(history)).toContain('True Retracted, by Ana Reviewer. Retracted because: Misread the source.');
  });

  it('warns that an orphaned quote is no longer in the text', () => {
    const html = renderHtml(interpolReport());

    expect(textOf(parseHtml(html))).toContain('This quote is no longer found in the current text of the article.');
  });

  it('links a published verdict to its review page', () => {
    const document = parseHtml(renderHtml(interpolReport()));
    const reviews = byTag(document, 'a').filter((link) => textOf(link) === 'Read the review');

    expect(reviews.length).toBe(3);
    expect(attr(reviews[0], 'href')).toMatch(/^https:\/\/deskcheck\.example\/reviews\/[0-9a-f-]{36}$/);
  });

  it('keeps Cyrillic and Greek text', () => {
    const text = textOf(parseHtml(renderHtml(interpolReport())));

    expect(text).toContain('Прокопчук был «фаворитом»');
    expect(text).toContain('Αλέξανδρος Προκόπτσουκ');
  });
});
