import type { GraphQLResolveInfo } from 'graphql';

/** Where a compiled read leaves what a nested field answers, on the parent object, by response key (alias). */
const PREFETCHED = Symbol('prefetched');

type WithPrefetched = { [PREFETCHED]?: Map<string, unknown> };

/** Records the value of a nested field, by its response key, on the parent object. */
export function setPrefetched(parent: object, responseKey: string, value: unknown): void {
  const holder = parent as WithPrefetched;
  (holder[PREFETCHED] ??= new Map()).set(responseKey, value);
}

/**
 * What the compiled read prefetched for the field being resolved on this parent, or undefined when it did
 * not (the parent came from the loader path): then the field resolver loads as before.
 */
export function prefetched<T>(parent: object, info: GraphQLResolveInfo): T | undefined {
  const values = (parent as WithPrefetched)[PREFETCHED];
  return values?.get(String(info.path.key)) as T | undefined;
}

/**
 * Every value a compiled read prefetched on this parent, by response key, or undefined when the parent came
 * from the loader path. A prefetched value is the field's answer as it is: the field guards
 * (`platform/graphql/field-guards.ts`) answer it without calling the field's resolver.
 */
export function prefetchedValues(parent: unknown): ReadonlyMap<string, unknown> | undefined {
  return typeof parent === 'object' && parent !== null ? (parent as WithPrefetched)[PREFETCHED] : undefined;
}

/** Whether the parent came from a compiled read (then every selected nested field is prefetched). */
export function isPrefetched(parent: object): boolean {
  return (parent as WithPrefetched)[PREFETCHED] !== undefined;
}
