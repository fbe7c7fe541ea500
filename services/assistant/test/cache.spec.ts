// The answer cache: least recently used out first; stale versions miss but stay for outages.
import { LruCache } from '../src/cache';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string>(2);
    cache.set('a', 'v1', 'A');
    cache.set('b', 'v1', 'B');
    expect(cache.get('a', 'v1')).toBe('A');
    cache.set('c', 'v1', 'C');
    expect(cache.get('b', 'v1')).toBeUndefined();
    expect(cache.get('a', 'v1')).toBe('A');
    expect(cache.size).toBe(2);
  });

  it('misses on another version of the data but still has the latest for outages', () => {
    const cache = new LruCache<string>(5);
    cache.set('k', 'v1', 'old');
    expect(cache.get('k', 'v2')).toBeUndefined();
    expect(cache.latest('k')).toBe('old');
  });

  it('stores nothing with no capacity', () => {
    const cache = new LruCache<string>(0);
    cache.set('k', 'v1', 'x');
    expect(cache.size).toBe(0);
  });
});
