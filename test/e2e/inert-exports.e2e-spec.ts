import MarkdownIt from 'markdown-it';
import { attr, elements, parseHtml } from '@claimdesk/reports/render/testing/html-tree';
import { binary } from '../support/binary-body';
import { bearer, SignedInUser, TestDesk } from '../support/test-app';

/** Hardening, "Exports are inert": reviewer text reaches every export as text, never as markup or script. */
describe('exports are inert (e2e)', () => {
  const HOSTILE = '</script><script>alert(1)</script> <b onclick="x">raw</b> [click](javascript:alert(1)) [data](data:text/html,x) [vb](vbscript:x) & \u2028 end';
  let desk: TestDesk;
  let reviewer: SignedInUser;
  let editor: SignedInUser;
  let articleId: string;

  beforeAll(async () => {
    desk = await TestDesk.start();
    reviewer = await desk.user('reviewer');
    editor = await desk.user('editor');
    articleId = (await desk.http.post('/api/v1/articles').set(...bearer(reviewer))
      .send({ format: 'text', content: 'The council said rents fell by half.', title: HOSTILE, publisher: HOSTILE }).expect(201)).body.id;
    const claimId = (await desk.http.post(`/api/v1/articles/${articleId}/claims`).set(...bearer(reviewer))
      .send({ selector: { type: 'TextQuoteSelector', exact: 'rents fell by half' }, claimant: HOSTILE, claimReviewed: HOSTILE }).expect(201)).body.id;
    await desk.http.post(`/api/v1/claims/${claimId}/annotations`).set(...bearer(reviewer)).send({ body: HOSTILE }).expect(201);
    await desk.http.post(`/api/v1/claims/${claimId}/sources`).set(...bearer(reviewer))
      .send({ source: { url: 'https://stats.example/rents', title: HOSTILE, publisher: HOSTILE }, stance: 'refutes', excerpt: HOSTILE, note: HOSTILE }).expect(201);
    const verdict = (await desk.http.post(`/api/v1/claims/${claimId}/verdicts`).set(...bearer(reviewer)).send({ rating: 'false', rationale: `${HOSTILE}\n\n- ${HOSTILE}` }).expect(201)).body;
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/submit`).set(...bearer(reviewer)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/approve`).set(...bearer(editor)).expect(200);
    await desk.http.post(`/api/v1/verdicts/${verdict.id}/publish`).set(...bearer(editor)).expect(200);
  });
  afterAll(() => desk.close());

  const report = (format: string) => desk.http.get(`/api/v1/articles/${articleId}/report`).query({ format }).set(...bearer(reviewer)).expect(200);
  const WEB = /^(https?:\/\/|#)/;
  const liveMarkup = (html: string) => elements(parseHtml(html), (element) =>
    ['script', 'iframe', 'img', 'b', 'object', 'embed'].includes(element.tagName) ||
    element.attrs.some((a) => a.name.startsWith('on') || ((a.name === 'href' || a.name === 'src') && !WEB.test(a.value))),
  ).map((element) => `<${element.tagName} ${element.attrs.map((a) => `${a.name}="${a.value}"`).join(' ')}>`);

  it('Markdown: no raw HTML and no javascript:/data:/vbscript: link, even in a permissive renderer (failed on main: the rationale went out raw)', async () => {
    const markdown = (await report('markdown')).text;
    const renderer = new MarkdownIt({ html: true });
    renderer.validateLink = () => true;
    expect(liveMarkup(renderer.render(markdown))).toEqual([]);
    expect(markdown).not.toMatch(/(?<!\\)\]\((?!<?https?:)/i);
  });

  it('ClaimReview: <, >, & and U+2028 escaped, so embedding it in a <script> element runs nothing (failed on main: </script> went out raw)', async () => {
    const text = (await report('claimreview')).text;
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    const page = `<script type="application/ld+json">${text}</script>`;
    expect(elements(parseHtml(page), (element) => element.tagName === 'script')).toHaveLength(1);
    expect(JSON.parse(text)[0].claimReviewed).toBe(HOSTILE);
  });

  it('JSON report and W3C export: just as safe to embed, the text unchanged once parsed', async () => {
    const json = (await report('json')).text;
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json).articles[0].title).toBe(HOSTILE);
    const w3c = (await desk.http.get(`/api/v1/articles/${articleId}/annotations`).set(...bearer(reviewer)).expect(200)).text;
    expect(w3c).not.toMatch(/[<>&\u2028\u2029]/);
    expect(w3c.length).toBeGreaterThan(0);
    expect(JSON.stringify(JSON.parse(w3c))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
  });

  it('HTML: every field escaped, no element, handler or non-web link', async () => {
    const html = (await report('html')).text;
    expect(liveMarkup(html)).toEqual([]);
    expect(elements(parseHtml(html), (element) => element.tagName === 'a').map((a) => attr(a, 'href'))).not.toContainEqual(expect.stringMatching(/script:|^data:/i));
  });

  it('CSV: cells with formulas neutralised, text kept', async () => {
    const csv = (await report('csv')).text;
    expect(csv).toContain('</script>');
    expect(csv.split('\r\n')[1]).not.toMatch(/(^|,)"?[=+\-@]/);
  });

  it('PDF: no script action and no link but to the web', async () => {
    const pdf = ((await report('pdf').buffer(true).parse(binary)).body as Buffer).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).not.toMatch(/\/JavaScript|\/JS\b|\/Launch/);
    for (const uri of pdf.match(/\/URI \(([^)]*)\)/g) ?? []) expect(uri).toMatch(/^\/URI \(https?:/);
  });
});
