import { TextIndex } from './code-points';
import { describeQuote } from './quote';
import { anchorInText, AnchorStatus, Reanchored, reanchorAll, StoredAnchor } from './reanchor';

/** Code point range of the nth occurrence of `phrase` in `text`. */
function spanOf(text: string, phrase: string, nth = 0): [number, number] {
  let found = -1;
  for (let i = 0; i <= nth; i++) found = text.indexOf(phrase, found + 1);
  if (found < 0) throw new Error(`"${phrase}" #${nth} is not in the text`);
  const start = new TextIndex(text).toCodePoint(found);
  return [start, start + [...phrase].length];
}

/** A claim marked on the nth occurrence of `phrase`, as the claims service stores it. */
function claimOn(text: string, phrase: string, nth = 0): StoredAnchor {
  const [start, end] = spanOf(text, phrase, nth);
  return { start, end, ...describeQuote(new TextIndex(text), start, end) };
}

function reanchorOne(oldText: string, newText: string, anchor: StoredAnchor): Reanchored {
  return reanchorAll(oldText, newText, [anchor])[0];
}

const placedOn = (result: Reanchored, text: string): string | null =>
  result.start === null || result.end === null ? null : new TextIndex(text).slice(result.start, result.end);

const ARTICLE = [
  'Russian Loses Interpol Presidency After US Pushes Opposing Vote',
  'The election had been hotly contested, with anti-Russian sentiment projected by the United States and Europe.',
  "Russian interior ministry's Alexander Prokopchuk loses an election, held in Dubai, for Interpol's new president. " +
    'The favored candidate was beat by South Korean Kim Jong-yang after heavyweight opposition.',
  "Last week, The Times had reported that Prokopchuk, who currently serves as one of Interpol's vice-presidents, " +
    'was the "favorite" to lead the organization. However, the International Criminal Police Organisation (Interpol) ' +
    '194 member states, in a shock decision, chose Kim following several terse exchanges which prompted Moscow to ' +
    'state that critics were running a "campaign aimed at discrediting" Prokopchuk.',
  'The election had been hotly contested, garnering anti-Russian sentiment projected by the United States and Europe. ' +
    'Several U.S. senators openly urged voting nations to oppose the Russian candidate, while other countries ' +
    'threatened to disrupt Interpol membership structure if Prokopchuk was elected.',
  'Kremlin spokesperson Dmitry Peskov retorted to the constant pushback, stating that the U.S. senators\' action was ' +
    'an "intervention in the voting process."',
  "Additionally, during his stint as Interpol's Moscow bureau chief, Prokopchuk was accused, but not prosecuted or " +
    'charged, of allegedly using international arrest warrants to target critics of the Kremlin.',
  '“Our world is now facing unprecedented changes which present huge challenges to public security and safety,” Kim said.',
].join('\n\n');

const paragraph = (text: string, startsWith: string): string => {
  const found = text.split('\n\n').find((p) => p.startsWith(startsWith));
  if (!found) throw new Error(`no paragraph starts with "${startsWith}"`);
  return found;
};

/** Moves the paragraph starting with `what` to just before the one starting with `before`. */
function moveParagraph(text: string, what: string, before: string): string {
  const moved = paragraph(text, what);
  const rest = text.replace(`${moved}\n\n`, '');
  const target = paragraph(rest, before);
  return rest.replace(target, `${moved}\n\n${target}`);
}

describe(reanchorAll.name, () => {
  it('keeps a claim whose text and surroundings did not change at the same offsets (anchored)', () => {
    const newText = ARTICLE.replace('Kim said.', 'Kim said on Tuesday.');
    const anchor = claimOn(ARTICLE, 'accused, but not prosecuted or charged');
    expect(reanchorOne(ARTICLE, newText, anchor)).toMatchObject({ status: 'anchored', start: anchor.start, end: anchor.end });
  });

  it('follows a claim when text is inserted before it (moved), with its quote described afresh', () => {
    const newText = ARTICLE.replace('Last week,', 'Last week, as first reported by Reuters,');
    const sut = reanchorOne(ARTICLE, newText, claimOn(ARTICLE, 'accused, but not prosecuted or charged'));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, 'accused, but not prosecuted or charged'));
    expect(sut.quote).toEqual(describeQuote(new TextIndex(newText), sut.start ?? 0, sut.end ?? 0));
  });

  it('never moves an edited claim to an identical phrase elsewhere (hypothesis/client#7571)', () => {
    const newText = ARTICLE.replace('The election had been hotly contested, with', 'The election had been fiercely contested, with');
    const sut = reanchorOne(ARTICLE, newText, claimOn(ARTICLE, 'The election had been hotly contested'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('The election had been fiercely contested');
  });

  it('orphans a claim whose sentence was deleted even though the phrase appears elsewhere', () => {
    const newText = ARTICLE.replace(
      'The election had been hotly contested, with anti-Russian sentiment projected by the United States and Europe.\n\n',
      '',
    );
    const anchor = claimOn(ARTICLE, 'The election had been hotly contested');
    expect(reanchorOne(ARTICLE, newText, anchor)).toEqual({
      status: 'orphaned',
      start: null,
      end: null,
      quote: { exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
    });
  });

  it('follows a moved paragraph to its new place (moved)', () => {
    const newText = moveParagraph(ARTICLE, 'Kremlin spokesperson', 'Last week');
    const sut = reanchorOne(ARTICLE, newText, claimOn(ARTICLE, 'an "intervention in the voting process."'));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, 'an "intervention in the voting process."'));
  });

  it('flags a claim with white space or punctuation edited inside it, at the same place (fuzzy)', () => {
    const newText = ARTICLE.replace('accused, but not prosecuted or charged,', 'accused — but not prosecuted or charged —');
    const sut = reanchorOne(ARTICLE, newText, claimOn(ARTICLE, 'was accused, but not prosecuted or charged, of allegedly using'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('was accused — but not prosecuted or charged — of allegedly using');
  });

  it('flags a claim that lost part of its words, on what is left (fuzzy)', () => {
    const newText = ARTICLE.replace('accused, but not prosecuted or charged, of allegedly using', 'accused of using');
    const sut = reanchorOne(ARTICLE, newText, claimOn(ARTICLE, 'Prokopchuk was accused, but not prosecuted or charged, of allegedly using international arrest warrants'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('Prokopchuk was accused of using international arrest warrants');
  });

  it('flags a claim whose typo was fixed, on the corrected words (fuzzy)', () => {
    const newText = ARTICLE.replace('was beat by', 'was beaten by');
    const sut = reanchorOne(ARTICLE, newText, claimOn(ARTICLE, 'The favored candidate was beat by South Korean Kim Jong-yang'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('The favored candidate was beaten by South Korean Kim Jong-yang');
  });

  it('answers every claim in order, with one result each', () => {
    const newText = ARTICLE.replace('Last week,', 'Last month,');
    const phrases = ['Kim said', 'Dmitry Peskov', 'Kim Jong-yang', '194 member states'];
    const sut = reanchorAll(ARTICLE, newText, phrases.map((p) => claimOn(ARTICLE, p)));
    expect(sut.map((r) => r.quote.exact)).toEqual(phrases);
  });

  it('orphans a claim with an empty quote', () => {
    expect(reanchorOne(ARTICLE, ARTICLE, { start: 0, end: 0, exact: '', prefix: '', suffix: '' }).status).toBe('orphaned');
  });

  it('keeps an orphaned claim orphaned when its phrase exists only as text that was already there', () => {
    const oldText = ARTICLE.replace(paragraph(ARTICLE, 'The election had been hotly contested, with') + '\n\n', '');
    const newText = oldText.replace('Kim said.', 'Kim said on Tuesday.');
    const orphan = { ...claimOn(ARTICLE, 'The election had been hotly contested'), start: null, end: null };
    expect(reanchorOne(oldText, newText, orphan).status).toBe('orphaned');
  });

  it('re-attaches an orphaned claim when its sentence is restored (moved)', () => {
    const oldText = ARTICLE.replace(' Several U.S. senators openly urged voting nations to oppose the Russian candidate,', '');
    const orphan = { ...claimOn(ARTICLE, 'Several U.S. senators openly urged voting nations'), start: null, end: null };
    const sut = reanchorOne(oldText, ARTICLE, orphan);
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(ARTICLE, 'Several U.S. senators openly urged voting nations'));
  });

  it('searches by quote when the stored position does not hold the stored quote', () => {
    const anchor = { ...claimOn(ARTICLE, 'Dmitry Peskov'), start: 3, end: 16 };
    const sut = reanchorOne(ARTICLE, ARTICLE, anchor);
    expect(sut.status).toBe('moved');
    expect(placedOn(sut, ARTICLE)).toBe('Dmitry Peskov');
  });

  it('keeps a unique phrase where the diff put it although both sides were rewritten (moved)', () => {
    const oldText = 'Kim said yes. Then Moscow said no. Kim said yes.';
    const newText = 'Kim said yes. Later, Kim said yes, and Moscow said no. Kim said yes.';
    expect(reanchorOne(oldText, newText, claimOn(oldText, 'Moscow said no')).status).toBe('moved');
  });

  it('flags a repeated phrase whose sentence was reworded around it (fuzzy)', () => {
    const oldText = 'Unemployment fell to 3.5 percent last year, the ministry said. Inflation reached 3.5 percent in May.';
    const newText = 'Joblessness dropped to 3.5 percent in 2023, the ministry said. Inflation reached 3.5 percent in May.';
    const sut = reanchorOne(oldText, newText, claimOn(oldText, '3.5 percent'));
    expect(sut.status).toBe('fuzzy');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, '3.5 percent'));
  });

  it('orphans a repeated phrase that the diff pairs with nothing agreeing next to it', () => {
    const oldText = 'A: Kim said yes. B: Kim said yes.';
    const newText = 'A: Kim said yes. Then X — Kim said yes — Y.';
    expect(reanchorOne(oldText, newText, claimOn(oldText, 'Kim said yes', 1)).status).toBe('orphaned');
  });

  it('handles a claim in a text full of emoji without splitting a character', () => {
    const oldText = '🇺🇸🚫 We oppose Russian leadership of Interpol 😡. Russia abuses Interpol 😡 to settle scores.';
    const newText = `🔥🔥 ${oldText.replace('abuses', 'routinely abuses')}`;
    const sut = reanchorOne(oldText, newText, claimOn(oldText, 'Interpol 😡', 1));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, 'Interpol 😡', 1));
  });
});

describe('reanchorAll and moved text', () => {
  const P1 = 'Prokopchuk, who currently serves as one of Interpol’s vice-presidents, was the “favorite” to lead the organization.';
  const P2 = 'However, the 194 member states, in a shock decision, chose Kim after several terse exchanges with Moscow.';
  const P3 = 'Kremlin spokesperson Dmitry Peskov called the U.S. senators’ action an “intervention in the voting process.”';
  const text = [P1, P2, P3].join('\n\n');

  it('follows a paragraph that moved and had a sentence added right after the claim (moved)', () => {
    const newText = [P3, P1.replace('vice-presidents,', 'vice-presidents, a post he has held since 2016,'), P2].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, 'one of Interpol’s vice-presidents'));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, 'one of Interpol’s vice-presidents'));
  });

  it('flags a claim edited inside a paragraph that also moved, at its new place (fuzzy)', () => {
    const newText = [P2, P3, P1.replace('the “favorite”', 'widely seen as the “favorite”')].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, 'was the “favorite” to lead'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('was widely seen as the “favorite” to lead');
  });

  it('follows a one-line paragraph that the diff shows moving when a long one moved past it (moved)', () => {
    const oldText = ['Background', P2, P3].join('\n\n');
    const newText = [P2, 'Background', P3].join('\n\n');
    const sut = reanchorOne(oldText, newText, claimOn(oldText, 'Background'));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, 'Background'));
  });

  it('keeps a claim on its paragraph, moved, rather than on a pull quote pasted where it used to be', () => {
    const quote = 'the 194 member states, in a shock decision, chose Kim';
    const newText = [P2, P1, `Pull quote: “${quote}”`, P3].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, quote));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, quote, 0));
  });

  it('follows a paragraph that moved while the sentence after the claim was deleted (moved)', () => {
    const claim = 'However, the 194 member states, in a shock decision, chose Kim after several terse exchanges with Moscow.';
    const P2b = `${claim} Moscow said the vote was rigged.`;
    const before = 'Analysts in Lyon had expected the Russian candidate to win comfortably after months of lobbying.';
    const oldText = [P1, `${before} ${P2b}`, P3].join('\n\n');
    const newText = [`${before} ${claim}`, P1, P3].join('\n\n');
    const sut = reanchorOne(oldText, newText, claimOn(oldText, claim));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, claim));
  });

  it('keeps a claim at the very start of the article there rather than on a pull quote of it', () => {
    const lead = 'Prokopchuk loses the Interpol vote';
    const oldText = [`${lead} after weeks of lobbying.`, P2, P3].join('\n\n');
    const newText = [`${lead} after weeks of intense lobbying.`, `Pull quote: ${lead} after weeks of lobbying.`, P2, P3].join('\n\n');
    const sut = reanchorOne(oldText, newText, claimOn(oldText, 'Prokopchuk'));
    expect([sut.status, sut.start]).toEqual(['anchored', 0]);
  });

  it('orphans a claim whose words were replaced by unrelated ones, its sentence intact (failed on main: fuzzy on the new words)', () => {
    const newText = text.replace('in a shock decision', 'after a secret ballot');
    const sut = reanchorOne(text, newText, claimOn(text, 'in a shock decision'));
    expect(sut).toMatchObject({ status: 'orphaned', start: null, end: null });
  });

  it('still flags new words in the claim’s slot that keep its substance (a word changed)', () => {
    const newText = text.replace('in a shock decision', 'in a shocking decision');
    const sut = reanchorOne(text, newText, claimOn(text, 'in a shock decision'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('in a shocking decision');
  });

  it('does not follow a claim into a new sentence that reuses its phrase in the same boilerplate', () => {
    const oldText = `${P1} Sarah Cohen said the claim was “misleading”, but the figures could not be independently verified.\n\n${P3}`;
    const newText = `${P1}\n\n${P3} Kim Jong-yang said the claim was “misleading”, but the figures could not be independently verified.`;
    const sut = reanchorOne(oldText, newText, claimOn(oldText, 'the figures could not be independently verified'));
    expect(sut.status).toBe('orphaned');
  });

  it('does not take a copy of the claim that moved with its own paragraph for the claim', () => {
    const sentence = 'The figures could not be independently verified.';
    const oldText = [`${P1} ${sentence}`, P2, `Editor’s note: ${sentence}`].join('\n\n');
    const newText = [`Editor’s note: ${sentence}`, P1, P2].join('\n\n');
    const sut = reanchorOne(oldText, newText, claimOn(oldText, 'could not be independently verified'));
    expect(sut.status).toBe('orphaned');
  });
});

describe('reanchorAll: what is gone, and what only looks gone', () => {
  const P1 = 'Prokopchuk, who currently serves as one of Interpol’s vice-presidents, was the “favorite” to lead the organization.';
  const S1 = 'However, the 194 member states, in a shock decision, chose Kim after several terse exchanges with Moscow.';
  const S2 = 'Observers in Lyon said the vote had been hotly contested until the very last round.';
  const P2 = `${S1} ${S2} Several delegations asked for a recount, which was refused.`;
  const P3 = 'Kremlin spokesperson Dmitry Peskov called the U.S. senators’ action an “intervention in the voting process.”';
  const P4 = 'Interpol’s general assembly meets once a year, and its president serves a four-year term.';
  const text = [P1, P2, P3, P4].join('\n\n');

  it('orphans a claim whose words were replaced while a pull quote repeats its old sentence (failed on main: moved onto the pull quote)', () => {
    const rewritten = S2.replace('the vote had been hotly contested until the very last round', 'delegates queued for coffee between the sessions all day');
    const newText = [P1, P2.replace(S2, rewritten), S2, P3, P4].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, S2));
    expect(sut).toMatchObject({ status: 'orphaned', start: null, end: null });
  });

  it('orphans a claim whose sentence was rewritten while a pull quote repeats the old sentence (failed on main: moved onto the pull quote)', () => {
    const fresh = 'The secretariat published the full results on its website the following morning.';
    const newText = [P1, P2.replace(S2, fresh), P3, S2, P4].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, 'hotly contested until the very last round'));
    expect(sut).toMatchObject({ status: 'orphaned', start: null, end: null });
  });

  it('orphans a claim whose words were replaced while the claimed words are quoted elsewhere (failed on main: moved onto the quotation)', () => {
    const claim = 'Observers in Lyon said the vote had been hotly contested until the very last round';
    const newText = [P1, P2.replace(claim, 'Caterers in Lyon served the soup cold, warmed it up and served it again'), P3, `“${claim}”`, P4].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, claim));
    expect(sut).toMatchObject({ status: 'orphaned', start: null, end: null });
  });

  it('still follows a sentence moved to another paragraph, nothing written in its place (moved)', () => {
    const newText = [P1, P2.replace(`${S2} `, ''), P3, `${P4} ${S2}`].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, S2));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, S2));
  });

  it('still follows a paragraph that swapped places with another (moved)', () => {
    const newText = [P1, P4, P3, P2].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, 'several terse exchanges with Moscow'));
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(newText, 'several terse exchanges with Moscow'));
  });

  it('flags a one-word claim whose transposed letters were corrected (failed on main: orphaned)', () => {
    const oldText = text.replace('Observers in Lyon said', 'Observers in Lyon siad');
    const sut = reanchorOne(oldText, text, claimOn(oldText, 'siad'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, text)).toBe('said');
  });

  it('flags a three-letter name mistyped, on the new letters (failed on main: orphaned)', () => {
    const newText = text.replace('chose Kim after', 'chose Kmi after');
    const sut = reanchorOne(text, newText, claimOn(text, 'Kim'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('Kmi');
  });

  it('flags a two-digit figure corrected by one digit (failed on main: orphaned)', () => {
    const oldText = text.replace('the 194 member states', 'the 95 member states');
    const newText = text.replace('the 194 member states', 'the 96 member states');
    const sut = reanchorOne(oldText, newText, claimOn(oldText, '95'));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('96');
  });

  it('still orphans a one-word claim replaced by another word (rose → fell)', () => {
    const oldText = text.replace('Observers in Lyon said', 'Turnout in Lyon rose, observers said');
    const newText = text.replace('Observers in Lyon said', 'Turnout in Lyon fell, observers said');
    const sut = reanchorOne(oldText, newText, claimOn(oldText, 'rose'));
    expect(sut.status).toBe('orphaned');
  });

  it('flags a sentence that ends its paragraph, moved with it and mistyped near its end, on its new place (failed on main: orphaned)', () => {
    const last = 'Several delegations asked for a recount, which was refused.';
    const newText = [P2.replace('was refused.', 'was refsued.'), P1, P3, P4].join('\n\n');
    const sut = reanchorOne(text, newText, claimOn(text, last));
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, newText)).toBe('Several delegations asked for a recount, which was refsued.');
  });
});

describe(anchorInText.name, () => {
  const text = 'Kim was the “favorite” to lead. Prokopchuk was the “favorite” to lead, The Times said. Песков ответил.';

  it('keeps a position that still holds the quote (anchored)', () => {
    const anchor = claimOn(text, 'Песков ответил');
    expect(anchorInText(text, anchor)).toMatchObject({ status: 'anchored', start: anchor.start, end: anchor.end });
  });

  it('finds a unique quote whose context agrees at new offsets (moved)', () => {
    const anchor = claimOn(text, 'Песков ответил');
    const shifted = `Update: ${text}`;
    expect(anchorInText(shifted, anchor)).toMatchObject({ status: 'moved', start: anchor.start === null ? null : anchor.start + 8 });
  });

  it('picks the copy whose context agrees when the quote occurs twice (moved)', () => {
    const anchor = claimOn(text, 'was the “favorite” to lead', 1);
    const sut = anchorInText(`Update: ${text}`, anchor);
    expect(sut.status).toBe('moved');
    expect([sut.start, sut.end]).toEqual(spanOf(`Update: ${text}`, 'was the “favorite” to lead', 1));
  });

  it('flags the copy nearest the old position when context cannot decide (fuzzy)', () => {
    const anchor = { start: 62, end: 88, exact: 'was the “favorite” to lead', prefix: '', suffix: '' };
    const sut = anchorInText(`Update: ${text}`, anchor);
    expect(sut.status).toBe('fuzzy');
    expect([sut.start, sut.end]).toEqual(spanOf(`Update: ${text}`, 'was the “favorite” to lead', 1));
  });

  it('flags a unique quote whose context no longer agrees (fuzzy)', () => {
    const anchor = { start: null, end: null, exact: 'Песков ответил', prefix: 'something else entirely, ', suffix: ' and more' };
    expect(anchorInText(text, anchor).status).toBe('fuzzy');
  });

  it('accepts a close approximate match with agreeing context (fuzzy)', () => {
    const anchor = claimOn(text, 'Prokopchuk was the “favorite” to lead');
    const corrected = text.replace('Prokopchuk', 'Prokopchuck');
    const sut = anchorInText(corrected, anchor);
    expect(sut.status).toBe('fuzzy');
    expect(placedOn(sut, corrected)).toBe('Prokopchuck was the “favorite” to lead');
  });

  it('orphans a quote with nothing close in the text', () => {
    const anchor = claimOn(text, 'Prokopchuk was the “favorite” to lead');
    expect(anchorInText('Kim was elected. Nothing else happened that day.', anchor).status).toBe('orphaned');
  });
});

/*
 * Newsroom corrections: the stand-in for the hidden corpus. Each case is a real kind of edit;
 * `at` is where the claim belongs in the new text. For anchored/moved the span must be exactly
 * there; for fuzzy it must overlap it. `never` names a place that would be a wrong placement
 * (typically the identical phrase elsewhere that a quote-only matcher jumps to).
 */
interface Correction {
  readonly name: string;
  readonly oldText: string;
  readonly newText: string;
  readonly claim: readonly [string, number?];
  /** The claim was orphaned by an earlier revision, in which it had been marked on this text. */
  readonly orphanedFrom?: string;
  readonly expect: readonly AnchorStatus[];
  readonly at?: readonly [string, number?];
  readonly never?: readonly [string, number?];
}

const CYRILLIC = [
  'Министр внутренних дел Александр Прокопчук проиграл выборы президента Интерпола. Победу одержал Ким Чон Ян из Южной Кореи.',
  'По данным организации, в голосовании участвовали 194 страны. «Выборы были честными», — заявил представитель Интерпола.',
  'Песков назвал давление США «вмешательством в процесс голосования».',
].join('\n\n');

const RTL = [
  'ראש הממשלה אמר כי האבטלה ירדה ל-3.5 אחוזים בשנה שעברה. לדברי הלשכה המרכזית לסטטיסטיקה, השיעור עמד על 4.1 אחוזים.',
  'وقال المتحدث إن معدل البطالة انخفض إلى 3.5 في المئة.',
].join('\n\n');

const TWEET =
  '@SenatorWicker: We oppose Russian leadership of Interpol 🇺🇸🚫. Russia routinely abuses Interpol 😡 for the purpose of settling scores.';

const MARKS = 'प्रधानमंत्री ने कहा कि बेरोजगारी 3.5 प्रतिशत घटी। The mean x\u0304 rose to 4.2, the ministry said.';

const FIRST_PARAGRAPH = 'The election had been hotly contested, with anti-Russian sentiment projected by the United States and Europe.\n\n';
const CREMLIN = paragraph(ARTICLE, 'Kremlin spokesperson');
const STINT = paragraph(ARTICLE, 'Additionally');

const CORRECTIONS: readonly Correction[] = [
  {
    name: 'name spelling corrected inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('Kim Jong-yang', 'Kim Jong Yang'),
    claim: ['beat by South Korean Kim Jong-yang'],
    expect: ['fuzzy'],
    at: ['beat by South Korean Kim Jong Yang'],
  },
  {
    name: 'typo fixed inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('was beat by', 'was beaten by'),
    claim: ['The favored candidate was beat by South Korean Kim Jong-yang'],
    expect: ['fuzzy'],
    at: ['The favored candidate was beaten by South Korean Kim Jong-yang'],
  },
  {
    name: 'number corrected inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('194 member states', '192 member states'),
    claim: ['194 member states'],
    expect: ['fuzzy'],
    at: ['192 member states'],
  },
  {
    name: 'sentence reworded while the same phrase appears later (hypothesis#7571)',
    oldText: ARTICLE,
    newText: ARTICLE.replace('The election had been hotly contested, with', 'The vote was fiercely fought, with'),
    claim: ['The election had been hotly contested'],
    expect: ['fuzzy', 'orphaned'],
    at: ['The vote was fiercely fought'],
    never: ['The election had been hotly contested'],
  },
  {
    name: 'sentence deleted while the same phrase appears later',
    oldText: ARTICLE,
    newText: ARTICLE.replace(FIRST_PARAGRAPH, ''),
    claim: ['The election had been hotly contested'],
    expect: ['orphaned'],
    never: ['The election had been hotly contested'],
  },
  {
    name: 'the later copy of a phrase keeps its claim when the first is deleted',
    oldText: ARTICLE,
    newText: ARTICLE.replace(FIRST_PARAGRAPH, ''),
    claim: ['The election had been hotly contested', 1],
    expect: ['moved'],
    at: ['The election had been hotly contested'],
  },
  {
    name: 'paragraph reordered',
    oldText: ARTICLE,
    newText: moveParagraph(ARTICLE, 'Kremlin spokesperson', 'Last week'),
    claim: ['an "intervention in the voting process."'],
    expect: ['moved'],
    at: ['an "intervention in the voting process."'],
  },
  {
    name: 'correction note inserted at the top',
    oldText: ARTICLE,
    newText: ARTICLE.replace('\n\n', '\n\nCorrection: an earlier version of this article misspelled Kim Jong-yang’s name.\n\n'),
    claim: ['accused, but not prosecuted or charged'],
    expect: ['moved'],
    at: ['accused, but not prosecuted or charged'],
  },
  {
    name: 'unrelated edit after the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('Kim said.', 'Kim said in his acceptance speech.'),
    claim: ['Russian Loses Interpol Presidency'],
    expect: ['anchored'],
    at: ['Russian Loses Interpol Presidency'],
  },
  {
    name: 'claim on the second copy of a repeated phrase, text inserted before both',
    oldText: ARTICLE,
    newText: ARTICLE.replace('Russian Loses', 'Analysis: Russian Loses'),
    claim: ['projected by the United States and Europe', 1],
    expect: ['moved'],
    at: ['projected by the United States and Europe', 1],
  },
  {
    name: 'straight quotes curled inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('"favorite"', '“favorite”'),
    claim: ['was the "favorite" to lead the organization'],
    expect: ['fuzzy'],
    at: ['was the “favorite” to lead the organization'],
  },
  {
    name: 'commas replaced by dashes inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace("Prokopchuk, who currently serves as one of Interpol's vice-presidents,", "Prokopchuk — who currently serves as one of Interpol's vice-presidents —"),
    claim: ["Prokopchuk, who currently serves as one of Interpol's vice-presidents"],
    expect: ['fuzzy'],
    at: ["Prokopchuk — who currently serves as one of Interpol's vice-presidents"],
  },
  {
    name: 'words deleted inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('accused, but not prosecuted or charged, of allegedly using', 'accused of using'),
    claim: ['Prokopchuk was accused, but not prosecuted or charged, of allegedly using international arrest warrants'],
    expect: ['fuzzy'],
    at: ['Prokopchuk was accused of using international arrest warrants'],
  },
  {
    name: 'claim wording replaced wholesale',
    oldText: ARTICLE,
    newText: ARTICLE.replace('in a shock decision', 'after a secret ballot'),
    claim: ['in a shock decision'],
    expect: ['orphaned', 'fuzzy'],
    at: ['after a secret ballot'],
  },
  {
    name: 'sentence moved to another paragraph',
    oldText: ARTICLE,
    newText: ARTICLE.replace(' Several U.S. senators openly urged voting nations to oppose the Russian candidate, while other countries threatened to disrupt Interpol membership structure if Prokopchuk was elected.', '').replace(
      'process."',
      'process." Several U.S. senators openly urged voting nations to oppose the Russian candidate, while other countries threatened to disrupt Interpol membership structure if Prokopchuk was elected.',
    ),
    claim: ['Several U.S. senators openly urged voting nations to oppose the Russian candidate'],
    expect: ['moved'],
    at: ['Several U.S. senators openly urged voting nations to oppose the Russian candidate'],
  },
  {
    name: 'paragraph moved and a word changed elsewhere in it',
    oldText: ARTICLE,
    newText: moveParagraph(ARTICLE, 'Additionally', 'Kremlin').replace('allegedly using', 'allegedly having used'),
    claim: ['target critics of the Kremlin'],
    expect: ['moved'],
    at: ['target critics of the Kremlin'],
  },
  {
    name: 'paragraph moved and the claim itself edited',
    oldText: ARTICLE,
    newText: moveParagraph(ARTICLE, 'Additionally', 'Kremlin').replace('international arrest warrants', 'Interpol arrest warrants'),
    claim: ['using international arrest warrants to target critics'],
    expect: ['fuzzy', 'orphaned'],
    at: ['using Interpol arrest warrants to target critics'],
  },
  {
    name: 'word inserted inside the second copy of a repeated phrase',
    oldText: ARTICLE,
    newText: ARTICLE.replace('hotly contested, garnering anti-Russian', 'very hotly contested, garnering strong anti-Russian'),
    claim: ['hotly contested, garnering anti-Russian sentiment'],
    expect: ['fuzzy'],
    at: ['hotly contested, garnering strong anti-Russian sentiment'],
    never: ['hotly contested, with'],
  },
  {
    name: 'pull quote repeating the claim inserted before it',
    oldText: ARTICLE,
    newText: ARTICLE.replace('Last week,', '“Prokopchuk was accused, but not prosecuted or charged.”\n\nLast week,'),
    claim: ['was accused, but not prosecuted or charged'],
    expect: ['moved'],
    at: ['was accused, but not prosecuted or charged', 1],
    never: ['was accused, but not prosecuted or charged', 0],
  },
  {
    name: 'headline edited',
    oldText: ARTICLE,
    newText: ARTICLE.replace('Russian Loses Interpol Presidency', 'Russia Loses Interpol Presidency'),
    claim: ['Russian Loses Interpol Presidency After US Pushes Opposing Vote'],
    expect: ['fuzzy'],
    at: ['Russia Loses Interpol Presidency After US Pushes Opposing Vote'],
  },
  {
    name: 'words deleted before the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace('Last week, The Times', 'The Times'),
    claim: ['The Times had reported'],
    expect: ['moved'],
    at: ['The Times had reported'],
  },
  {
    name: 'sentence split in two inside the claim',
    oldText: ARTICLE,
    newText: ARTICLE.replace(', while other countries threatened', '. Other countries threatened'),
    claim: ['while other countries threatened to disrupt Interpol membership structure'],
    expect: ['fuzzy'],
    at: ['Other countries threatened to disrupt Interpol membership structure'],
  },
  {
    name: 'whole paragraph deleted',
    oldText: ARTICLE,
    newText: ARTICLE.replace(`${CREMLIN}\n\n`, ''),
    claim: ['Kremlin spokesperson Dmitry Peskov'],
    expect: ['orphaned'],
  },
  {
    name: 'a name replaced by a pronoun while the name appears many times elsewhere',
    oldText: ARTICLE,
    newText: ARTICLE.replace('discrediting" Prokopchuk.', 'discrediting" him.'),
    claim: ['Prokopchuk', 2],
    expect: ['orphaned', 'fuzzy'],
    at: ['him.'],
    never: ['Prokopchuk'],
  },
  {
    name: 'orphaned claim re-attached when its sentence is restored',
    oldText: ARTICLE.replace(` ${'The favored candidate was beat by South Korean Kim Jong-yang after heavyweight opposition.'}`, ''),
    newText: ARTICLE,
    claim: ['The favored candidate was beat by South Korean Kim Jong-yang'],
    orphanedFrom: ARTICLE,
    expect: ['moved'],
    at: ['The favored candidate was beat by South Korean Kim Jong-yang'],
  },
  {
    name: 'orphaned claim stays orphaned although its phrase was already elsewhere',
    oldText: ARTICLE.replace(FIRST_PARAGRAPH, ''),
    newText: ARTICLE.replace(FIRST_PARAGRAPH, '').replace('Kim said.', 'Kim said on Tuesday.'),
    claim: ['The election had been hotly contested'],
    orphanedFrom: ARTICLE,
    expect: ['orphaned'],
  },
  {
    name: 'nothing changed',
    oldText: ARTICLE,
    newText: ARTICLE,
    claim: ['Dmitry Peskov'],
    expect: ['anchored'],
    at: ['Dmitry Peskov'],
  },
  {
    name: 'paragraph moved to the end',
    oldText: ARTICLE,
    newText: `${ARTICLE.replace(`${STINT}\n\n`, '')}\n\n${STINT}`,
    claim: ["during his stint as Interpol's Moscow bureau chief"],
    expect: ['moved'],
    at: ["during his stint as Interpol's Moscow bureau chief"],
  },
  {
    name: 'Cyrillic: name spelling corrected inside the claim',
    oldText: CYRILLIC,
    newText: CYRILLIC.replace('Ким Чон Ян', 'Ким Чжон Ян'),
    claim: ['Победу одержал Ким Чон Ян'],
    expect: ['fuzzy'],
    at: ['Победу одержал Ким Чжон Ян'],
  },
  {
    name: 'Cyrillic: number corrected inside the claim',
    oldText: CYRILLIC,
    newText: CYRILLIC.replace('194 страны', '192 страны'),
    claim: ['в голосовании участвовали 194 страны'],
    expect: ['fuzzy'],
    at: ['в голосовании участвовали 192 страны'],
  },
  {
    name: 'Cyrillic: guillemets straightened inside the claim',
    oldText: CYRILLIC,
    newText: CYRILLIC.replace('«Выборы были честными»', '"Выборы были честными"'),
    claim: ['«Выборы были честными», — заявил представитель Интерпола'],
    expect: ['fuzzy'],
    at: ['"Выборы были честными", — заявил представитель Интерпола'],
  },
  {
    name: 'Cyrillic: paragraph inserted before the claim',
    oldText: CYRILLIC,
    newText: CYRILLIC.replace('\n\n', '\n\nИсточник: Интерфакс.\n\n'),
    claim: ['«вмешательством в процесс голосования»'],
    expect: ['moved'],
    at: ['«вмешательством в процесс голосования»'],
  },
  {
    name: 'Hebrew: number corrected inside the claim',
    oldText: RTL,
    newText: RTL.replace('ל-3.5 אחוזים', 'ל-3.8 אחוזים'),
    claim: ['האבטלה ירדה ל-3.5 אחוזים'],
    expect: ['fuzzy'],
    at: ['האבטלה ירדה ל-3.8 אחוזים'],
  },
  {
    name: 'Arabic: paragraph moved above the Hebrew one',
    oldText: RTL,
    newText: RTL.split('\n\n').reverse().join('\n\n'),
    claim: ['معدل البطالة انخفض إلى 3.5'],
    expect: ['moved'],
    at: ['معدل البطالة انخفض إلى 3.5'],
  },
  {
    name: 'Hebrew: sentence deleted while the same figure appears in the Arabic one',
    oldText: RTL,
    newText: RTL.replace('ראש הממשלה אמר כי האבטלה ירדה ל-3.5 אחוזים בשנה שעברה. ', ''),
    claim: ['3.5'],
    expect: ['orphaned'],
    never: ['3.5'],
  },
  {
    name: 'emoji inserted before the claim',
    oldText: TWEET,
    newText: `🔥 ${TWEET}`,
    claim: ['Russia routinely abuses Interpol 😡'],
    expect: ['moved'],
    at: ['Russia routinely abuses Interpol 😡'],
  },
  {
    name: 'emoji changed inside the claim',
    oldText: TWEET,
    newText: TWEET.replace('😡', '😠'),
    claim: ['Russia routinely abuses Interpol 😡'],
    expect: ['fuzzy'],
    at: ['Russia routinely abuses Interpol 😠'],
  },
  {
    name: 'combining marks: nukta added inside a Hindi claim',
    oldText: MARKS,
    newText: MARKS.replace('बेरोजगारी', 'बेरोज़गारी'),
    claim: ['बेरोजगारी 3.5 प्रतिशत घटी'],
    expect: ['fuzzy'],
    at: ['बेरोज़गारी 3.5 प्रतिशत घटी'],
  },
  {
    name: 'combining marks: text inserted before a claim that contains one',
    oldText: MARKS,
    newText: MARKS.replace('The mean', 'According to the survey, the mean'),
    claim: ['x\u0304 rose to 4.2'],
    expect: ['moved'],
    at: ['x\u0304 rose to 4.2'],
  },
];

type Outcome = 'correct' | 'wrong' | 'missed';

/** How a result compares with the expectation: wrong = placed where it does not belong. */
function judge(c: Correction, result: Reanchored): Outcome {
  const newIndex = new TextIndex(c.newText);
  if (result.start === null || result.end === null) return c.expect.includes('orphaned') ? 'correct' : 'missed';
  if (c.never) {
    const [ns, ne] = spanOf(c.newText, c.never[0], c.never[1] ?? 0);
    if (result.start < ne && result.end > ns) return 'wrong';
  }
  if (!c.at) return 'wrong';
  const [s, e] = spanOf(c.newText, c.at[0], c.at[1] ?? 0);
  const exact = result.start === s && result.end === e;
  const overlaps = result.start < e && result.end > s;
  if (!overlaps) return 'wrong';
  if (!c.expect.includes(result.status)) return 'missed';
  if (result.quote.exact !== newIndex.slice(result.start, result.end)) return 'wrong';
  return result.status === 'fuzzy' || exact ? 'correct' : 'missed';
}

function run(c: Correction): Reanchored {
  if (!c.orphanedFrom) return reanchorOne(c.oldText, c.newText, claimOn(c.oldText, c.claim[0], c.claim[1] ?? 0));
  const orphan = { ...claimOn(c.orphanedFrom, c.claim[0], c.claim[1] ?? 0), start: null, end: null };
  return reanchorOne(c.oldText, c.newText, orphan);
}

describe('newsroom corrections', () => {
  it('has at least 30 cases', () => {
    expect(CORRECTIONS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(CORRECTIONS.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = run(c);
    // One string, so a failure shows what happened: "missed: orphaned null", "wrong: moved …".
    expect(`${judge(c, result)}: ${result.status} ${JSON.stringify(placedOn(result, c.newText))}`).toMatch(/^correct: /);
  });
});
