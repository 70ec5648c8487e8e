import type pg from 'pg';

export interface StormCheck {
  passed: boolean;
  /** More confirmed places than the capacity, in the rows or in the offering's counter. */
  overbooked: boolean;
  failures: string[];
  offering: { capacity: number | null; confirmedCount: number; waitlistedCount: number };
  rows: { total: number; confirmed: number; waitlisted: number; cancelled: number; distinctPeople: number; fromSample: number };
  waitlistPositions: { min: number | null; max: number | null; distinct: number };
}

interface StormState {
  capacity: number | null;
  confirmed_count: number;
  waitlisted_count: number;
  total: number;
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  distinct_people: number;
  from_sample: number;
  min_position: number | null;
  max_position: number | null;
  distinct_positions: number;
}

/** Positions 1..count, each once. */
function isUnbrokenQueue(positions: { min: number | null; max: number | null; distinct: number }, count: number): boolean {
  return count === 0 ? positions.distinct === 0 : positions.min === 1 && positions.max === count && positions.distinct === count;
}

/**
 * Reads the offering and its registrations straight from the database after the storm and lists every way they
 * differ from a correct outcome: exactly `capacity` confirmed, the rest queued at 1..N, each person once, counters
 * equal to the rows, and the API's answers agreeing with the rows.
 */
export async function checkStorm(
  client: pg.Client,
  storm: { offeringId: string; people: string[]; capacity: number; answers: { status?: string; waitlistPosition?: number | null }[] },
): Promise<StormCheck> {
  const state = (
    await client.query<StormState>(
      `select o.capacity, o.confirmed_count, o.waitlisted_count,
              count(r.id)::int as total,
              count(r.id) filter (where r.status = 'CONFIRMED')::int as confirmed,
              count(r.id) filter (where r.status = 'WAITLISTED')::int as waitlisted,
              count(r.id) filter (where r.status = 'CANCELLED')::int as cancelled,
              count(distinct r.person_id)::int as distinct_people,
              count(r.id) filter (where r.person_id = any($2::uuid[]))::int as from_sample,
              min(r.waitlist_position) filter (where r.status = 'WAITLISTED') as min_position,
              max(r.waitlist_position) filter (where r.status = 'WAITLISTED') as max_position,
              count(distinct r.waitlist_position) filter (where r.status = 'WAITLISTED')::int as distinct_positions
         from offering o left join registration r on r.offering_id = o.id
        where o.id = $1
        group by o.id`,
      [storm.offeringId, storm.people],
    )
  ).rows[0];
  if (!state) throw new Error(`Offering ${storm.offeringId} is not in the database`);

  const expectedConfirmed = Math.min(storm.capacity, storm.people.length);
  const expectedWaitlisted = storm.people.length - expectedConfirmed;
  const positions = { min: state.min_position, max: state.max_position, distinct: state.distinct_positions };
  const failures: string[] = [];
  const overbooked = state.confirmed > storm.capacity || state.confirmed_count > storm.capacity;
  if (overbooked)
    failures.push(`OVERBOOKED: ${state.confirmed} confirmed registrations (counter ${state.confirmed_count}) for ${storm.capacity} places`);
  if (state.capacity !== storm.capacity) failures.push(`the offering's capacity is ${state.capacity}, not ${storm.capacity}`);
  if (state.confirmed !== expectedConfirmed) failures.push(`${state.confirmed} confirmed, expected ${expectedConfirmed}`);
  if (state.waitlisted !== expectedWaitlisted) failures.push(`${state.waitlisted} waitlisted, expected ${expectedWaitlisted}`);
  if (state.cancelled !== 0) failures.push(`${state.cancelled} cancelled registrations, expected none`);
  if (state.confirmed_count !== state.confirmed)
    failures.push(`confirmed counter ${state.confirmed_count} ≠ ${state.confirmed} confirmed rows`);
  if (state.waitlisted_count !== state.waitlisted)
    failures.push(`waitlisted counter ${state.waitlisted_count} ≠ ${state.waitlisted} waitlisted rows`);
  if (!isUnbrokenQueue(positions, state.waitlisted)) {
    failures.push(
      `waitlist positions ${positions.min}–${positions.max} with ${positions.distinct} distinct values for ${state.waitlisted} waitlisted (gaps or repeats)`,
    );
  }
  if (state.distinct_people !== state.total) failures.push(`${state.total - state.distinct_people} people registered more than once`);
  if (state.total !== storm.people.length || state.from_sample !== storm.people.length) {
    failures.push(`${state.total} registrations (${state.from_sample} of the people sent), expected ${storm.people.length}`);
  }

  // What the API told each caller must agree with what it stored.
  const answeredConfirmed = storm.answers.filter((answer) => answer.status === 'CONFIRMED').length;
  const answeredPositions = storm.answers.flatMap((answer) =>
    answer.status === 'WAITLISTED' && typeof answer.waitlistPosition === 'number' ? [answer.waitlistPosition] : [],
  );
  if (answeredConfirmed !== state.confirmed) failures.push(`${answeredConfirmed} callers were told CONFIRMED, ${state.confirmed} rows are`);
  const answered = {
    min: answeredPositions.length ? Math.min(...answeredPositions) : null,
    max: answeredPositions.length ? Math.max(...answeredPositions) : null,
    distinct: new Set(answeredPositions).size,
  };
  if (answeredPositions.length !== state.waitlisted || !isUnbrokenQueue(answered, answeredPositions.length)) {
    failures.push(
      `callers were told ${answeredPositions.length} waitlist positions (${answered.distinct} distinct, ${answered.min}–${answered.max}); ${state.waitlisted} rows are waitlisted`,
    );
  }

  return {
    passed: failures.length === 0,
    overbooked,
    failures,
    offering: { capacity: state.capacity, confirmedCount: state.confirmed_count, waitlistedCount: state.waitlisted_count },
    rows: {
      total: state.total,
      confirmed: state.confirmed,
      waitlisted: state.waitlisted,
      cancelled: state.cancelled,
      distinctPeople: state.distinct_people,
      fromSample: state.from_sample,
    },
    waitlistPositions: positions,
  };
}
