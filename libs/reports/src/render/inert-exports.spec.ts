import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { renderClaimReview, toClaimReviews } from './claimreview';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderJson, toReportDocument } from './json';
import { renderMarkdown } from './markdown';
import { attr, elements, parseHtml, textOf, type Element } from './testing/html-tree';
import { aClaim, anArticle, aReport, aVerdict } from './testing/report.factory';
import { HOSTILE_FRAGMENTS, hostileText, reportWithEverywhere } from './testing/hostile';

/**
 * Hardening, "Exports are inert": whatever reviewers write, an export carries no markup, script or
 * non-web link into the places it is published (a CMS page, a <script> block, a spreadsheet).
 */

/** A publisher's permissive renderer: raw HTML on, and every link destination allowed. */
const permissive = new MarkdownIt({ html: true, linkify: false });
permissive.validateLink = () => true;

const WEB = /^https?:\/\//i;
/** Elements the Markdown report itself produces; anything else came from user text. */
const MARKDOWN_OWN = new Set(['html', 'head', 'body', 'h1', 'h2', 'h3', 'p', 'strong', 'em', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'ul', 'ol', 'li', 'a']);

function assertNoLiveMarkup(root: ReturnType<typeof parseHtml>, allowed?: Set<string>): void {
  const offending = elements(root, (element: Element) =>
    ['script', 'iframe', 'img', 'object', 'embed', 'form', 'base'].includes(element.tagName) ||
    (allowed !== undefined && !allowed.has(element.tagName)) ||
    element.attrs.some((a) => a.name.startsWith('on') || ((a.name === 'href' || a.name === 'src') && !WEB.test(a.value) && !a.value.startsWith('#'))),
  );
  expect(offending.map((element) => `<${element.tagName} ${element.attrs.map((a) => `${a.name}=${a.value}`).join(' ')}>`)).toEqual([]);
}

const SCRIPT_BREAKERS = /[<>&\u2028\u2029]/;

describe('inert exports', () => {
  describe('Markdown report', () => {
    it('passes no raw HTML or javascript: link from a rationale (failed on main: the rationale went in raw)', () => {
      const markdown = renderMarkdown(reportWithEverywhere('See <script>alert(1)</script> and [proof](javascript:alert(1)) <b onclick="x">raw</b>'));
      const document = parseHtml(permissive.render(markdown));
      assertNoLiveMarkup(document, MARKDOWN_OWN);
      expect(markdown).not.toMatch(/(?<!\\)\]\((?!<?https?:)/i); // no link destination but a web one
    });

    it.each(HOSTILE_FRAGMENTS.map((fragment) => [fragment]))('renders %j in every field without markup or a non-web link', (fragment) => {
      assertNoLiveMarkup(parseHtml(permissive.render(renderMarkdown(reportWithEverywhere(`x ${fragment} y`)))), MARKDOWN_OWN);
    });

    it('renders any hostile text in every field without markup or a non-web link (property)', () => {
      fc.assert(fc.property(hostileText, (text) => {
        assertNoLiveMarkup(parseHtml(permissive.render(renderMarkdown(reportWithEverywhere(text)))), MARKDOWN_OWN);
      }), { numRuns: 300 });
    });

    it('keeps a rationale readable: its paragraphs and list items, its words as written', () => {
      const rationale = 'Interpol never ranked candidates.\n\n- The Times: "frontrunner" <b>\n- Interpol: no ranking\n\nSee [Interpol](https://www.interpol.int/).';
      const report = aReport({ articles: [anArticle({ claims: [aClaim({ verdicts: [aVerdict({ rationale })] })] })] });
      const document = parseHtml(permissive.render(renderMarkdown(report)));
      expect(elements(document, (element) => element.tagName === 'li').map(textOf)).toEqual(expect.arrayContaining(['The Times: "frontrunner" <b>', 'Interpol: no ranking']));
      expect(elements(document, (element) => element.tagName === 'p').map(textOf)).toEqual(expect.arrayContaining(['Interpol never ranked candidates.', 'See [Interpol](https://www.interpol.int/).']));
    });
  });

  describe('ClaimReview', () => {
    it('escapes <, >, & and U+2028/U+2029 so it can sit in a <script> element (failed on main: </script> went out raw)', () => {
      const model = reportWithEverywhere('</script><script>alert(1)</script> & \u2028\u2029');
      const json = renderClaimReview(model);
      expect(json).not.toMatch(SCRIPT_BREAKERS);
      expect(json).toContain('\\u003c/script\\u003e');
      expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(toClaimReviews(model.articles[0], model))));
    });

    it('parses back to exactly the reviews, for any hostile text (property)', () => {
      fc.assert(fc.property(hostileText, (text) => {
        const model = reportWithEverywhere(text);
        const json = renderClaimReview(model);
        expect(json).not.toMatch(SCRIPT_BREAKERS);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(toClaimReviews(model.articles[0], model))));
      }), { numRuns: 200 });
    });
  });

  describe('JSON report', () => {
    it('is just as safe to embed, and parses back to the same document (property)', () => {
      fc.assert(fc.property(hostileText, (text) => {
        const model = reportWithEverywhere(text);
        const json = renderJson(model);
        expect(json).not.toMatch(SCRIPT_BREAKERS);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(toReportDocument(model))));
      }), { numRuns: 200 });
    });
  });

  describe('HTML report', () => {
    it('carries no element, handler or link from any hostile text (property)', () => {
      fc.assert(fc.property(hostileText, (text) => {
        const document = parseHtml(renderHtml(reportWithEverywhere(text)));
        assertNoLiveMarkup(document);
        expect(elements(document, (element) => element.tagName === 'script')).toHaveLength(0);
      }), { numRuns: 200 });
    });

    it('links nothing but http(s) from a rationale: no data: or relative links', () => {
      const rationale = '[a](data:image/png;base64,iVBORw0KGgo=) [b](/api/v1/users) [c](mailto:x@example.org) [d](https://ok.example/)';
      const document = parseHtml(renderHtml(reportWithEverywhere(rationale)));
      expect(elements(document, (element) => element.tagName === 'a').map((a) => attr(a, 'href')).filter((href) => !href?.startsWith('#'))).toEqual(
        expect.not.arrayContaining([expect.not.stringMatching(WEB)]),
      );
      expect(elements(document, (element) => element.tagName === 'a').some((a) => attr(a, 'href') === 'https://ok.example/')).toBe(true);
    });
  });

  describe('CSV', () => {
    it('starts no cell with a formula character, for any hostile text (property)', () => {
      fc.assert(fc.property(hostileText, (text) => {
        const csv = renderCsv(reportWithEverywhere(text, 'https://fine.example/'));
        // Cells as a spreadsheet splits them: quoted fields may hold commas and line breaks.
        const cells = csv.replace(/^\uFEFF/, '').match(/("([^"]|"")*"|[^,\r\n]*)(?=,|\r\n|$)/g) ?? [];
        for (const cell of cells) expect(cell.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
      }), { numRuns: 200 });
    });
  });
});
