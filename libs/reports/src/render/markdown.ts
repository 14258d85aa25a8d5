import type { ClaimReport, ReportHeader, ReportedSource, ReportedVerdict, VerdictReport } from '../report.model';
import {
  ANCHOR_REMARKS,
  STANCE_LABELS,
  snapshotLine,
  VERDICT_STATUS_LABELS,
  dateOnly,
  dateTime,
  ratingLine,
  verdictDate,
  verdictHistory,
  verdictStatusLine,
  CORRECTIONS_HEADING,
  correctionLine,
} from './labels';
import { isWebUrl, reviewUrl } from './links';
import { ArticleLayout, articleFromLayout, ReportWriter, writeReport } from './report-writer';

/**
 * Escapes user text for a place inside a Markdown line (a paragraph, a quote, a table cell): it
 * cannot start a heading or list, open emphasis, code, a link or HTML, or end a table cell. Line breaks
 * become spaces, since a line break would end a table row.
 */
export function escapeMarkdownInline(text: string): string {
  return (
    text
      // Each white-space run is matched once, whole (`\s*[\r\n]+\s*` would retry every start of a long run).
      .replace(/\s+/g, (run) => (/[\r\n]/.test(run) ? ' ' : run))
      .replace(/[\\`*_[\]<>|~&]/g, (char) => `\\${char}`)
      // At the start of a line these would open a heading, a list or a setext underline: `\#`, `1\.`, `\-`.
      .replace(/^(\s*)(\d*)([#+=-]|(?<=\d)[.)])/, '$1$2\\$3')
  );
}

const LIST_ITEM = /^\s*([-*+]|\d{1,9}[.)])\s+(.*)$/;

/**
 * Reviewer-written text of several paragraphs (a rationale), escaped like any other user text, but
 * keeping its shape: paragraphs stay paragraphs and `-`, `*`, `+` or `1.` items stay list items. Its
 * Markdown marks show as written; none of it becomes HTML, a link, an image or code.
 */
export function escapeMarkdownBlock(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
  return paragraphs
    .map((paragraph) => paragraph.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
      const item = LIST_ITEM.exec(line);
      if (!item) return escapeMarkdownInline(line);
      return `${/\d/.test(item[1]) ? `${item[1].slice(0, -1)}.` : '-'} ${escapeMarkdownInline(item[2])}`;
    }).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

function link(text: string, url: string | null): string {
  if (!isWebUrl(url)) return escapeMarkdownInline(text);
  // The pointy-bracket destination takes any URL whose `<`, `>` and spaces are percent-encoded, as `href` does.
  return `[${escapeMarkdownInline(text)}](<${new URL(url).href}>)`;
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell || ' ').join(' | ')} |`;
}

const SUMMARY_HEAD = [tableRow(['#', 'Claim', 'Verdict', 'Reviewer', 'Date']), '|---:|---|---|---|---|'];

/** A claim's row in its article's summary table; `position` counts from 0. */
function summaryRow(claim: ClaimReport, position: number): string {
  const verdict = claim.currentVerdict;
  return tableRow([
    String(position + 1),
    escapeMarkdownInline(claim.quote),
    verdict ? escapeMarkdownInline(verdict.status === 'published' ? verdict.ratingLabel : `${verdict.ratingLabel} (${VERDICT_STATUS_LABELS[verdict.status].toLowerCase()})`) : 'No verdict yet',
    verdict ? escapeMarkdownInline(verdict.author.displayName) : '',
    verdict ? verdictDate(verdict) : '',
  ]);
}

function quotedInSentence(claim: ClaimReport): string {
  const before = escapeMarkdownInline(claim.contextBefore);
  const after = escapeMarkdownInline(claim.contextAfter);
  const quote = escapeMarkdownInline(claim.quote);
  // `**` must touch the quote's first and last characters to count as emphasis.
  const marked = quote.trim() ? `**${quote.trim()}**` : quote;
  // Leading white space would turn the quote line into a code block.
  return `> ${`${before}${quote.startsWith(' ') ? ' ' : ''}${marked}${quote.endsWith(' ') ? ' ' : ''}${after}`.trim()}`;
}

function verdictLine(verdict: ReportedVerdict): string {
  const parts = [`**Verdict: ${escapeMarkdownInline(ratingLine(verdict))}**`, verdictStatusLine(verdict)];
  parts.push(`by ${escapeMarkdownInline(verdict.author.displayName)}`);
  if (verdict.reviewer) parts.push(`reviewed by ${escapeMarkdownInline(verdict.reviewer.displayName)}`);
  if (verdict.confidence !== null) parts.push(`confidence ${Math.round(verdict.confidence * 100)} %`);
  return parts.join(' · ');
}

function sourceItem(attached: ReportedSource): string {
  const { source } = attached;
  let item = `- ${STANCE_LABELS[attached.stance]}: ${link(source.title ?? source.url, source.url)}`;
  const about = [source.publisher, dateOnly(source.publishedAt), source.kind].filter(Boolean).map((part) => escapeMarkdownInline(String(part)));
  if (about.length) item += ` — ${about.join(', ')}`;
  if (isWebUrl(source.archiveUrl)) item += ` ([archived copy](<${new URL(source.archiveUrl).href}>))`;
  if (attached.snapshot) item += `\n  ${snapshotLine(attached.snapshot)}`;
  if (attached.excerpt) item += `\n  “${escapeMarkdownInline(attached.excerpt)}”`;
  if (attached.note) item += `\n  Note: ${escapeMarkdownInline(attached.note)}`;
  return item;
}

function historyItem(verdict: ReportedVerdict): string {
  let item = `- ${verdictDate(verdict)}: ${escapeMarkdownInline(verdict.ratingLabel)} — ${VERDICT_STATUS_LABELS[verdict.status]}, by ${escapeMarkdownInline(verdict.author.displayName)}`;
  if (verdict.correctionNote) item += `. Correction: ${escapeMarkdownInline(verdict.correctionNote)}`;
  if (verdict.status === 'retracted' && verdict.reviewNote) item += `. Retracted because: ${escapeMarkdownInline(verdict.reviewNote)}`;
  return item;
}

function claimSection(claim: ClaimReport, number: number, header: ReportHeader): string[] {
  const lines = [`### Claim ${number}`, '', quotedInSentence(claim), ''];
  const remark = ANCHOR_REMARKS[claim.anchor];
  if (remark) lines.push(`*${remark}*`, '');
  const facts: string[] = [];
  if (claim.claimant) facts.push(`**Claimant:** ${escapeMarkdownInline(claim.claimant)}`);
  if (claim.claimReviewed) facts.push(`**Claim reviewed:** ${escapeMarkdownInline(claim.claimReviewed)}`);
  if (claim.tags.length) facts.push(`**Tags:** ${claim.tags.map(escapeMarkdownInline).join(', ')}`);
  if (facts.length) lines.push(facts.join('  \n'), '');

  const verdict = claim.currentVerdict;
  if (!verdict) {
    lines.push('*No verdict yet.*', '');
  } else {
    lines.push(verdictLine(verdict), '');
    if (verdict.correctionNote) lines.push(`*Correction:* ${escapeMarkdownInline(verdict.correctionNote)}`, '');
    if (verdict.rationale?.trim()) lines.push(escapeMarkdownBlock(verdict.rationale), '');
  }
  if (claim.sources.length) lines.push('**Sources**', '', ...claim.sources.map(sourceItem), '');
  const history = verdictHistory(claim.verdicts, verdict);
  if (history.length) lines.push('**Corrections and earlier verdicts**', '', ...history.map(historyItem), '');
  if (claim.corrections.length) lines.push(`**${CORRECTIONS_HEADING}**`, '', ...claim.corrections.map((c) => `- ${correctionLine(c, escapeMarkdownInline)}`), '');
  const review = reviewUrl(header.reviewUrlTemplate, claim.id);
  if (verdict?.status === 'published' && isWebUrl(review)) lines.push(`Review: <${new URL(review).href}>`, '');
  return lines;
}

/** Lines as Markdown text: each ends with a line break. */
const asText = (lines: readonly string[]): string => lines.join('\n') + '\n';

/** An article: its head, a summary table of its claims (the first pass), then each claim (the second). */
const markdownLayout: ArticleLayout = {
  head(article, _index, _header, claimCount) {
    const lines = [`## ${escapeMarkdownInline(article.title)}`, ''];
    const facts: string[] = [];
    if (article.publisher) facts.push(`**Publisher:** ${escapeMarkdownInline(article.publisher)}`);
    if (article.authors.length) facts.push(`**Authors:** ${article.authors.map(escapeMarkdownInline).join(', ')}`);
    if (article.publishedAt) facts.push(`**Published:** ${dateOnly(article.publishedAt)}`);
    if (article.url) facts.push(`**Original:** ${link(article.url, article.url)}`);
    facts.push(`**Revision:** ${article.revision}`);
    lines.push(facts.join('  \n'), '');
    if (claimCount === 0) lines.push('*No claims were marked in this article.*', '');
    else lines.push(...SUMMARY_HEAD);
    return asText(lines);
  },
  passes: [
    { claim: (claim, position) => `${summaryRow(claim, position)}\n`, after: '\n' },
    { claim: (claim, position, _article, header) => asText(claimSection(claim, position + 1, header)), after: '' },
  ],
  end: () => '',
};

export const markdownReportWriter: ReportWriter = {
  begin(header: ReportHeader): string {
    const lines = [`# Verdict report — ${escapeMarkdownInline(header.organisation.name)}`, ''];
    const about = [`Generated ${dateTime(header.generatedAt)}`];
    if (header.period) about.push(`verdicts published from ${dateOnly(header.period.from)} to ${dateOnly(header.period.to)} (exclusive)`);
    lines.push(about.join(', ') + '.', '');
    return asText(lines);
  },
  article: articleFromLayout(markdownLayout),
  end: (_header, count) => (count === 0 ? '*No verdicts in this report.*\n' : ''),
  layout: markdownLayout,
};

export function renderMarkdown(model: VerdictReport): string {
  return writeReport(markdownReportWriter, model);
}
