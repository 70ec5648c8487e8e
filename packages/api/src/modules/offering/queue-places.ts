/**
 * The place arithmetic of the registration queue, as pure functions: free places, room for an
 * organisation while seat quotas hold, which of the waitlist is promoted next, when quotas are due to be
 * released, and how long an offer holds. `RegistrationQueue` applies them under the offering's row lock.
 */

/** The counts of an offering that decide its places. */
export interface PlaceCounts {
  /** Null: no limit. */
  capacity: number | null;
  confirmedCount: number;
  /** Places held by open offers count as taken. */
  offeredCount: number;
}

const HOUR_MS = 3_600_000;

/** Places neither confirmed nor held by an offer; Infinity without a limit. */
export function freePlaces(counts: PlaceCounts): number {
  return counts.capacity === null ? Infinity : Math.max(0, counts.capacity - counts.confirmedCount - counts.offeredCount);
}

/**
 * `freePlaces` as SQL over a row of `alias` with the offering's columns, for the statement that admits a
 * registration under the row lock (a large number stands for Infinity). Kept beside it: the two change together.
 */
export function freePlacesSql(alias: string): string {
  return `(case when ${alias}.capacity is null then 2147483647 else greatest(0, ${alias}.capacity - ${alias}.confirmed_count - ${alias}.offered_count) end)`;
}

export function hasRoom(counts: PlaceCounts): boolean {
  return freePlaces(counts) > 0;
}

/**
 * Whether a person of `organisationId` may take a free place now. While seat quotas hold, an
 * organisation with a quota takes places up to its quota; the others share what the quotas leave.
 * `quotas`: places reserved per organisation (empty: none, or released); `taken`: places held per organisation.
 */
export function hasRoomFor(
  counts: PlaceCounts,
  quotas: ReadonlyMap<string, number>,
  taken: ReadonlyMap<string, number>,
  organisationId: string,
): boolean {
  if (!hasRoom(counts)) return false;
  if (quotas.size === 0) return true;
  const own = quotas.get(organisationId);
  if (own !== undefined) return (taken.get(organisationId) ?? 0) < own;
  const reserved = [...quotas.values()].reduce((sum, places) => sum + places, 0);
  const takenByOthers = [...taken].filter(([organisation]) => !quotas.has(organisation)).reduce((sum, [, count]) => sum + count, 0);
  return takenByOthers < counts.capacity! - reserved;
}

/**
 * The next to promote: the first in queue order for whose organisation there is room (while quotas
 * hold, a place reserved for one organisation goes to the first of that organisation); null: nobody.
 */
export function nextToPromote<T extends { organisationId: string }>(
  waitlist: readonly T[],
  counts: PlaceCounts,
  quotas: ReadonlyMap<string, number>,
  taken: ReadonlyMap<string, number>,
): T | null {
  return waitlist.find((waiting) => hasRoomFor(counts, quotas, taken, waiting.organisationId)) ?? null;
}

/** Whether reserved places are due to go to everyone: a release date that has come and no release yet. */
export function quotaReleaseDue(offering: { quotaReleaseAt: Date | null; quotasReleasedAt: Date | null }, now: Date): boolean {
  return !offering.quotasReleasedAt && offering.quotaReleaseAt !== null && offering.quotaReleaseAt <= now;
}

/** Until when an offer made now holds its place. */
export function offerExpiresAt(now: Date, holdHours: number): Date {
  return new Date(now.getTime() + holdHours * HOUR_MS);
}

/** Whether an offer still holds at `now` (it lapses at its expiry). */
export function offerHolds(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt > now;
}
