import type { ArticleInParts, ArticleReport, ClaimReport } from '../report.model';
import { REPORT_CHUNK, REPORT_FORMATS, REPORT_FORMAT_NAMES, isReportFormat, renderReport, reportFileName, streamReport } from './index';
import { aClaim, anArticle, aReport, interpolReport } from './testing/report.factory';

const aTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function* oneByOne<T>(articles: T[]): AsyncGenerator<T> {
  for (const article of articles) {
    await aTurn();
    yield article;
  }
}

/** An article whose claims are read one at a time, as the period report reads them in batches; `read` counts them. */
function inParts(article: ArticleReport, read: { claims: number } = { claims: 0 }): ArticleInParts {
  const { claims, ...head } = article;
  return {
    article: head,
    claimCount: claims.length,
    async *claims(): AsyncGenerator<ClaimReport> {
      for (const claim of claims) {
        await aTurn();
        read.claims++;
        yield claim;
      }
    },
  };
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

  it.each(REPORT_FORMAT_NAMES.filter((format) => format !== 'pdf'))('streams %s to what renderReport gives, whole articles or in parts', async (format) => {
    const model = aReport({ articles: [interpolReport().articles[0], anArticle(), anArticle({ claims: [] }), anArticle({ claims: [aClaim(), aClaim({ currentVerdict: null, verdicts: [] })] })], period: { from: '2026-11-01', to: '2026-12-01' } });
    const { articles, ...header } = model;
    const expected = await renderReport(format, model);

    expect((await collect(streamReport(format, header, oneByOne(articles)))).join('')).toBe(expected);
    expect((await collect(streamReport(format, header, oneByOne(articles.map((article) => inParts(article)))))).join('')).toBe(expected);
  });

  it('streams a PDF as one buffer', async () => {
    const { articles, ...header } = aReport();

    const pieces = await collect(streamReport('pdf', header, oneByOne(articles.map((article) => inParts(article)))));

    expect(pieces).toHaveLength(1);
    expect(Buffer.isBuffer(pieces[0]) && pieces[0].subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it.each(['json', 'csv', 'markdown'] as const)('streams an article of 2,000 claims in %s as chunks of a few kilobytes, reading its claims as they are written (failed on main: the article was one piece)', async (format) => {
    const { articles: [sample], ...header } = aReport();
    const read = { claims: 0 };
    const article = inParts({ ...sample, claims: Array.from({ length: 2_000 }, (_, i) => aClaim({ id: `claim-${i}` })) }, read);

    let pieces = 0;
    const readAtEachPiece: number[] = [];
    const passes = format === 'markdown' ? 2 : 1;
    for await (const piece of streamReport(format, header, oneByOne([article]))) {
      pieces++;
      readAtEachPiece.push(read.claims);
      expect(typeof piece).toBe('string');
      // A chunk, plus the one claim that made it full, at most (a claim's piece is under 8,000 units here).
      expect(piece.length).toBeLessThan(REPORT_CHUNK + 8_000);
    }
    // The report's head goes first, then a chunk as soon as a few claims fill it: not the whole article first.
    expect(readAtEachPiece[1]).toBeLessThan(500);
    expect(read.claims).toBe(2_000 * passes);
    expect(pieces).toBeGreaterThan(5);
  });

  it('streams a period report with flat memory: an article is read only when the one before it is written', async () => {
    const { articles: [sample], ...header } = aReport();
    let read = 0;
    async function* manyArticles(): AsyncGenerator<ArticleInParts> {
      for (let i = 0; i < 1000; i++) {
        read++;
        yield inParts(sample);
      }
    }

    let sent = 0;
    const rowLength = (await renderReport('csv', aReport({ articles: [sample] }))).length - (await renderReport('csv', aReport({ articles: [] }))).length;
    for await (const piece of streamReport('csv', header, manyArticles())) {
      sent += (piece as string).length;
      // What was read is what was sent, but for the chunk being filled and the article being written.
      expect(read * rowLength).toBeLessThanOrEqual(sent + REPORT_CHUNK + rowLength);
    }
    expect(read).toBe(1000);
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
