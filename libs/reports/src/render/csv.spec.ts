import { parse } from 'csv-parse/sync';
import { CSV_COLUMNS, csvHeader, csvRow, renderCsv } from './csv';
import { aClaim, anArticle, aReport, aSource, aVerdict, interpolReport } from './testing/report.factory';

function parseCsv(csv: string): Record<string, string>[] {
  return parse(csv, { bom: true, columns: true, record_delimiter: '\r\n', relax_column_count: false }) as Record<string, string>[];
}

describe('CSV report', () => {
  it('starts with a UTF-8 BOM and the header row of API.md', () => {
    const csv = renderCsv(interpolReport());

    expect(csv.startsWith('\uFEFFarticle_id,article_title,claim_id,quote,claimant,claim_reviewed,verdict,verdict_status,rating_value,rationale,sources,reviewer,published_at\r\n')).toBe(true);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('has one row per claim, claims without a verdict included with empty verdict cells', () => {
    const model = interpolReport();
    const rows = parseCsv(renderCsv(model));

    expect(rows).toHaveLength(model.articles[0].claims.length);
    const unchecked = rows.find((row) => row.quote === '194 member states');
    expect(unchecked).toMatchObject({ verdict: '', verdict_status: '', rating_value: '', rationale: '', reviewer: '', published_at: '' });
  });

  it('ends every record with CRLF', () => {
    const csv = renderCsv(interpolReport());
    const withoutQuotedCells = csv.replace(/"(?:[^"]|"")*"/g, '');

    expect(withoutQuotedCells.split('\r\n').length - 1).toBe(interpolReport().articles[0].claims.length + 1);
    expect(withoutQuotedCells.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('reports the published verdict, its author and its rating value', () => {
    const rows = parseCsv(renderCsv(interpolReport()));
    const corrected = rows.find((row) => row.quote === 'was the "favorite" to lead');

    expect(corrected).toMatchObject({
      verdict: 'Mostly false',
      verdict_status: 'published',
      rating_value: '2',
      reviewer: 'Ana Reviewer',
      published_at: '2026-11-21T09:00:00.000Z',
      claimant: 'The Times',
      claim_reviewed: 'Prokopchuk was the favourite to lead Interpol',
    });
  });

  it('falls back to the latest verdict when none is published', () => {
    const rows = parseCsv(renderCsv(interpolReport()));

    expect(rows.find((row) => row.quote.startsWith('was accused'))).toMatchObject({ verdict: 'Mostly false', verdict_status: 'draft', published_at: '' });
  });

  it('leaves the rating value empty for a rating off the truth axis', () => {
    const rows = parseCsv(renderCsv(interpolReport()));

    expect(rows.find((row) => row.verdict === 'Unsupported')?.rating_value).toBe('');
  });

  it('keeps commas, double quotes, line breaks and Cyrillic intact', () => {
    const claim = aClaim({ quote: 'He said, "no"\r\nand left', claimant: 'Прокопчук', verdicts: [aVerdict({ rationale: 'Line one,\nline "two"' })] });
    const rows = parseCsv(renderCsv(aReport({ articles: [anArticle({ claims: [claim] })] })));

    expect(rows[0]).toMatchObject({ quote: 'He said, "no"\r\nand left', claimant: 'Прокопчук', rationale: 'Line one,\nline "two"' });
  });

  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises a cell starting like a formula: %j', (quote) => {
    const claim = aClaim({ quote, claimant: quote });
    const rows = parseCsv(renderCsv(aReport({ articles: [anArticle({ title: quote, claims: [claim] })] })));

    expect(rows[0].quote).toBe(`'${quote}`);
    expect(rows[0].claimant).toBe(`'${quote}`);
    expect(rows[0].article_title).toBe(`'${quote}`);
  });

  it('lists source URLs separated by spaces', () => {
    const claim = aClaim({ sources: [aSource({}, 'https://a.example/1'), aSource({ stance: 'supports' }, 'https://b.example/2?x=1,2')] });
    const rows = parseCsv(renderCsv(aReport({ articles: [anArticle({ claims: [claim] })] })));

    expect(rows[0].sources).toBe('https://a.example/1 https://b.example/2?x=1,2');
  });

  it('streams: the header and per-article rows add up to the whole report', () => {
    const model = aReport({ articles: [anArticle(), anArticle({ claims: [aClaim(), aClaim()] })] });
    const streamed = csvHeader() + model.articles.map((article) => article.claims.map((claim) => csvRow(article, claim)).join('')).join('');

    expect(streamed).toBe(renderCsv(model));
    expect(Object.keys(parseCsv(streamed)[0])).toEqual([...CSV_COLUMNS]);
  });
});
