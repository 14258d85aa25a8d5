/**
 * The HTML report's only style sheet, inline so the page is one self-contained file: readable on a
 * phone (a single fluid column, the summary table scrolls sideways rather than squeezing), and
 * printable (no backgrounds needed, headings kept with what follows, source URLs printed).
 */
export const HTML_REPORT_STYLE = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --rule: #d9dce1; --mark: #fff1a8;
  --false: #b3261e; --mixed: #a35c00; --true: #1b6e3a; --none: #5f6368; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 52rem; padding: 1rem; color: var(--ink); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; line-height: 1.3; margin: 2.5rem 0 .5rem; padding-top: 1rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; }
h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .25rem; }
a { color: #0b57d0; }
.muted, .report-meta { color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--rule); }
th { border-bottom: 2px solid var(--ink); white-space: nowrap; }
td.number { text-align: right; color: var(--muted); }
td.claim-cell { min-width: 10rem; overflow-wrap: anywhere; }
td.date, td.verdict-cell .rating { white-space: nowrap; }
dd, li { overflow-wrap: anywhere; }
section.claim { margin: 1.5rem 0; padding-top: .5rem; border-top: 1px solid var(--rule); }
blockquote.in-context { margin: .5rem 0 1rem; padding: .5rem 1rem; border-left: 4px solid var(--rule); font-size: 1.05rem; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; font-weight: 600; }
.remark { font-style: italic; color: var(--mixed); }
.verdict { margin: .75rem 0; }
.rating { display: inline-block; padding: .1rem .6rem; border-radius: 1rem; color: #fff; font-weight: 700; white-space: nowrap; overflow-wrap: normal; }
.rating.false { background: var(--false); } .rating.mixed { background: var(--mixed); }
.rating.true { background: var(--true); } .rating.none { background: var(--none); }
.rationale { margin: .5rem 0; }
.rationale pre { overflow-x: auto; background: #f4f5f7; padding: .5rem; }
ul.sources, ul.history { padding-left: 1.25rem; }
ul.sources li, ul.history li { margin: .35rem 0; }
.stance { font-weight: 600; }
.stance.refutes { color: var(--false); } .stance.supports { color: var(--true); } .stance.context { color: var(--muted); }
.excerpt { display: block; margin-top: .15rem; font-style: italic; }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
@media (max-width: 40rem) {
  body { padding: .75rem; font-size: 15px; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .35rem; }
}
@media print {
  @page { margin: 18mm 15mm; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  .sources a[href]::after { content: " <" attr(href) ">"; font-size: .85em; color: var(--muted); }
  .table-wrap { overflow: visible; }
  h2 { break-before: page; }
  article:first-of-type h2 { break-before: auto; }
  tr, blockquote, li, .verdict > p { break-inside: avoid; }
  h2, h3, h4 { break-after: avoid; }
  mark { background: none; text-decoration: underline; text-decoration-thickness: 2px; }
  .rating { color: var(--ink); background: none !important; border: 1px solid var(--ink); }
}
`;
