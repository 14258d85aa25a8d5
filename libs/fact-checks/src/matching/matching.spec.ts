import { analyze, normaliseNumber, stem } from './analyze';
import { stripClaimNoise, splitWords } from './noise';
import { analyzeFactCheck, claimQuery, matchFeatures, probability, rawScore, LibraryStats } from './rank';
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

  it('ranks the fact-check of the same claim above one that shares only a name', () => {
    const a = rawScore(matchFeatures(query, analyzeFactCheck(same), stats), MATCH_WEIGHTS);
    const b = rawScore(matchFeatures(query, analyzeFactCheck(other), stats), MATCH_WEIGHTS);
    expect(a).toBeGreaterThan(b);
  });

  it('counts shared numbers and numbers the claim contradicts', () => {
    expect(matchFeatures(query, analyzeFactCheck(same), stats).numbersShared).toBeGreaterThan(0);
    expect(matchFeatures(query, analyzeFactCheck(other), stats).numbersMissing).toBeGreaterThan(0);
  });

  it('gives features in 0..1 (bm25 aside) and a score in 0..1, even for empty text', () => {
    for (const doc of [same, other, { claimReviewed: '', headline: '', claimant: '' }]) {
      for (const q of [query, claimQuery(''), claimQuery('— (@x) May 1, 2020')]) {
        const features = matchFeatures(q, analyzeFactCheck(doc), stats);
        for (const [name, value] of Object.entries(features)) {
          if (name !== 'bm25') expect(value).toBeGreaterThanOrEqual(0);
          if (name !== 'bm25') expect(value).toBeLessThanOrEqual(1);
        }
        const score = probability(rawScore(features, MATCH_WEIGHTS), CALIBRATION);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
    }
  });
});
