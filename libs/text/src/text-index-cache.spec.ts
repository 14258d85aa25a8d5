import { TextIndexCache } from './text-index-cache';

describe('TextIndexCache', () => {
  const reader = () => {
    const reads: string[] = [];
    return { reads, read: (text: string) => async () => (reads.push(text), text) };
  };

  it('indexes a text once per key, and a new key (another revision) reads again', async () => {
    const cache = new TextIndexCache();
    const { reads, read } = reader();
    const first = await cache.get('a:1:h1', read('😀 one'));
    const again = await cache.get('a:1:h1', read('not read'));
    const next = await cache.get('a:2:h2', read('😀 two'));
    expect(again).toBe(first);
    expect(reads).toEqual(['😀 one', '😀 two']);
    expect([first.length, first.toUtf16(1), next.slice(2)]).toEqual([5, 2, 'two']);
  });

  it('drops the least recently used beyond its number of entries', async () => {
    const cache = new TextIndexCache(2);
    const { reads, read } = reader();
    await cache.get('a', read('A'));
    await cache.get('b', read('B'));
    await cache.get('a', read('A again'));
    await cache.get('c', read('C'));
    await cache.get('a', read('A a third time'));
    await cache.get('b', read('B again'));
    expect(reads).toEqual(['A', 'B', 'C', 'B again']);
    expect(cache.size).toBe(2);
  });

  it('holds no more text than its bound, and never a text larger than it', async () => {
    const cache = new TextIndexCache(16, 10);
    const { reads, read } = reader();
    await cache.get('six', read('123456'));
    await cache.get('five', read('12345'));
    await cache.get('six', read('123456 again'));
    await cache.get('huge', read('12345678901'));
    await cache.get('huge', read('12345678901 again'));
    expect(reads).toEqual(['123456', '12345', '123456 again', '12345678901', '12345678901 again']);
    expect(cache.size).toBe(1);
  });
});
