import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessPolicy } from '../access/access-policy.js';
import { ANONYMOUS } from '../access/actor.js';
import type { LoaderContext } from '../loaders.js';
import { ModuleRegistry } from './registry.js';
import type { ModuleDefinition } from './module-definition.js';

function loaderContext(today: string): LoaderContext {
  return { em: {} as EntityManager, access: new AccessPolicy(ANONYMOUS), today };
}

/** Two modules whose loader factories count how often they are called, and with which day. */
function countingRegistry() {
  const built: string[] = [];
  const module = (name: string, loaders: string[]): ModuleDefinition =>
    ({
      name,
      loaders: (ctx: LoaderContext) => {
        built.push(`${name} ${ctx.today}`);
        return Object.fromEntries(loaders.map((loader) => [loader, { loader, today: ctx.today }]));
      },
    }) as unknown as ModuleDefinition;
  const registry = new ModuleRegistry([module('a', ['alpha', 'alphaPages']), module('b', ['beta'])]);
  return { registry, built };
}

type Probe = Record<string, { loader: string; today: string }>;

describe('the request loaders', () => {
  it("build a module's loaders on first use of one of them, once per request, and no other module's", () => {
    const { registry, built } = countingRegistry();
    registry.createLoaders(loaderContext('2026-01-01')); // the first request learns the loaders' names
    built.length = 0;

    const loaders = registry.createLoaders(loaderContext('2026-12-02')) as unknown as Probe;
    expect(built).toEqual([]);
    expect(loaders.alpha).toEqual({ loader: 'alpha', today: '2026-12-02' });
    // The same object for every use in the request: loads in one request are batched by one DataLoader.
    expect(loaders.alpha).toBe(loaders.alpha);
    expect(loaders.alphaPages).toEqual({ loader: 'alphaPages', today: '2026-12-02' });
    expect(built).toEqual(['a 2026-12-02']);

    const next = registry.createLoaders(loaderContext('2026-12-03')) as unknown as Probe;
    expect(next.beta).toEqual({ loader: 'beta', today: '2026-12-03' });
    expect(next.alpha).not.toBe(loaders.alpha);
    expect(built).toEqual(['a 2026-12-02', 'b 2026-12-03', 'a 2026-12-03']);
  });

  it('keep the request they were made for, even if the context object changes later', () => {
    const { registry } = countingRegistry();
    const ctx = loaderContext('2026-12-02');
    const loaders = registry.createLoaders(ctx) as unknown as Probe;
    ctx.today = '2026-12-24';
    expect(loaders.beta).toEqual({ loader: 'beta', today: '2026-12-02' });
  });

  it('give the request its read compiler', () => {
    const { registry } = countingRegistry();
    const loaders = registry.createLoaders(loaderContext('2026-12-02'));
    expect(typeof loaders.compiledReads.read).toBe('function');
    expect(loaders.compiledReads).toBe(loaders.compiledReads);
  });

  it('refuse two modules declaring a loader of the same name', () => {
    const module = (name: string) => ({ name, loaders: () => ({ shared: 1 }) }) as unknown as ModuleDefinition;
    const registry = new ModuleRegistry([module('a'), module('b')]);
    expect(() => registry.createLoaders(loaderContext('2026-12-02'))).toThrow(/Two modules declare the loader shared/);
  });
});
