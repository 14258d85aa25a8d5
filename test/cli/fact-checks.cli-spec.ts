import { writeFileSync } from 'node:fs';
import { bearer, TestDesk } from '../support/test-app';
import { CliWorld } from './cli-harness';

describe('claimdesk fact-checks import (cli)', () => {
  const world = new CliWorld();
  afterAll(() => world.cleanup());

  const review = (url: string, claimReviewed: string) => ({ '@type': 'ClaimReview', url, claimReviewed, author: { name: 'Snopes' } });

  it('imports a file, lists unreadable items on stderr, and updates by url on a second run', async () => {
    writeFileSync(world.path('feed.json'), JSON.stringify([review('https://fc.example/1', 'One.'), review('https://fc.example/2', 'Two.'), { claimReviewed: 'no url' }]));
    expect(await world.run(['fact-checks', 'import', 'feed.json'])).toMatchObject({ code: 0, stdout: 'created 2, updated 0, failed 1\n', stderr: 'item 2: url is missing\n' });
    expect(await world.run(['fact-checks', 'import', 'feed.json'])).toMatchObject({ code: 0, stdout: 'created 0, updated 2, failed 1\n' });
  });

  it('reads a DataFeed from stdin and prints JSON with --json', async () => {
    const feed = { '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: review('https://fc.example/3', 'Three.') }] };
    const result = await world.run(['fact-checks', 'import', '-', '--json'], { stdin: JSON.stringify(feed) });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ created: 1, updated: 0, failed: [] });
  });

  it('draws a progress bar on a terminal only', async () => {
    writeFileSync(world.path('four.json'), JSON.stringify(review('https://fc.example/4', 'Four.')));
    expect((await world.run(['fact-checks', 'import', 'four.json'], { tty: true })).stderr).toContain('100%');
    expect((await world.run(['fact-checks', 'import', 'four.json'])).stderr).toBe('');
  });

  it('imports nothing from a file that is not JSON', async () => {
    writeFileSync(world.path('broken.json'), `[${JSON.stringify(review('https://fc.example/broken', 'Broken.'))}, {`);
    const result = await world.run(['fact-checks', 'import', 'broken.json']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('not valid JSON');
    const desk = await TestDesk.start({}, world.databaseUrl);
    try {
      const listed = await desk.http.get('/api/v1/fact-checks').set(...bearer(desk.admin)).expect(200);
      expect(listed.body.items.map((f: { url: string }) => f.url).sort()).toEqual(['https://fc.example/1', 'https://fc.example/2', 'https://fc.example/3', 'https://fc.example/4']);
    } finally {
      await desk.close();
    }
  });

  it('imports 2,000 ClaimReviews that arrive as one chunk (failed on main: too many SQL variables)', async () => {
    const many = Array.from({ length: 2000 }, (_, i) => review(`https://fc.example/many-${i}`, `Claim ${i}.`));
    const result = await world.run(['fact-checks', 'import', '-', '--json'], { stdin: JSON.stringify(many) });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ created: 2000, updated: 0, failed: [] });
  });
});
