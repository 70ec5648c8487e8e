import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements of one unit of work (a request), to keep N+1 out and to report it in benchmarks;
 * and, for the registration storm, how long the request held a row lock (from taking it to its commit).
 */
export class QueryCounter {
  count = 0;
  /** Milliseconds a lock was held, summed over the request's transactions; null: none taken. */
  lockHeldMs: number | null = null;
  /** Epoch milliseconds at which the lock now held was taken. */
  lockTakenAt: number | null = null;
  /** Whether the caller was looked up in the database (not found in the caller cache): not a steady-state request. */
  callerLookedUp = false;
}

const storage = new AsyncLocalStorage<QueryCounter>();

export function runCountingQueries<T>(counter: QueryCounter, work: () => T): T {
  return storage.run(counter, work);
}

export function recordQuery(): void {
  const counter = storage.getStore();
  if (counter) counter.count += 1;
}

/** The caller was not in the caller cache and was read from the database (shown beside the count where counting). */
export function recordCallerLookup(): void {
  const counter = storage.getStore();
  if (counter) counter.callerLookedUp = true;
}

/** Wall-clock milliseconds with sub-millisecond precision, comparable with PostgreSQL's clock_timestamp() on the same machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}

/** A row lock was taken at `at` (epoch ms; e.g. the database's clock_timestamp() right after taking it). Only where counting. */
export function recordLockTaken(at: number = wallClockMs()): void {
  const counter = storage.getStore();
  if (counter && counter.lockTakenAt === null) counter.lockTakenAt = at;
}

/** The transaction holding the lock ended (committed or rolled back). */
export function recordLockReleased(): void {
  const counter = storage.getStore();
  if (!counter || counter.lockTakenAt === null) return;
  counter.lockHeldMs = (counter.lockHeldMs ?? 0) + Math.max(0, wallClockMs() - counter.lockTakenAt);
  counter.lockTakenAt = null;
}
