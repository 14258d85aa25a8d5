/**
 * Canonical article text (API.md "Conventions"): every offset in ClaimDesk points into this form,
 * so it must be deterministic and idempotent: canonicalize(canonicalize(x)) === canonicalize(x).
 */

/**
 * Unicode NFC, `\n` line ends, no trailing white space on a line, no leading or trailing blank lines,
 * paragraphs separated by exactly one blank line. Nothing else changes.
 *
 * "White space" for trimming is JavaScript's (`String.prototype.trimEnd`): tab, vertical tab, form
 * feed, every Unicode space separator (space, U+00A0 no-break space, U+202F, U+2000–U+200A, U+3000…),
 * U+FEFF and U+2028/U+2029. A no-break space inside a line stays; at the end of a line it is trimmed,
 * because there it binds nothing and is invisible, and so that `&nbsp;`-only spacer lines (common in
 * newsroom HTML) count as blank lines. A leading byte order mark is an encoding artefact, not text,
 * and is dropped.
 */
export function canonicalize(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC').split('\n');
  const kept: string[] = [];
  let blankPending = false;
  for (const raw of lines) {
    const line = raw.trimEnd();
    if (line === '') {
      blankPending = kept.length > 0;
      continue;
    }
    if (blankPending) kept.push('');
    kept.push(line);
    blankPending = false;
  }
  return kept.join('\n');
}

/**
 * What a block of extracted text was in its source. Only `paragraph` blocks may be joined across a
 * broken sentence; everything else (headings, list items, quotes, table rows, code) stands alone.
 */
export type BlockKind = 'paragraph' | 'heading' | 'list-item' | 'quote' | 'table-row' | 'preformatted' | 'other';

/** One block (paragraph-to-be) extracted from Markdown or HTML, before canonicalization. */
export interface TextBlock {
  readonly kind: BlockKind;
  readonly text: string;
  /**
   * Whether an empty line stood between this block and the one before it in the source. Absent where
   * every paragraph break is a blank line (Markdown); false in HTML for a block that follows the
   * previous one directly: adjacent blocks are the author's own divisions and never join.
   */
  readonly afterBlankLine?: boolean;
}

/** Blocks → canonical text: broken sentences rejoined, one blank line between blocks. */
export function blocksToCanonicalText(blocks: readonly TextBlock[]): string {
  // Each paragraph is the list of blocks joined into it; joins are decided on neighbouring source
  // blocks, so a long chain of joins never re-scans the growing paragraph.
  const paragraphs: string[][] = [];
  blocks.forEach((block, index) => {
    const current = paragraphs[paragraphs.length - 1];
    // index 0 is where a title sits: nothing joins onto it.
    if (current !== undefined && index > 1 && continuesBrokenSentence(blocks[index - 1] as TextBlock, block)) {
      current[current.length - 1] = (current[current.length - 1] ?? '').trimEnd();
      current.push(block.text.trimStart());
    } else {
      paragraphs.push([block.text]);
    }
  });
  return canonicalize(paragraphs.map((parts) => parts.join(' ')).join('\n\n'));
}

/** A word in lower case, ending in a letter: "was", "don't", "café" (also decomposed), not "U.S.", "2018", "Vote", "well-". */
const LOWER_CASE_WORD = /^\p{Ll}(?:[\p{Ll}\p{M}'’-]*[\p{Ll}\p{M}])?$/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;
/** Fewer words than this on the last line looks like a label, menu entry or title, not a sentence in progress. */
const MIN_WORDS_BEFORE_BREAK = 4;

/**
 * The join rule for a sentence broken across blank lines ("…if Prokopchuk was" ⏎⏎⏎ "elected."):
 * `next` continues `previous` only when all of these hold, so that a real paragraph break is never lost:
 * - both are plain paragraphs (not a heading, list item, quote, table row, code or caption);
 * - a blank line separates them (`afterBlankLine` is not false: in HTML an empty paragraph or `<br>`s);
 * - `previous` is not the first block (the title position; the caller checks this);
 * - `previous` ends in a lower-case word: no sentence-final punctuation (. ! ? : ; …), no closing quote
 *   or bracket, no digit (a date such as 21/11/2018), no capitalised word (a title);
 * - the last line of `previous` has at least MIN_WORDS_BEFORE_BREAK words;
 * - `next` starts with a lower-case letter.
 * Scripts without case (Arabic, Hebrew, CJK) therefore never join: the safe side.
 */
export function continuesBrokenSentence(previous: TextBlock, next: TextBlock): boolean {
  if (previous.kind !== 'paragraph' || next.kind !== 'paragraph' || next.afterBlankLine === false) return false;
  if (!STARTS_LOWER_CASE.test(next.text.trimStart())) return false;
  const words = lastLineTail(previous.text).trim().split(/\s+/);
  return words.length >= MIN_WORDS_BEFORE_BREAK && LOWER_CASE_WORD.test(words[words.length - 1] ?? '');
}

/** The end of the last non-blank line: enough to see its last words without splitting a huge paragraph. */
function lastLineTail(text: string): string {
  const trimmed = text.trimEnd();
  const lineStart = trimmed.lastIndexOf('\n') + 1;
  return trimmed.slice(Math.max(lineStart, trimmed.length - 200));
}
