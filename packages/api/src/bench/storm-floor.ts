import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { fromGlobalId } from '../platform/graphql/global-id.js';
import { createCohort } from './registration-storm.js';

/** The registration storm by a plain `pg` script: what the database alone allows, measured in the same run. */
export interface StormFloor {
  registrations: number;
  concurrency: number;
  /** Connections of its pool: as many as the API's. */
  connections: number;
  wallSeconds: number;
  registrationsPerSecond: number;
  /** How long each registration held the offering's row lock: from the database's clock right after taking it to the commit's answer. */
  lockHeldMs: { p50: number; p90: number };
  /** Its rows, read back: places confirmed (never above the capacity) and waitlisted. */
  confirmed: number;
  waitlisted: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentileOf(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/**
 * The floor of the storm: the same number of people register for another fresh cohort (made through the API,
 * named `Bench storm floor <time>`), the same number in flight, each with a plain `pg` transaction of a
 * conditional counter update (a place while there is one, else the end of the queue) and an insert of the
 * registration: no GraphQL, no rules, no messages, no audit entry. Its lock hold time is measured as the API's is.
 */
export async function runStormFloor(
  url: string,
  databaseUrl: string,
  settings: { registrations: number; capacity: number; concurrency: number; connections: number },
): Promise<StormFloor> {
  const { cohortId } = await createCohort(url, `Bench storm floor ${new Date().toISOString()}`, settings.capacity);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: settings.connections });
  try {
    const offeringId = (
      await pool.query<{ offering_id: string }>('select offering_id from cohort where id = $1', [fromGlobalId(cohortId, 'Cohort')!.id])
    ).rows[0]!.offering_id;
    const people = (
      await pool.query<{ id: string; home_organisation_id: string }>(
        'select id, home_organisation_id from person where erased_at is null order by random() limit $1',
        [settings.registrations],
      )
    ).rows;
    const held: number[] = [];
    let next = 0;
    const worker = async () => {
      while (next < people.length) {
        const person = people[next++]!;
        const client = await pool.connect();
        try {
          await client.query('begin');
          const decided = await client.query<{ confirmed: boolean; waitlisted_count: number; locked_at: string }>(
            `with locked as (
               select id, capacity, confirmed_count, offered_count from offering where id = $1 for update
             ), counted as (
               update offering o
               set confirmed_count = o.confirmed_count + case when l.capacity is null or l.capacity - l.confirmed_count - l.offered_count > 0 then 1 else 0 end,
                   waitlisted_count = o.waitlisted_count + case when l.capacity is null or l.capacity - l.confirmed_count - l.offered_count > 0 then 0 else 1 end
               from locked l where o.id = l.id
               returning o.confirmed_count > l.confirmed_count as confirmed, o.waitlisted_count
             )
             select confirmed, waitlisted_count, extract(epoch from clock_timestamp()) * 1000 as locked_at from counted`,
            [offeringId],
          );
          const { confirmed, waitlisted_count: position, locked_at: lockedAt } = decided.rows[0]!;
          await client.query(
            `insert into registration (id, offering_id, person_id, organisation_id, status, waitlist_position, registered_at, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, now(), now(), now())`,
            [
              randomUUID(),
              offeringId,
              person.id,
              person.home_organisation_id,
              confirmed ? 'CONFIRMED' : 'WAITLISTED',
              confirmed ? null : position,
            ],
          );
          await client.query('commit');
          held.push(performance.timeOrigin + performance.now() - Number(lockedAt));
        } catch (error) {
          await client.query('rollback').catch(() => {});
          throw error;
        } finally {
          client.release();
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, people.length) }, worker));
    const wallMs = performance.now() - started;
    const counts = (
      await pool.query<{ confirmed: number; waitlisted: number }>(
        `select count(*) filter (where status = 'CONFIRMED')::int as confirmed, count(*) filter (where status = 'WAITLISTED')::int as waitlisted
         from registration where offering_id = $1`,
        [offeringId],
      )
    ).rows[0]!;
    held.sort((a, b) => a - b);
    return {
      registrations: people.length,
      concurrency: settings.concurrency,
      connections: settings.connections,
      wallSeconds: Math.round(wallMs) / 1000,
      registrationsPerSecond: Math.round((people.length / (wallMs / 1000)) * 10) / 10,
      lockHeldMs: { p50: Math.round(percentileOf(held, 0.5) * 100) / 100, p90: Math.round(percentileOf(held, 0.9) * 100) / 100 },
      ...counts,
    };
  } finally {
    await pool.end();
  }
}
