import { characterTrigrams, fieldCosines, trigramKey, longestSharedRun, nearPairs, weighBag, weightedCosine } from './similarity';

describe('character trigrams', () => {
  it('counts the trigrams of lower-cased, accent-folded words padded with spaces', () => {
    const key = (gram: string): number => trigramKey(gram.charCodeAt(0), gram.charCodeAt(1), gram.charCodeAt(2));
    expect([...characterTrigrams('Zoë!').entries()]).toEqual([[key(' zo'), 1], [key('zoe'), 1], [key('oe '), 1]]);
    expect(characterTrigrams('a aa').get(key(' a '))).toBe(1);
    expect(characterTrigrams('').size).toBe(0);
  });

  it('finds a misspelt or joined word close to the right one and far from an unrelated one', () => {
    const flat = (): number => 1;
    const right = characterTrigrams('vaccine causes autism');
    expect(weightedCosine(characterTrigrams('vacine causes autisim'), right, flat)).toBeGreaterThan(0.6);
    expect(weightedCosine(characterTrigrams('vaccinecausesautism'), right, flat)).toBeGreaterThan(0.5);
    expect(weightedCosine(characterTrigrams('tax cut for the rich'), right, flat)).toBeLessThan(0.1);
  });
});

describe('weighted cosine', () => {
  it('is 1 for the same bag, 0 for disjoint or empty bags, and weighs rare keys more', () => {
    const a = new Map([['x', 1], ['y', 1]]);
    expect(weightedCosine(a, a, () => 1)).toBeCloseTo(1);
    expect(weightedCosine(a, new Map([['z', 2]]), () => 1)).toBe(0);
    expect(weightedCosine(a, new Map(), () => 1)).toBe(0);
    const b = new Map([['x', 1], ['z', 1]]);
    const rareX = (key: string): number => (key === 'x' ? 5 : 1);
    expect(weightedCosine(a, b, rareX)).toBeGreaterThan(weightedCosine(a, b, () => 1));
  });
});

describe('longest shared run', () => {
  it('is the longest sequence of words both texts hold in the same order', () => {
    expect(longestSharedRun(['iran', 'bounty', 'trump', 'head'], ['bounti', 'iran', 'bounty', 'trump'])).toBe(3);
    expect(longestSharedRun(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(longestSharedRun([], ['a'])).toBe(0);
  });
});

describe('near pairs', () => {
  it('holds word pairs within the window whatever their order, so a reworded phrase still shares them', () => {
    expect(nearPairs(['vaccin', 'caus', 'autism'])).toEqual(new Set(['caus vaccin', 'autism vaccin', 'autism caus']));
    expect(nearPairs(['autism', 'link', 'to', 'vaccin'], 3).has('autism vaccin')).toBe(true);
    expect(nearPairs(['a', 'b', 'c', 'd', 'e'], 3).has('a e')).toBe(false);
  });
});

describe('field cosines', () => {
  it('equal the cosines with the claim, the headline and the two merged', () => {
    const weight = (key: number): number => 1 + (key % 7) / 10;
    const query = characterTrigrams('vacine causes autism says Hilary');
    const claim = characterTrigrams('Hillary Clinton said the vaccine causes autism.');
    const headline = characterTrigrams('Did Clinton say vaccines cause autism?');
    const both = new Map(claim);
    for (const [gram, count] of headline) both.set(gram, (both.get(gram) ?? 0) + count);
    const cosines = fieldCosines(weighBag(query, weight), claim, headline, weight);
    expect(cosines.claim).toBeCloseTo(weightedCosine(query, claim, weight), 10);
    expect(cosines.headline).toBeCloseTo(weightedCosine(query, headline, weight), 10);
    expect(cosines.both).toBeCloseTo(weightedCosine(query, both, weight), 10);
    expect(fieldCosines(weighBag(new Map(), weight), claim, headline, weight)).toEqual({ claim: 0, headline: 0, both: 0 });
  });
});
