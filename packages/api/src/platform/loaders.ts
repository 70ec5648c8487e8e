import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessPolicy } from './access/access-policy.js';
import type { CompiledReads } from './read-compiler/read-compiler.js';

/**
 * The per-request DataLoaders, as one object. Each module adds its own by declaration merging
 * (`declare module '…/platform/loaders.js' { interface Loaders extends ReturnType<typeof xLoaders> {} }`)
 * and builds them in its manifest's `loaders`, so the platform names none of them.
 */
export interface Loaders {
  /** The read compiler for this request: root resolvers of the directory read in one statement through it. */
  compiledReads: CompiledReads;
}

/** What loaders are built from: the request's unit of work, the caller's rights, and the day. */
export interface LoaderContext {
  em: EntityManager;
  access: AccessPolicy;
  today: string;
}

/** A family of DataLoaders, one per distinct parameter set (e.g. the page arguments of a nested list). */
export function loaderFamily<P, V>(batch: (params: P, keys: readonly string[]) => Promise<V[]>) {
  const loaders = new Map<string, DataLoader<string, V>>();
  return (params: P): DataLoader<string, V> => {
    const key = JSON.stringify(params);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, V>((keys) => batch(params, keys));
      loaders.set(key, loader);
    }
    return loader;
  };
}

export function byIdLoader<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = new Map((await find([...ids])).map((row) => [row.id, row]));
    return ids.map((id) => rows.get(id) ?? null);
  });
}

/** The rows of each key, in the order of `keys`. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** One object from a row per key, or null. */
export function oneBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): (T | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
