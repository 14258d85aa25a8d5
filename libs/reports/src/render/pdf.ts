import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import type { ArticleReport, ClaimReport, ReportHeader, ReportedSource, ReportedVerdict, VerdictReport } from '../report.model';
import {
  ANCHOR_REMARKS,
  STANCE_LABELS,
  snapshotLine,
  VERDICT_STATUS_LABELS,
  dateOnly,
  dateTime,
  ratingLine,
  ratingTone,
  verdictDate,
  verdictHistory,
  verdictStatusLine,
  CORRECTIONS_HEADING,
  correctionLine,
} from './labels';
import { isWebUrl, reviewUrl } from './links';
import { reviewerMarkdownToParagraphs } from './reviewer-markdown';

/**
 * The PDF report, made in-process with pdfkit. DejaVu Sans is embedded (subset) because the
 * standard PDF fonts cover Latin-1 only: quotes in Cyrillic or Greek must survive. Pages are
 * buffered so that every page can say "Page 2 of 5" once the count is known, which means a PDF is
 * held in memory until it is complete (unlike the text formats, which stream).
 */

const FONT_FILES = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' } as const;
type FontName = keyof typeof FONT_FILES;

let fontDirectory: string | undefined;

/**
 * The DejaVu fonts of the `dejavu-fonts-ttf` package. A bundler may turn `require.resolve` into a
 * module id, so the result is checked, with node_modules under the working directory as fallback.
 */
function fontPath(font: FontName): string {
  if (!fontDirectory) {
    const candidates: string[] = [];
    try {
      // createRequire resolves from this file's real place, also inside a webpack bundle.
      candidates.push(join(dirname(createRequire(__filename).resolve('dejavu-fonts-ttf/package.json')), 'ttf'));
    } catch {
      // not resolvable from here: try the fallback
    }
    candidates.push(join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf'));
    fontDirectory = candidates.find((dir) => existsSync(join(dir, FONT_FILES.body)));
    if (!fontDirectory) throw new Error(`DejaVu fonts not found (looked in ${candidates.join(', ')}); is dejavu-fonts-ttf installed?`);
  }
  return join(fontDirectory, FONT_FILES[font]);
}

const MARGIN = 56;
const COLOURS = { ink: '#1d1d1f', muted: '#5f6368', rule: '#c8ccd2', link: '#0b57d0', false: '#b3261e', mixed: '#a35c00', true: '#1b6e3a', none: '#5f6368' };

type Doc = PDFKit.PDFDocument;

function text(doc: Doc, value: string, options: PDFKit.Mixins.TextOptions & { font?: FontName; size?: number; colour?: string } = {}): void {
  const { font = 'body', size = 10, colour = COLOURS.ink, ...rest } = options;
  doc.font(font).fontSize(size).fillColor(colour).text(value, { width: contentWidth(doc), ...rest });
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` still fits on this one (keeps headings with what follows). */
function keepSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function heading(doc: Doc, value: string, size: number): void {
  doc.font('bold').fontSize(size);
  keepSpace(doc, doc.heightOfString(value, { width: contentWidth(doc) }) + 60);
  text(doc, value, { font: 'bold', size });
  doc.moveDown(0.4);
}

function rule(doc: Doc): void {
  const y = doc.y + 2;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor(COLOURS.rule).stroke();
  doc.y = y + 6;
}

const SUMMARY_COLUMNS = [
  { title: '#', width: 22 },
  { title: 'Claim', width: 0 },
  { title: 'Verdict', width: 92 },
  { title: 'Reviewer', width: 88 },
  { title: 'Date', width: 64 },
] as const;

function summaryTable(doc: Doc, article: ArticleReport): void {
  const left = doc.page.margins.left;
  const gap = 6;
  const fixed = SUMMARY_COLUMNS.reduce((sum, column) => sum + column.width, 0) + gap * (SUMMARY_COLUMNS.length - 1);
  const widths = SUMMARY_COLUMNS.map((column) => column.width || contentWidth(doc) - fixed);

  const row = (cells: string[], font: FontName, colours: string[] = []): void => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i] })));
    if (doc.y + height + 6 > bottom(doc)) {
      doc.addPage();
      if (font !== 'bold') row(SUMMARY_COLUMNS.map((column) => column.title), 'bold');
      doc.font(font).fontSize(9);
    }
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.fillColor(colours[i] ?? COLOURS.ink).text(cell, x, top, { width: widths[i] });
      x += widths[i] + gap;
    });
    doc.x = left;
    doc.y = top + height + 3;
    rule(doc);
  };

  row(SUMMARY_COLUMNS.map((column) => column.title), 'bold');
  article.claims.forEach((claim, index) => {
    const verdict = claim.currentVerdict;
    row(
      [
        String(index + 1),
        claim.quote.replace(/\s+/g, ' '),
        verdict ? (verdict.status === 'published' ? verdict.ratingLabel : `${verdict.ratingLabel} (${VERDICT_STATUS_LABELS[verdict.status].toLowerCase()})`) : 'No verdict yet',
        verdict?.author.displayName ?? '',
        verdict ? verdictDate(verdict) : '',
      ],
      'body',
      [COLOURS.muted, COLOURS.ink, verdict ? COLOURS[ratingTone(verdict)] : COLOURS.muted],
    );
  });
  doc.moveDown(0.5);
}

function quotedInSentence(doc: Doc, claim: ClaimReport): void {
  const width = contentWidth(doc) - 14;
  const x = doc.page.margins.left + 14;
  doc.font('body').fontSize(10.5);
  keepSpace(doc, doc.heightOfString(`${claim.contextBefore}${claim.quote}${claim.contextAfter}`, { width }) + 8);
  const top = doc.y;
  doc.fillColor(COLOURS.ink).font('body').text(claim.contextBefore, x, top, { width, continued: true });
  doc.font('bold').text(claim.quote, { underline: true, continued: true });
  doc.font('body').text(claim.contextAfter || ' ', { underline: false });
  doc.moveTo(doc.page.margins.left + 3, top).lineTo(doc.page.margins.left + 3, doc.y).lineWidth(2).strokeColor(COLOURS.rule).stroke();
  doc.x = doc.page.margins.left;
  doc.moveDown(0.5);
}

function labelled(doc: Doc, label: string, value: string): void {
  doc.font('bold').fontSize(10).fillColor(COLOURS.ink).text(`${label}: `, { width: contentWidth(doc), continued: true });
  doc.font('body').text(value);
}

function verdictBlock(doc: Doc, verdict: ReportedVerdict): void {
  doc.font('bold').fontSize(11).fillColor(COLOURS.ink).text('Verdict: ', { width: contentWidth(doc), continued: true });
  doc.fillColor(COLOURS[ratingTone(verdict)]).text(ratingLine(verdict));
  const about = [verdictStatusLine(verdict)];
  about.push(`by ${verdict.author.displayName}`);
  if (verdict.reviewer) about.push(`reviewed by ${verdict.reviewer.displayName}`);
  if (verdict.confidence !== null) about.push(`confidence ${Math.round(verdict.confidence * 100)} %`);
  text(doc, about.join(' · '), { size: 9, colour: COLOURS.muted });
  if (verdict.correctionNote) text(doc, `Correction: ${verdict.correctionNote}`, { font: 'italic', size: 10, colour: COLOURS.mixed });
  doc.moveDown(0.3);
  for (const paragraph of reviewerMarkdownToParagraphs(verdict.rationale ?? '')) {
    text(doc, paragraph, { size: 10 });
    doc.moveDown(0.3);
  }
}

function sourceItem(doc: Doc, attached: ReportedSource): void {
  const { source } = attached;
  keepSpace(doc, 40);
  doc.font('bold').fontSize(10).fillColor(COLOURS[attached.stance === 'refutes' ? 'false' : attached.stance === 'supports' ? 'true' : 'muted']);
  doc.text(`• ${STANCE_LABELS[attached.stance]}: `, { width: contentWidth(doc), continued: true });
  const link = isWebUrl(source.url) ? source.url : undefined;
  doc.font('body').fillColor(link ? COLOURS.link : COLOURS.ink).text(source.title ?? source.url, { link, underline: Boolean(link) });
  const about = [source.publisher, dateOnly(source.publishedAt), source.kind, source.title ? source.url : null].filter(Boolean).join(', ');
  const indent = { indent: 10 };
  if (about) text(doc, about, { size: 8.5, colour: COLOURS.muted, ...indent });
  if (isWebUrl(source.archiveUrl)) text(doc, `Archived copy: ${source.archiveUrl}`, { size: 8.5, colour: COLOURS.link, link: source.archiveUrl, ...indent });
  if (attached.snapshot) text(doc, snapshotLine(attached.snapshot), { size: 8.5, colour: COLOURS.muted, ...indent });
  if (attached.excerpt) text(doc, `“${attached.excerpt}”`, { font: 'italic', size: 9.5, ...indent });
  if (attached.note) text(doc, `Note: ${attached.note}`, { size: 9.5, ...indent });
  doc.moveDown(0.2);
}

function historyItem(doc: Doc, verdict: ReportedVerdict): void {
  let line = `• ${verdictDate(verdict)}: ${verdict.ratingLabel} — ${VERDICT_STATUS_LABELS[verdict.status]}, by ${verdict.author.displayName}`;
  if (verdict.correctionNote) line += `. Correction: ${verdict.correctionNote}`;
  if (verdict.status === 'retracted' && verdict.reviewNote) line += `. Retracted because: ${verdict.reviewNote}`;
  text(doc, line, { size: 9.5 });
}

function claimSection(doc: Doc, claim: ClaimReport, number: number, header: ReportHeader): void {
  heading(doc, `Claim ${number}`, 12);
  quotedInSentence(doc, claim);
  const remark = ANCHOR_REMARKS[claim.anchor];
  if (remark) text(doc, remark, { font: 'italic', size: 9, colour: COLOURS.mixed });
  if (claim.claimant) labelled(doc, 'Claimant', claim.claimant);
  if (claim.claimReviewed) labelled(doc, 'Claim reviewed', claim.claimReviewed);
  if (claim.tags.length) labelled(doc, 'Tags', claim.tags.join(', '));
  doc.moveDown(0.3);
  const verdict = claim.currentVerdict;
  if (verdict) verdictBlock(doc, verdict);
  else text(doc, 'No verdict yet.', { font: 'italic', colour: COLOURS.muted });
  if (claim.sources.length) {
    doc.moveDown(0.3);
    keepSpace(doc, 50);
    text(doc, 'Sources', { font: 'bold', size: 10 });
    claim.sources.forEach((attached) => sourceItem(doc, attached));
  }
  const history = verdictHistory(claim.verdicts, verdict);
  if (history.length) {
    doc.moveDown(0.3);
    keepSpace(doc, 40);
    text(doc, 'Corrections and earlier verdicts', { font: 'bold', size: 10 });
    history.forEach((earlier) => historyItem(doc, earlier));
  }
  if (claim.corrections.length) {
    doc.moveDown(0.3);
    keepSpace(doc, 40);
    text(doc, CORRECTIONS_HEADING, { font: 'bold', size: 10 });
    claim.corrections.forEach((correction) => text(doc, `• ${correctionLine(correction, (plain) => plain)}`, { size: 9.5 }));
  }
  const review = reviewUrl(header.reviewUrlTemplate, claim.id);
  if (verdict?.status === 'published' && isWebUrl(review)) text(doc, `Review: ${review}`, { size: 9, colour: COLOURS.link, link: review });
  doc.moveDown(0.8);
}

function articleSection(doc: Doc, article: ArticleReport, header: ReportHeader, index: number): void {
  if (index > 0) doc.addPage();
  heading(doc, article.title, 16);
  if (article.publisher) labelled(doc, 'Publisher', article.publisher);
  if (article.authors.length) labelled(doc, 'Authors', article.authors.join(', '));
  if (article.publishedAt) labelled(doc, 'Published', dateOnly(article.publishedAt));
  if (article.url) {
    doc.font('bold').fontSize(10).fillColor(COLOURS.ink).text('Original: ', { width: contentWidth(doc), continued: true });
    doc.font('body').fillColor(isWebUrl(article.url) ? COLOURS.link : COLOURS.ink).text(article.url, { link: isWebUrl(article.url) ? article.url : undefined });
  }
  labelled(doc, 'Revision', String(article.revision));
  doc.moveDown(0.8);
  if (!article.claims.length) {
    text(doc, 'No claims were marked in this article.', { font: 'italic', colour: COLOURS.muted });
    return;
  }
  heading(doc, 'Summary', 12);
  summaryTable(doc, article);
  article.claims.forEach((claim, i) => claimSection(doc, claim, i + 1, header));
}

/** Writes "Page n of N" at the foot of every page, now that N is known. */
function numberPages(doc: Doc, organisation: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const savedBottom = margins.bottom;
    // Writing below the bottom margin would make pdfkit start a new page; lift the margin for the footer.
    margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor(COLOURS.muted);
    doc.text(`${organisation} — verdict report`, margins.left, doc.page.height - 36, { width: contentWidth(doc), align: 'left', lineBreak: false });
    doc.text(`Page ${i - range.start + 1} of ${range.count}`, margins.left, doc.page.height - 36, { width: contentWidth(doc), align: 'right', lineBreak: false });
    margins.bottom = savedBottom;
  }
}

/** The PDF of a report whose articles arrive one at a time (a period report). */
export async function renderPdfFrom(header: ReportHeader, articles: AsyncIterable<ArticleReport> | Iterable<ArticleReport>): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `Verdict report — ${header.organisation.name}`,
      Author: header.organisation.name,
      Creator: 'ClaimDesk',
      Producer: 'ClaimDesk',
      // A report of the same data is the same file, whenever it is made.
      CreationDate: new Date(header.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const font of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(font, fontPath(font));

  text(doc, 'Verdict report', { font: 'bold', size: 20 });
  const about = [`${header.organisation.name}`, `generated ${dateTime(header.generatedAt)}`];
  if (header.period) about.push(`verdicts published from ${dateOnly(header.period.from)} to ${dateOnly(header.period.to)} (exclusive)`);
  text(doc, about.join(' · '), { size: 9, colour: COLOURS.muted });
  doc.moveDown(1);

  let count = 0;
  for await (const article of articles) articleSection(doc, article, header, count++);
  if (count === 0) text(doc, 'No verdicts in this report.', { font: 'italic', colour: COLOURS.muted });

  numberPages(doc, header.organisation.name);
  doc.end();
  return finished;
}

export function renderPdf(model: VerdictReport): Promise<Buffer> {
  const { articles, ...header } = model;
  return renderPdfFrom(header, articles);
}
