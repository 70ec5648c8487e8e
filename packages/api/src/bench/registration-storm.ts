import pg from 'pg';
import { fromGlobalId, toGlobalId } from '../platform/graphql/global-id.js';
import { graphql, postGraphQL } from './bench-queries.js';
import { checkStorm, type StormCheck } from './storm-check.js';
import type { StormFloor } from './storm-floor.js';

export interface StormSettings {
  registrations: number;
  capacity: number;
  /** Registrations in flight at once. */
  concurrency: number;
}

export interface StormResult extends StormSettings {
  cohortName: string;
  wallSeconds: number;
  /** Successful registrations per second of wall time, first request sent to last answer read. */
  registrationsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  confirmedAnswers: number;
  waitlistedAnswers: number;
  /** Transport errors, non-2xx answers, GraphQL errors and payload errors, together. */
  errors: number;
  firstErrors: string[];
  sqlStatements: { min: number; max: number } | null;
  /** Most database sessions seen waiting for a lock at once (sampled every 50 ms). */
  peakLockWaiters: number;
  /** Median and 90th percentile of how long a registration held the offering's row lock (the API's `x-lock-held-ms`). */
  lockHeldMs: { p50: number; p90: number } | null;
  /** The same storm by a plain `pg` script on another fresh offering, in the same run: the floor. */
  floor: StormFloor | null;
  /** The API process's CPU time during the storm as a share of one core (above 100: its helper threads too, e.g. GC). */
  serverCpuPercent: number | null;
  serverPeakRssMb: number | null;
  check: StormCheck;
}

const REGISTER = `mutation($c: ID!, $p: ID!) { cohortRegister(input: { cohortId: $c, personId: $p }) { registration { status waitlistPosition } errors { code message } } }`;

interface Answer {
  ms: number;
  lockHeldMs?: number | null;
  status?: 'CONFIRMED' | 'WAITLISTED' | 'CANCELLED';
  waitlistPosition?: number | null;
  statements: number | null;
  error?: string;
}

/** Creates a programme and an open cohort through the API, as any administrator would; names carry the time so reruns are told apart. */
export async function createCohort(url: string, name: string, capacity: number): Promise<{ cohortId: string }> {
  type Payload<K extends string> = { [key in K]: { id: string } | null } & { errors: { code: string; message: string }[] };
  const programme = (
    await graphql(
      url,
      `
        mutation ($n: String!) {
          programmeCreate(input: { name: $n }) {
            programme {
              id
            }
            errors {
              code
              message
            }
          }
        }
      `,
      { n: name },
    )
  ).data.programmeCreate as Payload<'programme'>;
  if (!programme.programme) throw new Error(`programmeCreate failed: ${JSON.stringify(programme.errors)}`);
  const cohort = (
    await graphql(
      url,
      `
        mutation ($p: ID!, $n: String!, $c: Int!) {
          cohortCreate(input: { programmeId: $p, name: $n, capacity: $c, status: OPEN }) {
            cohort {
              id
            }
            errors {
              code
              message
            }
          }
        }
      `,
      {
        p: programme.programme.id,
        n: name,
        c: capacity,
      },
    )
  ).data.cohortCreate as Payload<'cohort'>;
  if (!cohort.cohort) throw new Error(`cohortCreate failed: ${JSON.stringify(cohort.errors)}`);
  return { cohortId: cohort.cohort.id };
}

export async function register(url: string, cohortId: string, personId: string): Promise<Answer> {
  const started = performance.now();
  try {
    const { status, text, statements, lockHeldMs } = await postGraphQL(url, REGISTER, { c: cohortId, p: personId });
    const ms = performance.now() - started;
    if (status < 200 || status >= 300) return { ms, statements, error: `HTTP ${status}: ${text.slice(0, 200)}` };
    const body = JSON.parse(text) as {
      data?: {
        cohortRegister: {
          registration: { status: Answer['status']; waitlistPosition: number | null } | null;
          errors: { code: string; message: string }[];
        };
      } | null;
      errors?: { message: string }[];
    };
    if (body.errors?.length) return { ms, statements, error: `GraphQL: ${body.errors[0]?.message}` };
    const payload = body.data?.cohortRegister;
    if (!payload?.registration || payload.errors.length > 0)
      return { ms, statements, error: `payload: ${JSON.stringify(payload?.errors ?? null)}` };
    return { ms, statements, lockHeldMs, status: payload.registration.status, waitlistPosition: payload.registration.waitlistPosition };
  } catch (error) {
    return {
      ms: performance.now() - started,
      statements: null,
      error: `transport: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Samples how many sessions of the database wait for a lock, until the returned function is called. */
function sampleLockWaiters(client: pg.Client): () => Promise<number> {
  let peak = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    pending = client
      .query<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      )
      .then((result) => {
        peak = Math.max(peak, result.rows[0]?.waiting ?? 0);
      })
      .catch(() => {}); // a missed sample only lowers the peak
  }, 50);
  return async () => {
    clearInterval(timer);
    await pending;
    return peak;
  };
}

/** Median and 90th percentile of the lock hold times the API reported. */
function lockHeldPercentiles(answers: Answer[]): { p50: number; p90: number } | null {
  const held = answers
    .map((answer) => answer.lockHeldMs)
    .filter((ms): ms is number => typeof ms === 'number' && !Number.isNaN(ms))
    .sort((a, b) => a - b);
  if (held.length === 0) return null;
  return { p50: Math.round(percentile(held, 0.5) * 100) / 100, p90: Math.round(percentile(held, 0.9) * 100) / 100 };
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
}

/**
 * The registration storm: `registrations` different people register for one fresh cohort at once (as the signed-in
 * administrator, who may register anyone), so every request contends for the same offering row. Afterwards the
 * database is checked for overbooking and a consistent waitlist.
 */
export async function runRegistrationStorm(
  url: string,
  databaseUrl: string,
  settings: StormSettings,
  server: { sampleRss(): () => number | null; cpuSeconds(): number | null },
): Promise<StormResult> {
  const cohortName = `Bench storm ${new Date().toISOString()}`;
  const { cohortId } = await createCohort(url, cohortName, settings.capacity);
  const cohortRowId = fromGlobalId(cohortId, 'Cohort')?.id;
  if (!cohortRowId) throw new Error(`cohortCreate answered an id that is not a cohort's: ${cohortId}`);

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // A random sample, so reruns do not always exercise the same rows; erased people are not registrable.
    const people = (
      await client.query<{ id: string }>('select id from person where erased_at is null order by random() limit $1', [
        settings.registrations,
      ])
    ).rows.map((row) => row.id);
    if (people.length < settings.registrations)
      throw new Error(`The dataset holds only ${people.length} people; the storm needs ${settings.registrations}`);
    const offeringId = (await client.query<{ offering_id: string }>('select offering_id from cohort where id = $1', [cohortRowId])).rows[0]
      ?.offering_id;
    if (!offeringId) throw new Error(`Cohort ${cohortRowId} is not in the database`);

    const answers: Answer[] = new Array(people.length);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < people.length) {
        const index = next++;
        answers[index] = await register(url, cohortId, toGlobalId('Person', people[index]!));
      }
    };
    const stopRss = server.sampleRss();
    const stopLocks = sampleLockWaiters(client);
    const cpuBefore = server.cpuSeconds();
    const started = performance.now();
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, people.length) }, worker));
    const wallMs = performance.now() - started;
    const cpuAfter = server.cpuSeconds();
    const peakLockWaiters = await stopLocks();
    const serverPeakRssMb = stopRss();

    const failed = answers.filter((answer) => answer.error !== undefined);
    const succeeded = answers.length - failed.length;
    const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    const statements = answers
      .map((answer) => answer.statements)
      .filter((count): count is number => count !== null && !Number.isNaN(count));
    const check = await checkStorm(client, { offeringId, people, capacity: settings.capacity, answers });
    return {
      ...settings,
      cohortName,
      wallSeconds: Math.round(wallMs) / 1000,
      registrationsPerSecond: Math.round((succeeded / (wallMs / 1000)) * 10) / 10,
      latencyP50Ms: Math.round(percentile(latencies, 0.5)),
      latencyP99Ms: Math.round(percentile(latencies, 0.99)),
      latencyMaxMs: Math.round(latencies.at(-1) ?? 0),
      confirmedAnswers: answers.filter((answer) => answer.status === 'CONFIRMED').length,
      waitlistedAnswers: answers.filter((answer) => answer.status === 'WAITLISTED').length,
      errors: failed.length,
      firstErrors: [...new Set(failed.map((answer) => answer.error!))].slice(0, 3),
      sqlStatements: statements.length > 0 ? { min: Math.min(...statements), max: Math.max(...statements) } : null,
      peakLockWaiters,
      lockHeldMs: lockHeldPercentiles(answers),
      floor: null,
      serverCpuPercent: cpuBefore === null || cpuAfter === null ? null : Math.round(((cpuAfter - cpuBefore) / (wallMs / 1000)) * 100),
      serverPeakRssMb,
      check,
    };
  } finally {
    await client.end();
  }
}
