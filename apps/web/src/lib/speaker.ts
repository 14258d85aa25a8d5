/**
 * Transcripts name the speaker at the start of a turn ("KAINE: We have cut…", "MR. TRUMP: …"). A claim
 * marked inside a turn is that speaker's: the mark form offers the name as the claimant.
 */
const SPEAKER = /^\s*((?:[A-Z][A-Z'’.-]*)(?: [A-Z][A-Z'’.-]*){0,3}):\s/u;

const titleCase = (name: string): string => name.toLowerCase().replace(/(^|[\s'’.-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

/** The speaker of the transcript line holding UTF-16 offset `at`, in title case, or null when the line names none. */
export function speakerAt(text: string, at: number): string | null {
  // A turn runs over the lines of its paragraph: look back to the paragraph's first line.
  const paragraphStart = text.lastIndexOf('\n\n', at - 1);
  const lineStart = paragraphStart < 0 ? 0 : paragraphStart + 2;
  const lineEnd = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const match = SPEAKER.exec(line);
  if (!match || at < lineStart + match[0].length) return null;
  return titleCase(match[1]);
}
