import { FeedSplitter } from './feed-splitter';

function split(body: string, chunk = 7): { items: unknown[]; top: unknown } {
  const items: unknown[] = [];
  const splitter = new FeedSplitter((text) => items.push(JSON.parse(text)));
  for (let i = 0; i < body.length; i += chunk) splitter.write(body.slice(i, i + chunk));
  return { items, top: splitter.end() };
}

describe('FeedSplitter', () => {
  const review = { '@type': 'ClaimReview', url: 'https://x.example/a,b]', claimReviewed: 'He said "[1, 2]" {}', reviewRating: { ratingValue: 1 } };

  it.each([1, 3, 7, 1000])('splits an array into its items, whatever the chunk size (%i)', (chunk) => {
    const { items, top } = split(JSON.stringify([review, { ...review, url: 'https://y.example' }, 3]), chunk);
    expect(items).toEqual([review, { ...review, url: 'https://y.example' }, 3]);
    expect(top).toBeUndefined();
  });

  it.each([1, 4, 1000])('splits a DataFeed whose element is a bare value followed by more (%i) (failed on main: the comma after it went into the feed’s own text, and the whole feed was refused as malformed)', (chunk) => {
    const feed = { '@type': 'DataFeed', dataFeedElement: [review, 42, 'text', null, review], name: 'feed' };
    const { items, top } = split(JSON.stringify(feed), chunk);
    expect(items).toEqual([review, 42, 'text', null, review]);
    expect(top).toEqual({ '@type': 'DataFeed', dataFeedElement: [], name: 'feed' });
  });

  it.each([1, 5, 1000])('splits a DataFeed into its elements and keeps its own fields (%i)', (chunk) => {
    const feed = { '@context': 'https://schema.org', '@type': 'DataFeed', dataFeedElement: [{ '@type': 'DataFeedItem', item: review }, review], name: 'feed' };
    const { items, top } = split(JSON.stringify(feed, null, 2), chunk);
    expect(items).toEqual([{ '@type': 'DataFeedItem', item: review }, review]);
    expect(top).toEqual({ ...feed, dataFeedElement: [] });
  });

  it('gives back one ClaimReview whole', () => {
    expect(split(JSON.stringify(review))).toEqual({ items: [], top: review });
  });

  it('refuses a body that is not JSON', () => {
    expect(() => split('[{"url": "x"}')).toThrow('not valid JSON');
    expect(() => split('nope')).toThrow('not valid JSON');
  });
});
