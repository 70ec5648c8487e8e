import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, freePort, globalId, rowId } from '@evikomp/api/testing';

const API_DIR = fileURLToPath(new URL('../../packages/api/', import.meta.url));
const children: ChildProcess[] = [];

/** Starts the built API as its own process and waits until it answers /readyz. */
async function startProcess(databaseUrl: string): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: 'test', LOG_LEVEL: 'warn', JOBS_INTERVAL_MS: '100' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`API process exited with ${child.exitCode}: ${stderr}`);
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return url;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`API process did not become ready: ${stderr}`);
}

async function post(url: string, query: string, cookie?: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { cookie: response.headers.getSetCookie()[0]?.split(';')[0], body: (await response.json()) as { data?: Record<string, any> } };
}

describe('two API processes on one database', () => {
  let first: string;
  let second: string;
  let databaseUrl: string;
  beforeAll(async () => {
    // The test runs the built server, as production does.
    execFileSync(
      process.execPath,
      [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json'],
      { cwd: API_DIR },
    );
    databaseUrl = await createTestDatabase();
    // Started together on an empty database: one seeds it, the other waits and finds it seeded.
    [first, second] = await Promise.all([startProcess(databaseUrl), startProcess(databaseUrl)]);
  }, 300_000);
  afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  it('seed the database once between them', async () => {
    const signedIn = await post(
      first,
      `mutation { signIn(input: { email: "anna.lindqvist@linkoping.se", password: "evikomp-demo" }) { errors { code } } }`,
    );
    const answer = await post(second, `{ organisations { totalCount } }`, signedIn.cookie);
    expect(answer.body.data!.organisations.totalCount).toBe(14);
  });

  it('serve one signed-in session alike: sign in through one, query and sign out through the other', async () => {
    const signedIn = await post(
      first,
      `mutation { signIn(input: { email: "anna.lindqvist@linkoping.se", password: "evikomp-demo" }) { me { name } errors { code } } }`,
    );
    expect(signedIn.body.data!.signIn).toEqual({ me: { name: 'Anna Lindqvist' }, errors: [] });
    expect((await post(second, `{ me { name } }`, signedIn.cookie)).body.data).toEqual({ me: { name: 'Anna Lindqvist' } });
    await post(second, `mutation { signOut { ok } }`, signedIn.cookie);
    expect((await post(first, `{ me { name } }`, signedIn.cookie)).body.data).toEqual({ me: null });
  });

  it('never overbook a cohort: 200 concurrent registrations through both for 20 places, then 5 cancellations', async () => {
    const cookie = (
      await post(
        first,
        `mutation { signIn(input: { email: "anna.lindqvist@linkoping.se", password: "evikomp-demo" }) { errors { code } } }`,
      )
    ).cookie;
    const programme = await post(first, `mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } } }`, cookie);
    const cohort = await post(
      first,
      `mutation($p: ID!) { cohortCreate(input: { programmeId: $p, name: "Omgång 1", capacity: 20, status: OPEN }) { cohort { id } errors { code } } }`,
      cookie,
      {
        p: programme.body.data!.programmeCreate.programme.id,
      },
    );
    const cohortId = cohort.body.data!.cohortCreate.cohort.id as string;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const people = (await client.query<{ id: string }>('select id from person order by id limit 200')).rows.map((row) =>
        globalId('Person', row.id),
      );
      const register = `mutation($c: ID!, $p: ID!) { cohortRegister(input: { cohortId: $c, personId: $p }) { registration { id status waitlistPosition } errors { code message } } }`;
      // Only this cohort's registrations (the demo data has training of its own).
      const offering = (await client.query<{ offering_id: string }>(`select offering_id from cohort where id = $1`, [rowId(cohortId)]))
        .rows[0]!.offering_id;
      const answers = await Promise.all(
        people.map((personId, index) => post(index % 2 ? second : first, register, cookie, { c: cohortId, p: personId })),
      );
      for (const answer of answers) expect(answer.body.data!.cohortRegister.errors).toEqual([]);
      const state = async () =>
        (
          await client.query<{ status: string; positions: number[] }>(
            `select status, array_agg(waitlist_position order by waitlist_position) as positions from registration where offering_id = $1 group by status`,
            [offering],
          )
        ).rows;
      expect(await state()).toEqual(
        expect.arrayContaining([
          { status: 'CONFIRMED', positions: Array.from({ length: 20 }, () => null) },
          { status: 'WAITLISTED', positions: Array.from({ length: 180 }, (_, i) => i + 1) },
        ]),
      );
      const firstInLine = (
        await client.query<{ person_id: string }>(
          `select person_id from registration where offering_id = $1 and waitlist_position <= 5 order by waitlist_position`,
          [offering],
        )
      ).rows.map((row) => row.person_id);
      const confirmed = answers
        .map((answer) => answer.body.data!.cohortRegister.registration)
        .filter((registration) => registration.status === 'CONFIRMED')
        .slice(0, 5);
      await Promise.all(
        confirmed.map((registration, index) =>
          post(index % 2 ? second : first, `mutation($id: ID!) { registrationCancel(input: { id: $id }) { errors { code } } }`, cookie, {
            id: registration.id,
          }),
        ),
      );
      const promoted = (
        await client.query<{ person_id: string }>(`select person_id from registration where offering_id = $1 and status = 'CONFIRMED'`, [
          offering,
        ])
      ).rows.map((row) => row.person_id);
      expect(promoted).toEqual(expect.arrayContaining(firstInLine));
      expect(await state()).toEqual(
        expect.arrayContaining([
          { status: 'CONFIRMED', positions: Array.from({ length: 20 }, () => null) },
          { status: 'WAITLISTED', positions: Array.from({ length: 175 }, (_, i) => i + 1) },
          { status: 'CANCELLED', positions: [null, null, null, null, null] },
        ]),
      );
    } finally {
      await client.end();
    }
  }, 180_000);

  it('pass a lapsed offer on exactly once while both run the expiry job', async () => {
    const cookie = (
      await post(
        first,
        `mutation { signIn(input: { email: "anna.lindqvist@linkoping.se", password: "evikomp-demo" }) { errors { code } } }`,
      )
    ).cookie;
    const programme = await post(first, `mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } } }`, cookie);
    const cohort = await post(
      first,
      `mutation($p: ID!) { cohortCreate(input: { programmeId: $p, name: "Omgång med erbjudanden", capacity: 1, status: OPEN, promotionPolicy: OFFER }) { cohort { id } errors { code } } }`,
      cookie,
      {
        p: programme.body.data!.programmeCreate.programme.id,
      },
    );
    const cohortId = cohort.body.data!.cohortCreate.cohort.id as string;
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const people = (await client.query<{ id: string }>('select id from person order by id desc limit 4')).rows.map((row) =>
        globalId('Person', row.id),
      );
      const register = `mutation($c: ID!, $p: ID!) { cohortRegister(input: { cohortId: $c, personId: $p }) { registration { id status } errors { code } } }`;
      const registrations = [];
      for (const personId of people)
        registrations.push((await post(first, register, cookie, { c: cohortId, p: personId })).body.data!.cohortRegister.registration);
      await post(second, `mutation($id: ID!) { registrationCancel(input: { id: $id }) { errors { code } } }`, cookie, {
        id: registrations[0].id,
      });
      const offeringId = (await client.query<{ offering_id: string }>(`select offering_id from cohort where id = $1`, [rowId(cohortId)]))
        .rows[0]!.offering_id;
      const statuses = async () =>
        (
          await client.query<{ status: string; position: number | null }>(
            `select status, waitlist_position as position from registration where offering_id = $1 order by registered_at, id`,
            [offeringId],
          )
        ).rows;
      expect(await statuses()).toEqual([
        { status: 'CANCELLED', position: null },
        { status: 'OFFERED', position: null },
        { status: 'WAITLISTED', position: 1 },
        { status: 'WAITLISTED', position: 2 },
      ]);
      // The offer runs out; both processes' jobs (every 100 ms) now find it.
      await client.query(
        `update registration set offer_expires_at = now() - interval '1 second' where offering_id = $1 and status = 'OFFERED'`,
        [offeringId],
      );
      for (let attempt = 0; attempt < 100 && (await statuses())[1]!.status === 'OFFERED'; attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 50));
      await new Promise((resolve) => setTimeout(resolve, 500)); // several more rounds of both jobs
      expect(await statuses()).toEqual([
        { status: 'CANCELLED', position: null },
        { status: 'LAPSED', position: null },
        { status: 'OFFERED', position: null },
        { status: 'WAITLISTED', position: 1 },
      ]);
      const audited = await client.query(
        // Recorded under the cohort that owns the offering (a node type), not the offering itself.
        `select count(*)::int as count from audit_entry
          where operation = 'offerExpiry' and entity_type = 'Cohort' and entity_id = (select id from cohort where offering_id = $1)`,
        [offeringId],
      );
      expect(audited.rows[0].count).toBe(1);
      const offering = await client.query(`select confirmed_count, offered_count, waitlisted_count from offering where id = $1`, [
        offeringId,
      ]);
      expect(offering.rows[0]).toEqual({ confirmed_count: 0, offered_count: 1, waitlisted_count: 1 });
      // Accepting the lapsed offer is refused.
      const late = await post(
        second,
        `mutation($id: ID!) { registrationAcceptOffer(input: { id: $id }) { registration { status } errors { code message } } }`,
        cookie,
        { id: registrations[1].id },
      );
      expect(late.body.data!.registrationAcceptOffer.errors).toEqual([
        expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('lapsed') }),
      ]);
    } finally {
      await client.end();
    }
  }, 60_000);
});
