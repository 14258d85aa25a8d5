import { renderPdf } from './pdf';
import { pdfPageTexts } from './testing/pdf-text';
import { aClaim, anArticle, aReport, interpolReport } from './testing/report.factory';

describe('PDF report', () => {
  const model = interpolReport();
  let pages: string[];
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderPdf(model);
    pages = pdfPageTexts(pdf);
  });

  it('is a PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
  });

  it('numbers every page "Page n of N"', () => {
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((text, index) => expect(text).toContain(`Page ${index + 1} of ${pages.length}`));
  });

  it('keeps Cyrillic and Greek text readable (embedded DejaVu Sans)', () => {
    const text = pages.join('\n');

    expect(text).toContain('Прокопчук был «фаворитом»');
    expect(text).toContain('Αλέξανδρος Προκόπτσουκ');
  });

  it('has the article header, the summary, each claim in its sentence, verdicts, sources and corrections', () => {
    const text = pages.join('\n').replace(/\s+/g, ' ');

    expect(text).toContain('Russian Loses Interpol Presidency After US Pushes Opposing Vote');
    expect(text).toMatch(/# Claim Verdict Reviewer Date/);
    expect(text).toContain('was the "favorite" to lead');
    expect(text).toContain('Verdict: Mostly false (2 on 1–5)');
    expect(text).toContain('Interpol never ranked candidates.');
    expect(text).toContain('• The Times: "frontrunner"');
    expect(text).toContain('Refutes: Russian favourite to lead Interpol');
    expect(text).toContain('Correction: The first verdict misread The Times.');
    expect(text).toContain('Retracted because: Misread the source.');
    expect(text).toContain('This quote is no longer found in the current text of the article.');
  });

  it('lists a claim’s earlier words with the editor’s note under Corrections', async () => {
    const correction = { quote: 'was the favourite', note: 'The claim covers the whole phrase.', correctedBy: { id: 'u9', displayName: 'Ezra Editor' }, correctedAt: '2026-11-21T09:00:00.000Z' };
    const text = pdfPageTexts(await renderPdf(aReport({ articles: [anArticle({ claims: [aClaim({ corrections: [correction] })] })] }))).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Corrections • 2026-11-21: earlier words “was the favourite”, corrected by Ezra Editor. Why: The claim covers the whole phrase.');
  });

  it('is the same file for the same report', async () => {
    const again = await renderPdf(model);

    expect(again.equals(pdf)).toBe(true);
  });

  it('breaks a long report over pages without losing a claim', async () => {
    const claims = Array.from({ length: 60 }, (_, i) => aClaim({ quote: `claim number ${i + 1}` }));
    const long = pdfPageTexts(await renderPdf(aReport({ articles: [anArticle({ claims })] })));
    const text = long.join('\n');

    expect(long.length).toBeGreaterThan(5);
    for (let i = 1; i <= 60; i++) expect(text).toContain(`Claim ${i}\n`);
    long.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${long.length}`));
  });
});
