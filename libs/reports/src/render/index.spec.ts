import type { ArticleReport } from '../report.model';
import { REPORT_FORMATS, REPORT_FORMAT_NAMES, isReportFormat, renderReport, reportFileName, streamReport } from './index';
import { anArticle, aReport, interpolReport } from './testing/report.factory';

async function* oneByOne(articles: ArticleReport[]): AsyncGenerator<ArticleReport> {
  for (const article of articles) {
    await new Promise((resolve) => setImmediate(resolve));
    yield article;
  }
}

async function collect(pieces: AsyncIterable<string | Buffer>): Promise<Array<string | Buffer>> {
  const all: Array<string | Buffer> = [];
  for await (const piece of pieces) all.push(piece);
  return all;
}

describe('report formats', () => {
  it('names the content type and file extension of every format, every text format in UTF-8', () => {
    expect(REPORT_FORMATS).toEqual({
      json: { mediaType: 'application/json', contentType: 'application/json; charset=utf-8', extension: 'json' },
      markdown: { mediaType: 'text/markdown', contentType: 'text/markdown; charset=utf-8', extension: 'md' },
      html: { mediaType: 'text/html', contentType: 'text/html; charset=utf-8', extension: 'html' },
      csv: { mediaType: 'text/csv', contentType: 'text/csv; charset=utf-8', extension: 'csv' },
      pdf: { mediaType: 'application/pdf', contentType: 'application/pdf', extension: 'pdf' },
      claimreview: { mediaType: 'application/ld+json', contentType: 'application/ld+json; charset=utf-8', extension: 'jsonld' },
    });
    expect(isReportFormat('pdf')).toBe(true);
    expect(isReportFormat('docx')).toBe(false);
  });

  it.each(REPORT_FORMAT_NAMES.filter((format) => format !== 'pdf'))('streams %s piece by piece to what renderReport gives', async (format) => {
    const model = aReport({ articles: [interpolReport().articles[0], anArticle(), anArticle({ claims: [] })], period: { from: '2026-11-01', to: '2026-12-01' } });
    const { articles, ...header } = model;

    const pieces = await collect(streamReport(format, header, oneByOne(articles)));

    expect(pieces.length).toBeGreaterThanOrEqual(articles.length);
    expect(pieces.join('')).toBe(await renderReport(format, model));
  });

  it('streams a PDF as one buffer', async () => {
    const { articles, ...header } = aReport();

    const pieces = await collect(streamReport('pdf', header, oneByOne(articles)));

    expect(pieces).toHaveLength(1);
    expect(Buffer.isBuffer(pieces[0]) && pieces[0].subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('streams a period report with flat memory: each piece is written before the next article is read', async () => {
    const { articles: [sample], ...header } = aReport();
    let read = 0;
    async function* manyArticles(): AsyncGenerator<ArticleReport> {
      for (let i = 0; i < 1000; i++) {
        read++;
        yield sample;
      }
    }

    let pieces = 0;
    for await (const piece of streamReport('csv', header, manyArticles())) {
      pieces++;
      // The header, then one piece per article: never more than one article ahead.
      expect(read).toBeLessThanOrEqual(pieces);
      expect(typeof piece).toBe('string');
    }
    expect(pieces).toBe(1001);
  });
});

describe(reportFileName.name, () => {
  it('names a one-article report after its title (cut at a word end) and the day it was made', () => {
    expect(reportFileName(interpolReport(), 'markdown')).toBe('claimdesk-report-russian-loses-interpol-presidency-after-us-pushes-opposing-2026-11-29.md');
  });

  it('is ASCII for any title', () => {
    const name = reportFileName(aReport({ articles: [anArticle({ title: 'Прокопчук: «Ελλάδα» — café ½ 😀 / ..\\evil' })] }), 'pdf');

    expect(name).toBe('claimdesk-report-prokopchuk-ellada-cafe-1-2-evil-2026-11-29.pdf');
  });

  it('falls back to the article id when the title has no letters to keep', () => {
    const article = anArticle({ id: 'abcdef12-0000-4000-8000-000000000000', title: '😀😀' });

    expect(reportFileName(aReport({ articles: [article] }), 'csv')).toBe('claimdesk-report-article-abcdef12-2026-11-29.csv');
  });

  it('names a period report after its dates', () => {
    const model = aReport({ period: { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01' }, articles: [anArticle(), anArticle()] });

    expect(reportFileName(model, 'claimreview')).toBe('claimdesk-report-2026-11-01-to-2026-12-01.jsonld');
  });
});
