import fc from 'fast-check';
import type { VerdictReport } from '../../report.model';
import { aClaim, anAnnotation, anArticle, aReport, aSource, aVerdict } from './report.factory';

/** Pieces of text that try to turn an export into markup, script or a live link. */
export const HOSTILE_FRAGMENTS = [
  '<script>alert(1)</script>', '</script><script>alert(1)</script>', '<!--', '-->', ']]>', '<b onclick="x">raw</b>',
  '<img src=x onerror=alert(1)>', '<iframe src="javascript:alert(1)">', '<a href="javascript:alert(1)">x</a>',
  '[click](javascript:alert(1))', '[click](JaVaScRiPt:alert(1))', '[click]( javascript:alert(1) )', '[click](<javascript:alert(1)>)',
  '[click](data:text/html,<script>alert(1)</script>)', '[click](vbscript:msgbox(1))', '[click](&#106;avascript:alert(1))',
  '![img](javascript:alert(1))', '![img](https://tracker.example/pixel.png)', '<javascript:alert(1)>', '<data:text/html,x>',
  '[ref]\n\n[ref]: javascript:alert(1)', '[ok](https://fine.example/path)', '<https://fine.example/auto>', 'www.fine.example',
  'javascript:alert(1)', 'data:text/html,x', '&lt;script&gt;', '&amp;', '&#60;script&#62;', '\u2028', '\u2029', '```', '~~~',
  '    indented code', '\n\n', '\n', '\r\n', '\t', '# heading', '- item', '1. item', '> quote', '---', '===', '|', '\\', '*', '_', '`',
  '=HYPERLINK("https://evil.example")', '+1+1', '-1', '@SUM(A1)', '"', "'", '\u0000', '\ud83d\ude00',
];

/** Text made of hostile fragments and arbitrary characters, for property tests. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_FRAGMENTS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/** A report with `text` in every field a person writes, and `url` wherever a URL goes. */
export function reportWithEverywhere(text: string, url = 'javascript:alert(1)'): VerdictReport {
  const verdict = aVerdict({ ratingLabel: text, rationale: text, correctionNote: text, reviewNote: text, author: { id: 'u1', displayName: text } });
  const retracted = aVerdict({ status: 'retracted', ratingLabel: text, rationale: text, reviewNote: text, correctionNote: text });
  return aReport({
    organisation: { name: text, url },
    articles: [
      anArticle({
        title: text, url, publisher: text, authors: [text],
        claims: [
          aClaim({
            quote: text, contextBefore: text, contextAfter: text, claimant: text, claimReviewed: text, tags: [text],
            verdicts: [retracted, verdict], currentVerdict: verdict,
            sources: [aSource({ excerpt: text, note: text, source: { ...aSource().source, title: text, publisher: text, url, archiveUrl: url } })],
            annotations: [anAnnotation({ body: text, author: { id: 'u1', displayName: text } })],
            corrections: [{ quote: text, note: text, correctedBy: { id: 'u2', displayName: text }, correctedAt: '2026-11-19T08:00:00.000Z' }],
          }),
        ],
      }),
    ],
  });
}
