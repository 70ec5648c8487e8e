import { AsyncLocalStorage } from 'node:async_hooks';

/** Counts the SQL statements of one unit of work (a request), to keep N+1 out and to report it in benchmarks. */
export class QueryCounter {
  count = 0;
}

const storage = new AsyncLocalStorage<QueryCounter>();

export function runCountingQueries<T>(counter: QueryCounter, work: () => T): T {
  return storage.run(counter, work);
}

export function recordQuery(): void {
  const counter = storage.getStore();
  if (counter) counter.count += 1;
}
