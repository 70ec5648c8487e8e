import { describe, expect, it } from 'vitest';
import { grantsFrom, type Actor } from '../../platform/access/actor.js';
import { CallerCache } from './caller-cache.js';

const actor = (personId: string): Actor => ({ kind: 'person', personId, sessionId: `s-${personId}`, grants: grantsFrom([]) });

function cacheAt(start = 1_000_000) {
  const clock = { now: start };
  const cache = new CallerCache({ ttlMs: 30_000, maxEntries: 3 }, () => clock.now);
  cache.enable();
  return { cache, clock };
}

describe('CallerCache', () => {
  it('keeps an entry for its day, until its TTL or the end it was given', () => {
    const { cache, clock } = cacheAt();
    cache.set('a', cache.stamp(), { actor: actor('p1'), ownerId: 'p1', today: '2026-12-01' });
    cache.set('b', cache.stamp(), { actor: actor('p2'), ownerId: 'p2', today: '2026-12-01', expiresAt: clock.now + 10_000 });
    expect(cache.get('a', '2026-12-01')?.ownerId).toBe('p1');
    expect(cache.get('a', '2026-12-02')).toBeNull();
    expect(cache.get('a', '2026-12-01')).toBeNull(); // gone with the day change
    clock.now += 10_000;
    expect(cache.get('b', '2026-12-01')).toBeNull();
    cache.set('c', cache.stamp(), { actor: actor('p3'), ownerId: 'p3', today: '2026-12-01' });
    clock.now += 30_000;
    expect(cache.get('c', '2026-12-01')).toBeNull();
  });

  it('evicts a person, or everyone, and refuses what was read before an eviction', () => {
    const { cache } = cacheAt();
    cache.set('a', cache.stamp(), { actor: actor('p1'), ownerId: 'p1', today: 'd' });
    cache.set('a2', cache.stamp(), { actor: actor('p1'), ownerId: 'p1', today: 'd' });
    cache.set('b', cache.stamp(), { actor: actor('p2'), ownerId: 'p2', today: 'd' });
    const stamp = cache.stamp();
    cache.evict('p1');
    expect([cache.get('a', 'd'), cache.get('a2', 'd')]).toEqual([null, null]);
    expect(cache.get('b', 'd')).not.toBeNull();
    cache.set('a', stamp, { actor: actor('p1'), ownerId: 'p1', today: 'd' });
    expect(cache.get('a', 'd')).toBeNull();
    cache.evict('*');
    expect(cache.size).toBe(0);
  });

  it('caches nothing while disabled, and at most maxEntries', () => {
    const { cache } = cacheAt();
    for (const key of ['a', 'b', 'c', 'd']) cache.set(key, cache.stamp(), { actor: actor(key), ownerId: key, today: 'd' });
    expect(cache.size).toBe(3);
    expect(cache.get('a', 'd')).toBeNull();
    cache.disable();
    expect(cache.get('d', 'd')).toBeNull();
    cache.set('e', cache.stamp(), { actor: actor('e'), ownerId: 'e', today: 'd' });
    expect(cache.size).toBe(0);
  });
});
