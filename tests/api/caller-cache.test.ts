/**
 * The caller cache (issue 12): after a warm-up request a session's caller costs no statement, and every change
 * to who they are (a role ended or starting, the account deactivated, the session signed out) holds on the very
 * next request, in this API and in a second one on the same database (own pool, own cache, own listener).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApi, TEST_PASSWORD, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { todayInSweden } from '@evikomp/api/platform/swedish-time';
import { assignRole, createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';

/** Only administrators see API clients: whether the caller holds ADMINISTRATOR today. */
const ADMIN_ONLY = `{ apiClients(first: 1) { totalCount } }`;
const ME = `{ me { id } }`;

let api: TestApi;
let second: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  second = await startTestApi({ databaseUrl: api.databaseUrl, withAdministrator: false });
  organisationId = (await createOrganisation(api)).id;
});
afterAll(async () => {
  await second?.stop();
  await api?.stop();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Signs in through `on` and answers the session cookie, to use it through both APIs. */
async function signIn(on: TestApi, email: string): Promise<string> {
  const response = await on.anonymous(`mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }`, {
    input: { email, password: TEST_PASSWORD },
  });
  if (!response.setCookie) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(response.data)}`);
  return response.setCookie;
}

/** A person with an account and, if given, a role; signed in, with a client on each API. */
async function personWith(role?: Record<string, unknown>, on: TestApi = api) {
  const person = await createPerson(api, organisationId);
  const assignment = role ? await assignRole(api, { personId: person.id, ...role }) : null;
  await api.createAccount(person.id);
  const cookie = await signIn(on, person.email);
  return { ...person, assignment, here: on.client(cookie), there: second.client(cookie) };
}

async function isAdministrator(client: GraphQLClient): Promise<boolean> {
  const response = await client(ADMIN_ONLY);
  if (response.data?.apiClients) return true;
  expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  return false;
}

const END_ROLE = `mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { roleAssignment { endsOn } ${USER_ERRORS} } }`;

describe('the caller cache', () => {
  it('answers a warmed-up caller without a statement', async () => {
    const { here, there } = await personWith({ role: 'ADMINISTRATOR' });
    for (const client of [here, there]) {
      const first = await client(`{ __typename }`);
      // Said beside the count, so that a benchmark tells a steady-state request from one that looked the caller up.
      expect(first.callerLookedUp).toBe(true);
      expect(first.sqlStatements).toBeGreaterThan(0);
      const warm = await client(`{ __typename }`);
      expect(warm.data).toEqual({ __typename: 'Query' });
      expect(warm.sqlStatements).toBe(0);
      expect(warm.callerLookedUp).toBe(false);
      // The caller's grants are those of the cached entry: still no statement to find them.
      expect(await isAdministrator(client)).toBe(true);
    }
  });

  it('refuses a role ended through the API on the very next request, in both APIs', async () => {
    const person = await personWith({ role: 'ADMINISTRATOR' });
    expect(await isAdministrator(person.here)).toBe(true);
    expect(await isAdministrator(person.there)).toBe(true);
    expect((await person.there(`{ __typename }`)).sqlStatements).toBe(0);

    const ended = await api.graphql(END_ROLE, { input: { id: person.assignment!.id } });
    expect(ended.data!.roleAssignmentEnd.errors).toEqual([]);
    expect(await isAdministrator(person.there)).toBe(false);
    expect(await isAdministrator(person.here)).toBe(false);
  });

  it('follows a change written straight to the database too: the notification comes from a trigger', async () => {
    const person = await personWith({ role: 'ADMINISTRATOR' });
    expect(await isAdministrator(person.there)).toBe(true);
    await api.orm.em
      .getConnection()
      .execute(`update role_assignment set ends_on = ? where person_id = (select id from person where email = ?)`, [
        todayInSweden(),
        person.email,
      ]);
    // The test's own connection committed it a moment ago: the notification reaches the APIs within milliseconds.
    await expect.poll(() => isAdministrator(person.there), { interval: 5, timeout: 1000 }).toBe(false);
    expect(await isAdministrator(person.here)).toBe(false);
  });

  it('refuses a deactivated account and a signed-out session at once, in both APIs', async () => {
    const deactivated = await personWith();
    const signedOut = await personWith(undefined, second);
    for (const client of [deactivated.here, deactivated.there, signedOut.here, signedOut.there]) {
      expect((await client(ME)).data!.me).not.toBeNull();
      expect((await client(ME)).sqlStatements).toBeGreaterThan(0); // `me` reads the person; the caller is cached
    }
    const answer = await api.graphql(`mutation($input: AccountPersonInput!) { accountDeactivate(input: $input) { ${USER_ERRORS} } }`, {
      input: { personId: deactivated.id },
    });
    expect(answer.data!.accountDeactivate.errors).toEqual([]);
    expect((await deactivated.there(ME)).data!.me).toBeNull();
    expect((await deactivated.here(ME)).data!.me).toBeNull();

    // Signed out through the second API: the first refuses the session on its next request.
    expect((await signedOut.there(`mutation { signOut { ok } }`)).data!.signOut.ok).toBe(true);
    expect((await signedOut.here(ME)).data!.me).toBeNull();
    expect((await signedOut.there(ME)).data!.me).toBeNull();
  });

  it('gives a role that starts on a later day from that day on, however long the entry would live', async () => {
    // An entry lives a day here, and the session longer than the jump: only the day change can end the entry.
    const patient = await startTestApi({
      databaseUrl: api.databaseUrl,
      withAdministrator: false,
      callerCache: { ttlMs: 24 * 3_600_000, maxEntries: 100 },
      sessions: { idleMinutes: 3 * 24 * 60 },
    });
    try {
      const today = todayInSweden();
      const [year, month, day] = today.split('-').map(Number) as [number, number, number];
      const tomorrow = new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
      const person = await personWith({ role: 'ADMINISTRATOR', startsOn: tomorrow }, patient);
      expect(await isAdministrator(person.here)).toBe(false);
      expect((await person.here(`{ __typename }`)).sqlStatements).toBe(0);

      // Five minutes into tomorrow, Swedish time.
      let moment = new Date(`${tomorrow}T00:05:00Z`).getTime() - 3 * 3_600_000;
      while (todayInSweden(new Date(moment)) !== tomorrow) moment += 15 * 60_000;
      vi.useFakeTimers({ toFake: ['Date'], now: moment });
      expect(todayInSweden()).toBe(tomorrow);
      expect(await isAdministrator(person.here)).toBe(true);
    } finally {
      vi.useRealTimers();
      await patient.stop();
    }
  });

  it('stops caching while its notification connection is down, and starts again once it is back', async () => {
    const { here } = await personWith({ role: 'ADMINISTRATOR' });
    await here(`{ __typename }`);
    expect((await here(`{ __typename }`)).sqlStatements).toBe(0);
    await api.orm.em
      .getConnection()
      .execute(
        `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'evikomp caller cache' and datname = current_database()`,
      );
    // Both listeners lost their connection: every request looks its caller up until they are back.
    await expect.poll(async () => (await here(`{ __typename }`)).sqlStatements, { interval: 20, timeout: 2000 }).toBeGreaterThan(0);
    expect((await here(`{ __typename }`)).sqlStatements).toBeGreaterThan(0);
    await expect.poll(async () => (await here(`{ __typename }`)).sqlStatements, { interval: 200, timeout: 10_000 }).toBe(0);
  });
});
