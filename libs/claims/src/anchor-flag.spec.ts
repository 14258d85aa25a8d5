import { reanchorAll, TextIndex, describeQuote } from '@claimdesk/text';
import { keepFlag } from './anchor-flag';

const OLD = 'Intro. The minister said unemployment fell to 3.5 percent last year. Outro.';
const quoteOf = (text: string, phrase: string): { start: number; end: number; exact: string; prefix: string; suffix: string } => {
  const start = text.indexOf(phrase);
  return { start, end: start + phrase.length, ...describeQuote(new TextIndex(text), start, start + phrase.length) };
};

describe(keepFlag.name, () => {
  const stored = quoteOf(OLD, 'unemployment fell to 3.5 percent');
  const claim = (anchor: 'anchored' | 'fuzzy' | 'orphaned') => ({ anchor, quote: stored.exact, prefix: stored.prefix, suffix: stored.suffix });
  // An unrelated change elsewhere: the re-anchoring alone would say "moved".
  const NEW = OLD.replace('Intro.', 'A longer introduction.');
  const [outcome] = reanchorAll(OLD, NEW, [stored]);

  it('keeps a fuzzy claim fuzzy through an unrelated change, at its new offsets (failed on main: cleared to moved)', () => {
    expect(outcome.status).toBe('moved');
    expect(keepFlag(claim('fuzzy'), outcome)).toEqual({ ...outcome, status: 'fuzzy' });
  });

  it('keeps an orphaned claim orphaned with its last quote, even where a revision finds its words again', () => {
    expect(keepFlag(claim('orphaned'), outcome)).toEqual({ status: 'orphaned', start: null, end: null, quote: { exact: stored.exact, prefix: stored.prefix, suffix: stored.suffix } });
  });

  it('lets an anchored claim follow the re-anchoring, and a fuzzy one become orphaned when its words are gone', () => {
    expect(keepFlag(claim('anchored'), outcome)).toBe(outcome);
    const gone = { status: 'orphaned' as const, start: null, end: null, quote: { exact: stored.exact, prefix: stored.prefix, suffix: stored.suffix } };
    expect(keepFlag(claim('fuzzy'), gone)).toBe(gone);
  });
});
