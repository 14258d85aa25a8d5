import { TextIndex } from '@claimdesk/text';

/** How far to look for the sentence around a claim, in code points each way. */
const REACH = 240;
const SENTENCE_END = /[.!?…]["'”’»)\]]*\s$/u;

/**
 * The text of the claim's sentence before and after the quote, for reports that show a claim "in its
 * sentence": back to the previous sentence end or paragraph break, on to the next, within a reach.
 */
export function sentenceAround(index: TextIndex, start: number, end: number): { before: string; after: string } {
  let from = Math.max(0, start - REACH);
  const lead = index.slice(from, start);
  const paragraph = lead.lastIndexOf('\n');
  let cut = paragraph >= 0 ? Array.from(lead.slice(0, paragraph + 1)).length : 0;
  const chars = Array.from(lead);
  for (let i = chars.length - 1; i > cut; i--) {
    if (SENTENCE_END.test(chars.slice(Math.max(0, i - 3), i + 1).join(''))) {
      cut = i + 1;
      break;
    }
  }
  from += cut;
  const tailEnd = Math.min(index.length, end + REACH);
  const tail = Array.from(index.slice(end, tailEnd));
  let to = tail.length;
  for (let i = 0; i < tail.length; i++) {
    if (tail[i] === '\n') {
      to = i;
      break;
    }
    if (/[.!?…]/u.test(tail[i]) && (i + 1 === tail.length || /\s/u.test(tail[i + 1]) || /["'”’»)\]]/u.test(tail[i + 1]))) {
      to = i + 1;
      while (to < tail.length && /["'”’»)\]]/u.test(tail[to])) to++;
      break;
    }
  }
  return { before: index.slice(from, start).trimStart(), after: tail.slice(0, to).join('') };
}
