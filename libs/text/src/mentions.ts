/**
 * Mentions in a note's Markdown (API.md, "Work"): `@` followed by a user's e-mail address, or by a
 * display name in brackets, `@[Display Name]`. Pure and dependency-free: the server resolves them to
 * notify people, and the reviewer UI imports this same file to render them as links.
 */
export type MentionRef = { kind: 'email'; email: string } | { kind: 'name'; name: string };

export interface MentionMatch {
  ref: MentionRef;
  /** Code units from the `@` to the end of the mention. */
  length: number;
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/;
const NAME_MAX = 200;

/** A letter, digit or `_`, `.`, `@` right before the `@` makes it part of a word, e.g. an address. */
const joinsWord = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}_.@+-]/u.test(char);

/** The mention starting at `pos` (where `source[pos]` is `@`), or null. */
export function matchMentionAt(source: string, pos: number): MentionMatch | null {
  if (source[pos] !== '@' || joinsWord(source[pos - 1])) return null;
  if (source[pos + 1] === '[') {
    const close = source.indexOf(']', pos + 2);
    if (close < 0) return null;
    const name = source.slice(pos + 2, close).replace(/\s+/g, ' ').trim();
    if (name.length === 0 || name.length > NAME_MAX || source.slice(pos + 2, close).includes('\n')) return null;
    return { ref: { kind: 'name', name }, length: close + 1 - pos };
  }
  const email = EMAIL.exec(source.slice(pos + 1, pos + 1 + 330));
  // A hyphen cannot end a host name; a dot after the address is the sentence's.
  const address = email?.[0].replace(/-+$/, '');
  if (!address || !address.includes('.', address.indexOf('@'))) return null;
  return { ref: { kind: 'email', email: address.toLowerCase() }, length: address.length + 1 };
}

/**
 * The text of `markdown` outside code: fenced and indented code blocks and inline code spans become
 * spaces of the same length, so offsets still line up and an `@` inside code mentions no one.
 */
export function withoutCode(markdown: string): string {
  const lines = markdown.split('\n');
  let fence: string | null = null;
  let previousBlank = true;
  const kept = lines.map((line) => {
    const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (opener && opener[1][0] === fence[0] && opener[1].length >= fence.length && line.trim() === opener[1]) fence = null;
      previousBlank = false;
      return blank(line);
    }
    if (opener) {
      fence = opener[1];
      previousBlank = false;
      return blank(line);
    }
    const indentedCode = previousBlank && /^( {4}|\t)/.test(line);
    previousBlank = line.trim() === '' || (indentedCode && previousBlank);
    return indentedCode ? blank(line) : withoutCodeSpans(line);
  });
  return kept.join('\n');
}

/** Inline code: a run of backticks up to the next run of the same length. */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run++;
    const ticks = '`'.repeat(run);
    let close = line.indexOf(ticks, i + run);
    while (close >= 0 && line[close + run] === '`') close = line.indexOf(ticks, close + run + 1);
    if (close < 0) {
      out += ticks;
      i += run;
      continue;
    }
    out += blank(line.slice(i, close + run));
    i = close + run;
  }
  return out;
}

const blank = (text: string): string => ' '.repeat(text.length);

/** Every distinct mention in a note, in order of first appearance; e-mail addresses lower-cased. */
export function findMentions(markdown: string): MentionRef[] {
  const text = withoutCode(markdown);
  const found = new Map<string, MentionRef>();
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const match = matchMentionAt(text, at);
    if (!match) continue;
    const key = match.ref.kind === 'email' ? `e:${match.ref.email}` : `n:${match.ref.name.toLowerCase()}`;
    if (!found.has(key)) found.set(key, match.ref);
    at += match.length - 1;
  }
  return [...found.values()];
}

/** A person as a mention can name them. */
export interface Mentionable {
  id: string;
  email: string;
  displayName: string;
}

/**
 * The people a mention names: an address matches regardless of case; a display name matches ignoring
 * case and spacing, and only when exactly one person has it (an ambiguous or unknown name names no one).
 */
export function resolveMention(ref: MentionRef, people: readonly Mentionable[]): Mentionable | null {
  if (ref.kind === 'email') return people.find((person) => person.email.toLowerCase() === ref.email) ?? null;
  const key = nameKey(ref.name);
  const named = people.filter((person) => nameKey(person.displayName) === key);
  return named.length === 1 ? named[0] : null;
}

export const nameKey = (name: string): string => name.replace(/\s+/g, ' ').trim().toLowerCase();
