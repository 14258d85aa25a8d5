import { bearer, TestDesk } from '../support/test-app';

/** API.md, "Fact-check library and claim matching": CLAIMDESK_MATCH_SHOW and CLAIMDESK_MATCH_LIKELY. */
describe('claim match thresholds (e2e)', () => {
  const review = (url: string, claimReviewed: string) => ({
    '@context': 'https://schema.org', '@type': 'ClaimReview', url, claimReviewed, datePublished: '2020-01-08',
    author: { '@type': 'Organization', name: 'Snopes' }, reviewRating: { '@type': 'Rating', alternateName: 'False' },
  });
  const reviews = [
    review('https://fc.example/bounty', 'Iran announced an 80 million dollar bounty on Donald Trump after the killing of Soleimani.'),
    review('https://fc.example/bridge', 'The new bridge over the river cost 80 million dollars.'),
    review('https://fc.example/trees', 'The mayor planted 40,000 trees by the river.'),
  ];
  const text = 'Iranian regime announced an 80 million dollar bounty on Trump';

  async function matchesOn(env: Record<string, string>): Promise<{ url: string; score: number; likelySame: boolean }[]> {
    const desk = await TestDesk.start(env);
    try {
      await desk.http.post('/api/v1/fact-checks/import').set(...bearer(desk.admin)).send(reviews).expect(200);
      return (await desk.http.get('/api/v1/fact-checks/similar').query({ text }).set(...bearer(desk.admin)).expect(200)).body.items;
    } finally {
      await desk.close();
    }
  }

  it('leaves out matches below CLAIMDESK_MATCH_SHOW and flags those at CLAIMDESK_MATCH_LIKELY as likelySame', async () => {
    const all = await matchesOn({ CLAIMDESK_MATCH_SHOW: '0', CLAIMDESK_MATCH_LIKELY: '1' });
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all[0].url).toBe('https://fc.example/bounty');
    expect(all.every((m) => m.likelySame === false)).toBe(true);
    const [best, second] = all;
    // Show sits between the best and the second; likely at the best (rounded down).
    const show = ((best.score + second.score) / 2).toFixed(6);
    const likely = (Math.floor(best.score * 1e6) / 1e6).toFixed(6);
    expect(Number(show)).toBeLessThan(Number(likely));
    const some = await matchesOn({ CLAIMDESK_MATCH_SHOW: show, CLAIMDESK_MATCH_LIKELY: likely });
    expect(some.map((m) => [m.url, m.likelySame])).toEqual([['https://fc.example/bounty', true]]);
    const above = await matchesOn({ CLAIMDESK_MATCH_SHOW: show, CLAIMDESK_MATCH_LIKELY: '1' });
    expect(above.map((m) => [m.url, m.likelySame])).toEqual([['https://fc.example/bounty', false]]);
  });

  it('by default shows only matches from 0.02 and flags those from 0.5', async () => {
    const all = await matchesOn({});
    for (const match of all) {
      expect(match.score).toBeGreaterThanOrEqual(0.02);
      expect(match.likelySame).toBe(match.score >= 0.5);
    }
    expect(all[0].url).toBe('https://fc.example/bounty');
  });
});
