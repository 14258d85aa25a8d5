import type { ArticleReport, ClaimReport, ReportHeader, ReportedSource, ReportedVerdict, VerdictReport } from '../report.model';
import { HTML_REPORT_STYLE } from './html-style';
import {
  ANCHOR_REMARKS,
  STANCE_LABELS,
  snapshotLine,
  VERDICT_STATUS_LABELS,
  dateOnly,
  dateTime,
  ratingPosition,
  ratingTone,
  verdictDate,
  verdictHistory,
  verdictStatusLine,
  CORRECTIONS_HEADING,
  correctionLine,
} from './labels';
import { isWebUrl, reviewUrl } from './links';
import { ReportWriter, writeReport } from './report-writer';
import { reviewerMarkdownToHtml } from './reviewer-markdown';

/** Escapes text for HTML content and for attribute values in double quotes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const html = escapeHtml;

/** Only http(s) URLs become links (see `isWebUrl`); anything else is shown as text. */
function link(text: string, url: string | null, className?: string): string {
  if (!isWebUrl(url)) return html(text);
  const cls = className ? ` class="${className}"` : '';
  return `<a${cls} href="${html(new URL(url).href)}" rel="noopener noreferrer">${html(text)}</a>`;
}

function claimAnchor(claim: ClaimReport): string {
  return `claim-${claim.id.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

function ratingBadge(verdict: ReportedVerdict): string {
  return `<span class="rating ${ratingTone(verdict)}">${html(verdict.ratingLabel)}</span>`;
}

function summaryTable(article: ArticleReport): string {
  const rows = article.claims.map((claim, index) => {
    const verdict = claim.currentVerdict;
    const verdictCell = verdict
      ? `${ratingBadge(verdict)}${verdict.status === 'published' ? '' : ` <span class="muted">(${html(VERDICT_STATUS_LABELS[verdict.status].toLowerCase())})</span>`}`
      : '<span class="muted">No verdict yet</span>';
    return (
      `<tr><td class="number">${index + 1}</td>` +
      `<td class="claim-cell"><a href="#${claimAnchor(claim)}">${html(claim.quote)}</a></td>` +
      `<td class="verdict-cell">${verdictCell}</td>` +
      `<td>${verdict ? html(verdict.author.displayName) : ''}</td>` +
      `<td class="date">${verdict ? `<time datetime="${html(verdict.publishedAt ?? verdict.createdAt)}">${verdictDate(verdict)}</time>` : ''}</td></tr>`
    );
  });
  return (
    '<section class="summary"><h3>Summary</h3><div class="table-wrap"><table>' +
    '<thead><tr><th scope="col">#</th><th scope="col">Claim</th><th scope="col">Verdict</th><th scope="col">Reviewer</th><th scope="col">Date</th></tr></thead>' +
    `<tbody>${rows.join('\n')}</tbody></table></div></section>\n`
  );
}

function quotedInSentence(claim: ClaimReport): string {
  return `<blockquote class="in-context"><p>${html(claim.contextBefore)}<mark>${html(claim.quote)}</mark>${html(claim.contextAfter)}</p></blockquote>`;
}

function verdictBlock(verdict: ReportedVerdict): string {
  const about = [html(verdictStatusLine(verdict))];
  about.push(`by ${html(verdict.author.displayName)}`);
  if (verdict.reviewer) about.push(`reviewed by ${html(verdict.reviewer.displayName)}`);
  if (verdict.confidence !== null) about.push(`confidence ${Math.round(verdict.confidence * 100)} %`);
  let block = `<div class="verdict"><p><strong>Verdict:</strong> ${ratingBadge(verdict)} <span class="muted">${html(ratingPosition(verdict))}</span></p>`;
  block += `<p class="muted">${about.join(' · ')}</p>`;
  if (verdict.correctionNote) block += `<p class="remark">Correction: ${html(verdict.correctionNote)}</p>`;
  if (verdict.rationale?.trim()) block += `<div class="rationale">${reviewerMarkdownToHtml(verdict.rationale)}</div>`;
  return `${block}</div>`;
}

function sourceItem(attached: ReportedSource): string {
  const { source } = attached;
  let item = `<li><span class="stance ${attached.stance}">${STANCE_LABELS[attached.stance]}:</span> ${link(source.title ?? source.url, source.url)}`;
  const about = [source.publisher, dateOnly(source.publishedAt), source.kind].filter(Boolean).map((part) => html(String(part)));
  if (about.length) item += ` <span class="muted">— ${about.join(', ')}</span>`;
  if (isWebUrl(source.archiveUrl)) item += ` (${link('archived copy', source.archiveUrl)})`;
  if (attached.snapshot) item += `<span class="excerpt snapshot">${html(snapshotLine(attached.snapshot))}</span>`;
  if (attached.excerpt) item += `<q class="excerpt">${html(attached.excerpt)}</q>`;
  if (attached.note) item += `<span class="excerpt">Note: ${html(attached.note)}</span>`;
  return `${item}</li>`;
}

function historyItem(verdict: ReportedVerdict): string {
  let item = `<li><time datetime="${html(verdict.publishedAt ?? verdict.createdAt)}">${verdictDate(verdict)}</time>: ${ratingBadge(verdict)} ${html(VERDICT_STATUS_LABELS[verdict.status])}, by ${html(verdict.author.displayName)}`;
  if (verdict.correctionNote) item += `. Correction: ${html(verdict.correctionNote)}`;
  if (verdict.status === 'retracted' && verdict.reviewNote) item += `. Retracted because: ${html(verdict.reviewNote)}`;
  return `${item}</li>`;
}

function claimSection(claim: ClaimReport, number: number, header: ReportHeader): string {
  const parts = [`<section class="claim" id="${claimAnchor(claim)}"><h3>Claim ${number}</h3>`, quotedInSentence(claim)];
  const remark = ANCHOR_REMARKS[claim.anchor];
  if (remark) parts.push(`<p class="remark">${html(remark)}</p>`);
  const facts: string[] = [];
  if (claim.claimant) facts.push(`<dt>Claimant</dt><dd>${html(claim.claimant)}</dd>`);
  if (claim.claimReviewed) facts.push(`<dt>Claim reviewed</dt><dd>${html(claim.claimReviewed)}</dd>`);
  if (claim.tags.length) facts.push(`<dt>Tags</dt><dd>${claim.tags.map(html).join(', ')}</dd>`);
  if (facts.length) parts.push(`<dl class="facts">${facts.join('')}</dl>`);
  const verdict = claim.currentVerdict;
  parts.push(verdict ? verdictBlock(verdict) : '<p class="muted">No verdict yet.</p>');
  if (claim.sources.length) parts.push(`<h4>Sources</h4><ul class="sources">${claim.sources.map(sourceItem).join('')}</ul>`);
  const history = verdictHistory(claim.verdicts, verdict);
  if (history.length) parts.push(`<h4>Corrections and earlier verdicts</h4><ul class="history">${history.map(historyItem).join('')}</ul>`);
  if (claim.corrections.length) parts.push(`<h4>${CORRECTIONS_HEADING}</h4><ul class="history">${claim.corrections.map((c) => `<li>${correctionLine(c, html)}</li>`).join('')}</ul>`);
  if (verdict?.status === 'published') parts.push(`<p>${link('Read the review', reviewUrl(header.reviewUrlTemplate, claim.id))}</p>`);
  return `${parts.join('\n')}</section>\n`;
}

function articleSection(article: ArticleReport, header: ReportHeader): string {
  const lang = article.language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(article.language) ? ` lang="${html(article.language)}"` : '';
  const facts: string[] = [];
  if (article.publisher) facts.push(`<dt>Publisher</dt><dd>${html(article.publisher)}</dd>`);
  if (article.authors.length) facts.push(`<dt>Authors</dt><dd>${article.authors.map(html).join(', ')}</dd>`);
  if (article.publishedAt) facts.push(`<dt>Published</dt><dd><time datetime="${html(article.publishedAt)}">${dateOnly(article.publishedAt)}</time></dd>`);
  if (article.url) facts.push(`<dt>Original</dt><dd class="original">${link(article.url, article.url)}</dd>`);
  facts.push(`<dt>Revision</dt><dd>${article.revision}</dd>`);
  // The article's language applies to its title and quotes; the report's own words stay English.
  const parts = [`<article class="article"><h2${lang}>${html(article.title)}</h2>`, `<dl class="facts">${facts.join('')}</dl>`];
  if (!article.claims.length) {
    parts.push('<p class="muted">No claims were marked in this article.</p>');
  } else {
    parts.push(summaryTable(article));
    article.claims.forEach((claim, index) => parts.push(claimSection(claim, index + 1, header)));
  }
  return `${parts.join('\n')}</article>\n`;
}

export const htmlReportWriter: ReportWriter = {
  begin(header: ReportHeader): string {
    const title = `Verdict report — ${header.organisation.name}`;
    const about = [`Generated <time datetime="${html(header.generatedAt)}">${dateTime(header.generatedAt)}</time>`];
    if (header.period) {
      about.push(`verdicts published from ${dateOnly(header.period.from)} to ${dateOnly(header.period.to)} (exclusive)`);
    }
    return (
      '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
      // No script, no remote anything: the page must render the same offline and years later.
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
      '<meta name="generator" content="ClaimDesk">\n' +
      `<title>${html(title)}</title>\n<style>${HTML_REPORT_STYLE}</style>\n</head>\n<body>\n` +
      `<header><h1>Verdict report</h1><p class="report-meta">${link(header.organisation.name, header.organisation.url)} · ${about.join(', ')}</p></header>\n<main>\n`
    );
  },
  article: (article, _index, header) => articleSection(article, header),
  end(header: ReportHeader, count: number): string {
    const empty = count === 0 ? '<p class="muted">No verdicts in this report.</p>\n' : '';
    return `${empty}</main>\n<footer><p>Exported from ClaimDesk for ${html(header.organisation.name)}.</p></footer>\n</body>\n</html>\n`;
  },
};

export function renderHtml(model: VerdictReport): string {
  return writeReport(htmlReportWriter, model);
}
