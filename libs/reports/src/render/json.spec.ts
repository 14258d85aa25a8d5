import { inertJson } from './inert-json';
import { REPORT_JSON_FORMAT, REPORT_SCHEMA_VERSION, renderJson, toReportDocument } from './json';
import { anArticle, aReport, interpolReport } from './testing/report.factory';

describe('JSON report', () => {
  it('is the whole model with its format and schema version', () => {
    const model = interpolReport();

    const parsed = JSON.parse(renderJson(model)) as Record<string, unknown>;

    expect(parsed).toEqual({ format: REPORT_JSON_FORMAT, schemaVersion: REPORT_SCHEMA_VERSION, ...model });
  });

  it('streams to exactly the document JSON.stringify gives, for none, one and several articles', () => {
    for (const articles of [[], [anArticle()], [anArticle(), anArticle(), anArticle({ claims: [] })]]) {
      const model = aReport({ articles, period: { from: '2026-11-01', to: '2026-12-01' } });

      expect(renderJson(model)).toBe(inertJson(toReportDocument(model), 2));
    }
  });

  it('keeps Unicode as it is', () => {
    expect(renderJson(interpolReport())).toContain('Прокопчук был «фаворитом»');
  });
});
