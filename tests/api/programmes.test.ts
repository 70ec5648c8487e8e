import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, signedInManager, snapshot, USER_ERRORS } from '../support/factories.js';
import { createCohort, createProgramme, createSession, recordAttendance, registerForCohort } from '../support/training-factories.js';

const PROGRAMMES = `query($first: Int, $after: String, $filter: ProgrammeFilterInput, $orderBy: ProgrammeOrderInput) {
  programmes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id name description completionThresholdPercent } }
  }
}`;
const UPDATE = `mutation($input: ProgrammeUpdateInput!) {
  programmeUpdate(input: $input) { programme { id name description completionThresholdPercent } ${USER_ERRORS} }
}`;
const ATTENDANCE = `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { session { id } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

const names = (response: { data?: Record<string, any> | null }) =>
  response.data!.programmes.edges.map((edge: { node: { name: string } }) => edge.node.name) as string[];

describe('the programmes list', () => {
  it('searches, sorts and pages the programmes for anyone signed in', async () => {
    const prefix = `Spår ${Date.now()}`;
    for (const name of ['Bemötande', 'Demens', 'Ergonomi', 'Arbetsplatslärande']) await createProgramme(api, { name: `${prefix} ${name}` });
    const manager = await signedInManager(api, organisationId);

    const first = await manager.client(PROGRAMMES, { first: 3, filter: { search: prefix.toUpperCase() } });
    expect(first.errors).toBeUndefined();
    expect(first.data!.programmes.totalCount).toBe(4);
    expect(names(first)).toEqual([`${prefix} Arbetsplatslärande`, `${prefix} Bemötande`, `${prefix} Demens`]);
    expect(first.data!.programmes.pageInfo.hasNextPage).toBe(true);
    const second = await manager.client(PROGRAMMES, {
      first: 3,
      after: first.data!.programmes.pageInfo.endCursor,
      filter: { search: prefix },
    });
    expect(names(second)).toEqual([`${prefix} Ergonomi`]);

    const newest = await api.graphql(PROGRAMMES, {
      first: 1,
      filter: { search: prefix },
      orderBy: { field: 'CREATED_AT', direction: 'DESC' },
    });
    expect(names(newest)).toEqual([`${prefix} Arbetsplatslärande`]);
    const descending = await api.graphql(PROGRAMMES, {
      first: 1,
      filter: { search: prefix },
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(names(descending)).toEqual([`${prefix} Ergonomi`]);
    expect((await api.graphql(PROGRAMMES, { filter: { search: `${prefix} zzz` } })).data!.programmes.totalCount).toBe(0);
  });

  it('asks someone not signed in to sign in first', async () => {
    await createProgramme(api, { name: 'Synligt för inloggade' });
    const response = await api.anonymous(PROGRAMMES, {});
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.data?.programmes).toBeUndefined();
  });

  it('lists the cohorts of one programme', async () => {
    const [one, other] = [await createProgramme(api, { name: 'Ett' }), await createProgramme(api, { name: 'Annat' })];
    const [a, b] = [await createCohort(api, one, { name: 'Omgång A' }), await createCohort(api, one, { name: 'Omgång B' })];
    await createCohort(api, other, { name: 'Omgång C' });
    const response = await api.graphql(
      `query($p: ID!) { cohorts(first: 10, filter: { programmeId: $p }) { totalCount edges { node { id name programme { id } } } } }`,
      { p: one },
    );
    expect(response.data!.cohorts.totalCount).toBe(2);
    expect(response.data!.cohorts.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([b, a]);
    const bad = await api.graphql(`{ cohorts(filter: { programmeId: "nonsense" }) { totalCount } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('changing a programme', () => {
  it('changes the name and description, keeping what was left out', async () => {
    const id = await createProgramme(api, { name: 'Gammalt namn', description: 'Om lärande', completionThresholdPercent: 75 });
    const renamed = await api.graphql(UPDATE, { input: { id, name: '  Nytt namn  ' } });
    expect(renamed.data!.programmeUpdate).toEqual({
      programme: { id, name: 'Nytt namn', description: 'Om lärande', completionThresholdPercent: 75 },
      errors: [],
    });
    const cleared = await api.graphql(UPDATE, { input: { id, description: '' } });
    expect(cleared.data!.programmeUpdate.programme).toMatchObject({ name: 'Nytt namn', description: null });
  });

  it('refuses bad input naming each field, and anyone but administrators, writing nothing', async () => {
    const id = await createProgramme(api, { name: 'Orört' });
    const before = await snapshot(api);
    const bad = await api.graphql(UPDATE, { input: { id, name: '   ', completionThresholdPercent: 101 } });
    expect(bad.data!.programmeUpdate.programme).toBeNull();
    expect(bad.data!.programmeUpdate.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'name', code: 'INVALID' }),
        expect.objectContaining({ field: 'completionThresholdPercent', code: 'INVALID' }),
      ]),
    );
    const unknown = await api.graphql(UPDATE, {
      input: { id: 'UHJvZ3JhbW1lOjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMA', name: 'X' },
    });
    expect(unknown.data!.programmeUpdate.errors).toEqual([expect.objectContaining({ field: 'id', code: 'NOT_FOUND' })]);
    const manager = await signedInManager(api, organisationId);
    const afterManager = await snapshot(api);
    const refused = await manager.client(UPDATE, { input: { id, name: 'Kapat' } });
    expect(refused.data!.programmeUpdate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await snapshot(api)).toBe(afterManager);
    expect(afterManager).not.toBe(before); // the manager was created in between
  });

  it("recomputes its cohorts' completions under a new completion rule", async () => {
    const programmeId = await createProgramme(api, { name: 'Med regel', completionThresholdPercent: 100 });
    const cohortId = await createCohort(api, programmeId, { capacity: 5 });
    const [first, second] = [
      await createSession(api, { cohortId, startsAt: '2026-03-03T08:00:00Z', endsAt: '2026-03-03T15:00:00Z' }),
      await createSession(api, { cohortId, startsAt: '2026-04-07T07:00:00Z', endsAt: '2026-04-07T14:00:00Z' }),
    ];
    const person = await createPerson(api, organisationId);
    const registration = await registerForCohort(api.graphql, cohortId, person.id);
    await recordAttendance(api, first, [registration.id]);
    await recordAttendance(api, second, [registration.id], 'ABSENT');
    const completedOn = async () =>
      (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Registration { completedOn } } }`, { id: registration.id })).data!.node
        .completedOn;
    expect(await completedOn()).toBeNull();
    expect(
      (await api.graphql(UPDATE, { input: { id: programmeId, completionThresholdPercent: 50 } })).data!.programmeUpdate.errors,
    ).toEqual([]);
    expect(await completedOn()).toBe('2026-03-03');
    await api.graphql(UPDATE, { input: { id: programmeId, completionThresholdPercent: 100 } });
    expect(await completedOn()).toBeNull();
  });
});

describe('attendance', () => {
  it('is refused, with a typed error and nothing written, for a session that has not started', async () => {
    const programmeId = await createProgramme(api, { name: 'Framtid' });
    const cohortId = await createCohort(api, programmeId, { capacity: 5 });
    const startsAt = new Date(Date.now() + 60 * 60_000);
    const future = await createSession(api, {
      cohortId,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 2 * 60 * 60_000).toISOString(),
    });
    const started = await createSession(api, {
      cohortId,
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    });
    const registration = await registerForCohort(api.graphql, cohortId, (await createPerson(api, organisationId)).id);

    const before = await snapshot(api);
    const refused = await api.graphql(ATTENDANCE, {
      input: { sessionId: future, entries: [{ registrationId: registration.id, status: 'PRESENT' }] },
    });
    expect(refused.data!.attendanceRecord).toEqual({
      session: null,
      errors: [{ field: 'sessionId', code: 'CONFLICT', message: expect.stringContaining('not started') }],
    });
    expect(await snapshot(api)).toBe(before);

    // A session that started a minute ago takes attendance.
    const accepted = await api.graphql(ATTENDANCE, {
      input: { sessionId: started, entries: [{ registrationId: registration.id, status: 'PRESENT' }] },
    });
    expect(accepted.data!.attendanceRecord).toEqual({ session: { id: started }, errors: [] });
  });
});

describe("an offering's registrations by status", () => {
  it('lists the waitlist in queue order, and ended registrations on request', async () => {
    const programmeId = await createProgramme(api, { name: 'Kö' });
    const cohortId = await createCohort(api, programmeId, { capacity: 1 });
    const people = [];
    for (let index = 0; index < 4; index += 1) people.push(await createPerson(api, organisationId));
    const registrations = [];
    for (const person of people) registrations.push(await registerForCohort(api.graphql, cohortId, person.id));
    // The last in the queue moves to the front; the first in the queue cancels.
    const moved = await api.graphql(`mutation($id: ID!) { registrationMove(input: { id: $id, position: 1 }) { ${USER_ERRORS} } }`, {
      id: registrations[3]!.id,
    });
    expect(moved.data!.registrationMove.errors).toEqual([]);
    await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: registrations[1]!.id });

    const QUEUE = `query($id: ID!, $status: RegistrationStatus, $after: String) { cohort(id: $id) {
      registrations(first: 1, after: $after, status: $status) { totalCount pageInfo { hasNextPage endCursor } edges { node { id status waitlistPosition } } } } }`;
    const page1 = (await api.graphql(QUEUE, { id: cohortId, status: 'WAITLISTED' })).data!.cohort.registrations;
    expect(page1.totalCount).toBe(2);
    expect(page1.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { id: registrations[3]!.id, status: 'WAITLISTED', waitlistPosition: 1 },
    ]);
    const page2 = (await api.graphql(QUEUE, { id: cohortId, status: 'WAITLISTED', after: page1.pageInfo.endCursor })).data!.cohort
      .registrations;
    expect(page2.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { id: registrations[2]!.id, status: 'WAITLISTED', waitlistPosition: 2 },
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    const cancelled = (await api.graphql(QUEUE, { id: cohortId, status: 'CANCELLED' })).data!.cohort.registrations;
    expect(cancelled.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([registrations[1]!.id]);
    const active = (await api.graphql(QUEUE.replace('first: 1', 'first: 10'), { id: cohortId })).data!.cohort.registrations;
    expect(active.totalCount).toBe(3);
  });
});
