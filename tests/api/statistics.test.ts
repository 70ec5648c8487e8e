import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';

let api: TestApi;
let linkoping: string;
let motala: string;
const QUERY = `query($year: Int!, $organisationId: ID) { trainingStatistics(year: $year, organisationId: $organisationId) {
  organisation { id } year peopleRegistered peopleCompleted peopleWaitlisted networkMembers meetingRegistrations meetingAttendances } }`;
const year = new Date().getFullYear();

beforeAll(async () => {
  api = await startTestApi();
  linkoping = (await createOrganisation(api, { name: 'Linköpings kommun' })).id;
  motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  const programme = await api.graphql(
    `mutation { programmeCreate(input: { name: "Ledarutbildning", completionThresholdPercent: 100 }) { programme { id } } }`,
  );
  const cohort = await api.graphql(`mutation($input: CohortCreateInput!) { cohortCreate(input: $input) { cohort { id } } }`, {
    input: { programmeId: programme.data!.programmeCreate.programme.id, name: 'Omgång', capacity: 2, status: 'OPEN' },
  });
  const cohortId = cohort.data!.cohortCreate.cohort.id;
  const session = await api.graphql(`mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } } }`, {
    input: { cohortId, startsAt: `${year}-06-01T07:00:00Z`, endsAt: `${year}-06-01T15:00:00Z` },
  });
  const registrations = [];
  for (let index = 0; index < 3; index += 1) {
    const person = await createPerson(api, linkoping);
    registrations.push(
      (
        await api.graphql(`mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id } } }`, {
          input: { cohortId, personId: person.id },
        })
      ).data!.cohortRegister.registration.id,
    );
  }
  await api.graphql(`mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`, {
    input: { sessionId: session.data!.sessionCreate.session.id, entries: [{ registrationId: registrations[0], status: 'PRESENT' }] },
  });
  // Motala: a network member who attended a meeting.
  const network = await api.graphql(`mutation { networkCreate(input: { name: "Lärande chefsnätverk Motala" }) { network { id } } }`);
  const networkId = network.data!.networkCreate.network.id;
  const member = await createPerson(api, motala);
  await api.graphql(`mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { ${USER_ERRORS} } }`, {
    input: { networkId, personId: member.id },
  });
  const meeting = await api.graphql(
    `mutation($input: NetworkMeetingCreateInput!) { networkMeetingCreate(input: $input) { meeting { id } } }`,
    {
      input: { networkId, title: 'Träff 1', startsAt: `${year + 1}-01-20T12:00:00Z`, endsAt: `${year + 1}-01-20T15:00:00Z` },
    },
  );
  const meetingId = meeting.data!.networkMeetingCreate.meeting.id;
  const place = await api.graphql(
    `mutation($input: NetworkMeetingRegisterInput!) { networkMeetingRegister(input: $input) { registration { id } } }`,
    { input: { meetingId, personId: member.id } },
  );
  const meetingSession = await api.graphql(`query($id: ID!) { node(id: $id) { ... on NetworkMeeting { sessions { id } } } }`, {
    id: meetingId,
  });
  // Attendance is recorded once a meeting has started: the meeting registered for moves to last year and is held.
  const moved = await api.graphql(`mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { ${USER_ERRORS} } }`, {
    input: { id: meetingSession.data!.node.sessions[0].id, startsAt: `${year - 1}-11-20T12:00:00Z`, endsAt: `${year - 1}-11-20T15:00:00Z` },
  });
  expect(moved.data!.sessionUpdate.errors).toEqual([]);
  await api.graphql(`mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`, {
    input: {
      sessionId: meetingSession.data!.node.sessions[0].id,
      entries: [{ registrationId: place.data!.networkMeetingRegister.registration.id, status: 'PRESENT' }],
    },
  });
});
afterAll(() => api?.stop());

const zeros = {
  peopleRegistered: 0,
  peopleCompleted: 0,
  peopleWaitlisted: 0,
  networkMembers: 0,
  meetingRegistrations: 0,
  meetingAttendances: 0,
};

describe('training statistics', () => {
  it('count per organisation and year: registered, completed, waitlisted, network members and meeting attendance', async () => {
    const figures = (await api.graphql(QUERY, { year })).data!.trainingStatistics;
    const of = (id: string, rows: { organisation: { id: string } }[]) => rows.find((row) => row.organisation.id === id);
    expect(of(linkoping, figures)).toEqual({
      organisation: { id: linkoping },
      year,
      ...zeros,
      peopleRegistered: 3,
      peopleCompleted: 1,
      peopleWaitlisted: 1,
    });
    expect(of(motala, figures)).toEqual({ organisation: { id: motala }, year, ...zeros, networkMembers: 1 });
    // The meeting was held last year (registered for this year): its place and attendance count there.
    const next = (await api.graphql(QUERY, { year: year + 1 })).data!.trainingStatistics;
    expect(of(motala, next)).toEqual({ organisation: { id: motala }, year: year + 1, ...zeros, networkMembers: 1 });
    expect(of(linkoping, next)).toEqual({ organisation: { id: linkoping }, year: year + 1, ...zeros, peopleWaitlisted: 1 });
    const before = (await api.graphql(QUERY, { year: year - 1 })).data!.trainingStatistics;
    expect(of(linkoping, before)).toEqual({ organisation: { id: linkoping }, year: year - 1, ...zeros });
    expect(of(motala, before)).toEqual({
      organisation: { id: motala },
      year: year - 1,
      ...zeros,
      meetingRegistrations: 1,
      meetingAttendances: 1,
    });
  });

  it('show organisation admins their own organisation only, and refuse other roles', async () => {
    const admin = await createPerson(api, motala);
    await assignRole(api, { personId: admin.id, role: 'ORGANISATION_ADMIN', organisationId: motala });
    await api.createAccount(admin.id);
    const client = await api.signIn(admin.email);
    const own = (await client(QUERY, { year })).data!.trainingStatistics;
    expect(own.map((row: { organisation: { id: string } }) => row.organisation.id)).toEqual([motala]);
    expect((await client(QUERY, { year, organisationId: linkoping })).data!.trainingStatistics).toEqual([]);

    const manager = await createPerson(api, motala);
    const workplace = await createWorkplace(api, motala, { joinedOn: '2020-01-01' });
    await assignRole(api, { personId: manager.id, role: 'MANAGER', workplaceId: workplace.id });
    await api.createAccount(manager.id);
    const refused = await (await api.signIn(manager.email))(QUERY, { year });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('take the same number of statements for any number of organisations', async () => {
    const few = await api.graphql(QUERY, { year });
    for (let index = 0; index < 3; index += 1) await createOrganisation(api);
    const more = await api.graphql(QUERY, { year });
    expect(more.data!.trainingStatistics.length).toBeGreaterThan(few.data!.trainingStatistics.length);
    expect(more.sqlStatements).toBe(few.sqlStatements);
  });
});
