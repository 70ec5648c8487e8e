import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import {
  createOrganisation,
  createPerson,
  createWorkplace,
  signedInManager,
  signedInPerson,
  snapshot,
  USER_ERRORS,
} from '../support/factories.js';
import { createCohort, createProgramme, createSession, recordAttendance, registerForCohort } from '../support/training-factories.js';

const REGISTER = `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status waitlistPosition } ${USER_ERRORS} } }`;
const CANCEL = `mutation($id: ID!) { registrationCancel(input: { id: $id }) { registration { status } ${USER_ERRORS} } }`;
const STATE = `query($id: ID!, $after: String) { cohort(id: $id) { confirmedCount waitlistCount
  registrations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id status waitlistPosition person { id } } } } } }`;

let api: TestApi;
let organisationId: string;
let workplaceId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  workplaceId = (await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' })).id;
  programmeId = await createProgramme(api, { name: 'Ledarutbildning i arbetsplatslärande' });
});
afterAll(() => api?.stop());

/** An open cohort for managers, two places unless given. */
const openCohort = (input: Record<string, unknown> = {}) =>
  createCohort(api, programmeId, { capacity: 2, audienceRoles: ['MANAGER'], ...input });

/** A manager with a sign-in, at a workplace of their own. */
const manager = () => signedInManager(api, organisationId);

async function positions(cohortId: string) {
  type Node = { status: string; waitlistPosition: number | null; person: { id: string } };
  const edges: Node[] = [];
  let after: string | null = null;
  let state: { data?: Record<string, any> };
  do {
    state = await api.graphql(STATE, { id: cohortId, after });
    edges.push(...state.data!.cohort.registrations.edges.map((edge: { node: Node }) => edge.node));
    after = state.data!.cohort.registrations.pageInfo.hasNextPage ? state.data!.cohort.registrations.pageInfo.endCursor : null;
  } while (after);
  return {
    confirmedCount: state.data!.cohort.confirmedCount,
    waitlistCount: state.data!.cohort.waitlistCount,
    confirmed: edges.filter((node) => node.status === 'CONFIRMED').map((node) => node.person.id),
    queue: edges
      .filter((node) => node.status === 'WAITLISTED')
      .sort((a, b) => a.waitlistPosition! - b.waitlistPosition!)
      .map((node) => [node.waitlistPosition!, node.person.id] as [number, string]),
  };
}

describe('registering for a cohort', () => {
  it('confirms while places are left, then queues; a freed place goes to the first in line and the queue closes up', async () => {
    const cohortId = await openCohort();
    const managers = await Promise.all([1, 2, 3, 4, 5].map(() => manager()));
    const registrations: { id: string; status: string; waitlistPosition: number | null }[] = [];
    for (const { client } of managers) {
      const response = await client(REGISTER, { input: { cohortId } });
      expect(response.data!.cohortRegister.errors).toEqual([]);
      registrations.push(response.data!.cohortRegister.registration);
    }
    expect(registrations.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
      ['WAITLISTED', 3],
    ]);

    // A confirmed place is cancelled: the first in line gets it, the rest move up.
    await managers[0]!.client(CANCEL, { id: registrations[0]!.id });
    let state = await positions(cohortId);
    expect(state).toMatchObject({
      confirmedCount: 2,
      waitlistCount: 2,
      queue: [
        [1, managers[3]!.id],
        [2, managers[4]!.id],
      ],
    });
    expect(state.confirmed.sort()).toEqual([managers[1]!.id, managers[2]!.id].sort());

    // Someone leaves the waitlist: those behind move up.
    await managers[3]!.client(CANCEL, { id: registrations[3]!.id });
    state = await positions(cohortId);
    expect(state).toMatchObject({ waitlistCount: 1, queue: [[1, managers[4]!.id]] });

    // More places: the waitlist gets them at once.
    await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, capacity: 5 }) { ${USER_ERRORS} } }`, { id: cohortId });
    state = await positions(cohortId);
    expect(state).toMatchObject({ confirmedCount: 3, waitlistCount: 0, queue: [] });
  });

  it('never overbooks: 200 concurrent registrations for 20 places', async () => {
    const cohortId = await openCohort({ capacity: 20, audienceRoles: [] });
    const people = await Promise.all(Array.from({ length: 200 }, () => createPerson(api, organisationId)));
    const responses = await Promise.all(people.map((person) => api.graphql(REGISTER, { input: { cohortId, personId: person.id } })));
    for (const response of responses) expect(response.data!.cohortRegister.errors).toEqual([]);
    const statuses = responses.map((response) => response.data!.cohortRegister.registration);
    expect(statuses.filter((r) => r.status === 'CONFIRMED')).toHaveLength(20);
    expect(
      statuses
        .filter((r) => r.status === 'WAITLISTED')
        .map((r) => r.waitlistPosition)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));

    // Five confirmed places freed at once: positions 1..5 are promoted and 6..180 become 1..175.
    const before = await positions(cohortId);
    const promotedNext = before.queue.slice(0, 5).map(([, id]) => id);
    const confirmedRegistrations = statuses.filter((r) => r.status === 'CONFIRMED').slice(0, 5);
    await Promise.all(confirmedRegistrations.map((registration) => api.graphql(CANCEL, { id: registration.id })));
    const after = await positions(cohortId);
    expect(after.confirmedCount).toBe(20);
    expect(after.confirmed).toEqual(expect.arrayContaining(promotedNext));
    expect(after.queue.map(([position]) => position)).toEqual(Array.from({ length: 175 }, (_, i) => i + 1));
    expect(after.queue.map(([, id]) => id)).toEqual(before.queue.slice(5).map(([, id]) => id));
  }, 120_000);

  describe('refuses, with a typed error and no change', () => {
    async function expectRefused(client: GraphQLClient, input: Record<string, unknown>, expected: { field: string | null; code: string }) {
      const before = await api.orm.em
        .getConnection()
        .execute(`select (select count(*) from registration) r, (select sum(confirmed_count + waitlisted_count) from offering) o`);
      const everything = await snapshot(api);
      const response = await client(REGISTER, { input });
      expect(response.data!.cohortRegister).toEqual({ registration: null, errors: [expect.objectContaining(expected)] });
      expect(
        await api.orm.em
          .getConnection()
          .execute(`select (select count(*) from registration) r, (select sum(confirmed_count + waitlisted_count) from offering) o`),
      ).toEqual(before);
      expect(await snapshot(api)).toBe(everything);
    }

    it('registering outside the window', async () => {
      const cohortId = await openCohort({ registrationOpensAt: '2020-01-01T00:00:00Z', registrationClosesAt: '2020-02-01T00:00:00Z' });
      await expectRefused((await manager()).client, { cohortId }, { field: null, code: 'CONFLICT' });
    });

    it('a cohort that is not open', async () => {
      const cohortId = await openCohort({ status: 'DRAFT' });
      await expectRefused((await manager()).client, { cohortId }, { field: null, code: 'CONFLICT' });
    });

    it('someone outside the audience', async () => {
      const cohortId = await openCohort();
      const coordinator = await signedInPerson(api, organisationId, { role: 'WORKPLACE_COORDINATOR', workplaceId });
      await expectRefused(coordinator.client, { cohortId }, { field: 'personId', code: 'FORBIDDEN' });
    });

    it('registering twice', async () => {
      const cohortId = await openCohort();
      const { client } = await manager();
      await client(REGISTER, { input: { cohortId } });
      await expectRefused(client, { cohortId }, { field: 'personId', code: 'CONFLICT' });
    });

    it("registering someone outside one's scope", async () => {
      const cohortId = await openCohort();
      const other = await manager();
      await expectRefused((await manager()).client, { cohortId, personId: other.id }, { field: 'personId', code: 'NOT_FOUND' });
    });

    it('an unknown cohort', async () => {
      await expectRefused((await manager()).client, { cohortId: 'nope' }, { field: 'cohortId', code: 'NOT_FOUND' });
    });
  });

  it('lets only administrators create programmes and cohorts', async () => {
    const { client } = await manager();
    const response = await client(`mutation { programmeCreate(input: { name: "Egen" }) { ${USER_ERRORS} } }`);
    expect(response.data!.programmeCreate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });
});

describe('SQL statements', () => {
  it('do not grow with the number of cohorts and registrations listed', async () => {
    const query = `{ cohorts(first: 50) { edges { node { name programme { name }
      sessions { title attendance { status registration { status } } } seatQuotas { places taken organisation { name } }
      registrations(first: 10) { totalCount edges { node { status cohort { name } person { name registrations { status } completions { completedOn } } } } } } } } }`;
    // A cohort with a session, attendance that completes it, and a seat quota.
    async function cohortWithAttendance() {
      const cohortId = await openCohort({ capacity: 2, audienceRoles: [], seatQuotas: [{ organisationId, places: 1 }] });
      const sessionId = await createSession(api, { cohortId, title: 'Dag 1' });
      const registrations = [];
      for (let person = 0; person < 2; person += 1)
        registrations.push(await registerForCohort(api.graphql, cohortId, (await createPerson(api, organisationId)).id));
      await recordAttendance(api, sessionId, [registrations[0]!.id]);
    }
    await cohortWithAttendance();
    const few = await api.graphql(query);
    for (let index = 0; index < 3; index += 1) await cohortWithAttendance();
    const more = await api.graphql(query);
    expect(more.data!.cohorts.edges.length).toBeGreaterThan(few.data!.cohorts.edges.length);
    expect(more.sqlStatements).toBe(few.sqlStatements);
  });
});
