import { analyze, normaliseNumber, stem } from './analyze';
import { stripClaimNoise, splitWords } from './noise';
import { analyzeFactCheck, Candidate, candidateFeatures, claimQuery, FactCheckText, MatchFeatures, probability, rawScore, LibraryStats } from './rank';
import { CALIBRATION, MATCH_WEIGHTS } from './weights';

describe('stripClaimNoise', () => {
  it('drops the embed signature and keeps its author', () => {
    expect(stripClaimNoise('Trump should divest. — Ilhan Omar (@IlhanMN) January 6, 2020')).toEqual({ text: 'Trump should divest.', author: 'Ilhan Omar' });
  });

  it('drops links, including pic.twitter.com glued to a hashtag and t.co links broken by a space', () => {
    expect(stripClaimNoise('Drone attack #IranUsapic.twitter.com/TvRkHvlgby see https ://t.co/V4Lzv97qOc and www.example.com/x').text).toBe('Drone attack Iran Usa see and');
  });

  it('drops transcript speaker labels but not the words after them', () => {
    expect(stripClaimNoise('KAINE: We have 1,000 troops there. MR. PENCE: No, 70% of them left.').text).toBe('We have 1,000 troops there. No, 70% of them left.');
  });

  it('keeps the words of handles and hashtags', () => {
    expect(splitWords('realDonaldTrump')).toBe('real Donald Trump');
    expect(splitWords('IranUSA')).toBe('Iran USA');
    expect(splitWords('covid_19')).toBe('covid 19');
    expect(splitWords('BidenCrimeFamily')).toBe('Biden Crime Family');
  });

  it('splits a lowercase hashtag into English words (failed on main: "#climatechangeisreal" stayed one word)', () => {
    expect(splitWords('climatechangeisreal')).toBe('climatechangeisreal climate change is real');
    expect(splitWords('draintheswamp')).toBe('draintheswamp drain the swamp');
    expect(stripClaimNoise('So true #fakenews #WeNeedChangeNow').text).toBe('So true fakenews fake news We Need Change Now');
    expect(analyze(stripClaimNoise('#texaschurchshooting').text).terms).toEqual(expect.arrayContaining([stem('texas'), stem('church'), stem('shooting')]));
  });

  it('keeps a known word or a name whole, and an unknown run beside its words (the library may know it)', () => {
    expect(splitWords('therapist')).toBe('therapist');
    expect(splitWords('trump')).toBe('trump');
    expect(splitWords('qanon')).toBe('qanon');
    expect(splitWords('trumprussia')).toBe('trumprussia trump russia');
  });
});

describe('analyze', () => {
  it('stems content words and leaves stop words out', () => {
    expect(analyze('The vaccinations were running').terms).toEqual(['vaccin', 'run']);
    expect(stem('protesters')).toBe(stem('protester'));
  });

  it('reads "US" and "U.S." as the country, not the pronoun', () => {
    expect(analyze('The US said').terms).toContain('usa');
    expect(analyze('Tell us').terms).not.toContain('usa');
  });

  it('normalises numbers', () => {
    expect(analyze('1,000 people and 70% of 3.50').numbers).toEqual(['1000', '70', '3.5']);
    expect(normaliseNumber('2020.')).toBe('2020');
  });

  it('takes capitalised words inside a sentence as names, folding accents', () => {
    expect(analyze('Yesterday Zoë Dubois met the Mayor of Paris.').entities).toEqual([stem('zoe'), stem('dubois'), stem('mayor'), stem('paris')]);
  });
});

describe('the re-ranker', () => {
  const stats: LibraryStats = { documents: 10_000, documentFrequency: (term) => (term === 'trump' ? 800 : 10) };
  const same = { claimReviewed: 'Iran offered an $80 million bounty for killing Donald Trump.', headline: 'Did Iran Put an $80 Million Bounty on Trump?', claimant: null };
  const other = { claimReviewed: 'Donald Trump golfed 300 times in office.', headline: 'Trump golf count', claimant: null };
  const query = claimQuery("OMG! Iran's regime just announced an $80 million bounty for the head of @realDonaldTrump — M. Jazayeri (@hanifjazayeri) January 5, 2020");
  const candidate = (doc: FactCheckText): Candidate => ({ analysis: analyzeFactCheck(doc), claimReviewed: doc.claimReviewed, headline: doc.headline });
  const features = (q: typeof query, docs: FactCheckText[], s: LibraryStats = stats): MatchFeatures[] => candidateFeatures(q, docs.map(candidate), s);
  const scores = (q: typeof query, docs: FactCheckText[], s: LibraryStats = stats): number[] =>
    features(q, docs, s).map((f) => probability(rawScore(f, MATCH_WEIGHTS), CALIBRATION));

  it('ranks the fact-check of the same claim above one that shares only a name', () => {
    const [a, b] = scores(query, [same, other]);
    expect(a).toBeGreaterThan(b);
  });

  it('counts shared numbers and numbers the claim contradicts', () => {
    const [a, b] = features(query, [same, other]);
    expect(a.numbersShared).toBeGreaterThan(0);
    expect(b.numbersMissing).toBeGreaterThan(0);
  });

  it('ranks right a misspelt claim that plain BM25 ranks wrong (a shorter fact-check sharing the same words)', () => {
    const flat: LibraryStats = { documents: 10_000, documentFrequency: () => 50 };
    const misspelt = claimQuery('Hilary Clinton: the vacine causes autism in kids');
    const right = { claimReviewed: 'Hillary Clinton admitted that the vaccine causes autism in children.', headline: 'Did Hillary Clinton Admit Vaccines Cause Autism?', claimant: null };
    const wrong = { claimReviewed: 'Clinton causes autism row.', headline: 'Clinton autism row', claimant: null };
    const [r, w] = features(misspelt, [right, wrong], flat);
    expect(w.bm25).toBeGreaterThan(r.bm25);
    const [rightScore, wrongScore] = scores(misspelt, [right, wrong], flat);
    expect(rightScore).toBeGreaterThan(wrongScore);
  });

  it('gives features in 0..1 (BM25 aside) and a score in 0..1, even for empty text', () => {
    for (const q of [query, claimQuery(''), claimQuery('— (@x) May 1, 2020')]) {
      const docs = [same, other, { claimReviewed: '', headline: '', claimant: '' }];
      for (const f of features(q, docs)) {
        for (const [name, value] of Object.entries(f)) {
          expect(value).toBeGreaterThanOrEqual(0);
          if (!name.startsWith('bm25') || name === 'bm25Share') expect(value).toBeLessThanOrEqual(1);
        }
      }
      for (const score of scores(q, docs)) {
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });
});
