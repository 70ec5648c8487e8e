import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, signedInManager, signedInPerson, USER_ERRORS } from '../support/factories.js';
import {
  createCohort,
  createNetwork,
  createNetworkMeeting,
  createProgramme,
  createSession,
  recordAttendance,
  registerForCohort,
} from '../support/training-factories.js';

const JOIN = `mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { membership { id role leftAt } ${USER_ERRORS} } }`;
const LEAVE = `mutation($input: NetworkMembershipInput!) { networkLeave(input: $input) { membership { leftAt } ${USER_ERRORS} } }`;
const MEETING_REGISTER = `mutation($input: NetworkMeetingRegisterInput!) { networkMeetingRegister(input: $input) { registration { id status waitlistPosition } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api, { name: 'Ledarutbildning i arbetsplatslärande', completionThresholdPercent: 100 });
});
afterAll(() => api?.stop());

/** A manager with a sign-in. */
const manager = () => signedInManager(api, organisationId);

/** A network for managers. */
const managersNetwork = (input: Record<string, unknown> = {}) =>
  createNetwork(api, { name: `Lärande chefsnätverk ${Math.random()}`, audienceRoles: ['MANAGER'], ...input });

/** Completes the leader training: a cohort with one session, attended. */
async function complete(personId: string): Promise<void> {
  const cohortId = await createCohort(api, programmeId);
  const sessionId = await createSession(api, { cohortId });
  const registration = await registerForCohort(api.graphql, cohortId, personId);
  await recordAttendance(api, sessionId, [registration.id]);
}

describe('networks', () => {
  it('refuse a member without the prerequisite with a message naming it; completing it later makes joining possible', async () => {
    const networkId = await managersNetwork({ prerequisiteProgrammeId: programmeId });
    const { id, client } = await manager();
    const refused = await client(JOIN, { input: { networkId } });
    expect(refused.data!.networkJoin).toEqual({
      membership: null,
      errors: [
        {
          field: 'networkId',
          code: 'CONFLICT',
          message: 'Joining this network needs the completed programme "Ledarutbildning i arbetsplatslärande".',
        },
      ],
    });
    const members = async () =>
      (
        await api.graphql(
          `query($id: ID!) { network(id: $id) { members(includeEnded: true) { edges { node { role leftAt person { id } } } } } }`,
          {
            id: networkId,
          },
        )
      ).data!.network.members.edges.map((edge: { node: unknown }) => edge.node);
    expect(await members()).toEqual([]);

    await complete(id);
    const joined = await client(JOIN, { input: { networkId } });
    expect(joined.data!.networkJoin.errors).toEqual([]);
    expect(joined.data!.networkJoin.membership).toMatchObject({ role: 'MEMBER', leftAt: null });
    expect((await client(JOIN, { input: { networkId } })).data!.networkJoin.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: 'personId' }),
    ]);

    // Leaving keeps the history; joining again starts a new membership.
    expect((await client(LEAVE, { input: { networkId } })).data!.networkLeave.errors).toEqual([]);
    expect((await client(JOIN, { input: { networkId } })).data!.networkJoin.errors).toEqual([]);
    const history = await members();
    expect(history.map((membership: { leftAt: string | null }) => membership.leftAt === null)).toEqual([false, true]);
    const current = (
      await api.graphql(`query($id: ID!) { network(id: $id) { members { edges { node { person { id } } } } } }`, { id: networkId })
    ).data!.network.members.edges;
    expect(current).toEqual([{ node: { person: { id } } }]);
    const own = (await client(`{ me { networks { role network { id } } } }`)).data!.me.networks;
    expect(own).toEqual([{ role: 'MEMBER', network: { id: networkId } }]);
  });

  it("refuse someone outside the audience and someone else's staff, and change nothing", async () => {
    const networkId = await managersNetwork();
    const staff = await createPerson(api, organisationId);
    await api.createAccount(staff.id);
    const outsider = await api.signIn(staff.email);
    expect((await outsider(JOIN, { input: { networkId } })).data!.networkJoin.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', field: 'personId' }),
    ]);
    const { client } = await manager();
    const other = await manager();
    expect((await client(JOIN, { input: { networkId, personId: other.id } })).data!.networkJoin.errors).toEqual([
      expect.objectContaining({ field: 'personId' }),
    ]);
    const count = (
      await api.graphql(`query($id: ID!) { network(id: $id) { members(includeEnded: true) { totalCount edges { node { role } } } } }`, {
        id: networkId,
      })
    ).data!.network.members;
    expect(count).toEqual({ totalCount: 0, edges: [] });
  });

  it('page their members on the server with cursors, by joining date, and count them only when asked', async () => {
    const networkId = await managersNetwork({ audienceRoles: [] });
    const people = [];
    for (let index = 0; index < 5; index += 1) {
      const person = await createPerson(api, organisationId);
      expect((await api.graphql(JOIN, { input: { networkId, personId: person.id } })).data!.networkJoin.errors).toEqual([]);
      people.push(person.id);
    }
    await api.graphql(LEAVE, { input: { networkId, personId: people[1] } });
    await api.graphql(LEAVE, { input: { networkId, personId: people[3] } });
    const PAGE = `query($id: ID!, $first: Int, $after: String, $includeEnded: Boolean, $endedOnly: Boolean, $role: NetworkRole) {
      network(id: $id) { members(first: $first, after: $after, includeEnded: $includeEnded, endedOnly: $endedOnly, role: $role) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { leftAt person { id } } } } } }`;
    const page = async (variables: Record<string, unknown>) => {
      const answer = await api.graphql(PAGE, { id: networkId, ...variables });
      expect(answer.errors).toBeUndefined();
      return answer.data!.network.members as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { leftAt: string | null; person: { id: string } } }[];
      };
    };
    const ids = (connection: Awaited<ReturnType<typeof page>>) => connection.edges.map((edge) => edge.node.person.id);

    // The current members, two at a time, in the order they joined.
    const first = await page({ first: 2 });
    expect([first.totalCount, ids(first), first.pageInfo.hasNextPage]).toEqual([3, [people[0], people[2]], true]);
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    expect([second.totalCount, ids(second), second.pageInfo.hasNextPage]).toEqual([3, [people[4]], false]);
    // With the history, and the history alone (the most recent leaver first).
    const all = await page({ first: 4, includeEnded: true });
    expect([all.totalCount, ids(all), all.pageInfo.hasNextPage]).toEqual([5, people.slice(0, 4), true]);
    expect(ids(await page({ first: 4, after: all.pageInfo.endCursor, includeEnded: true }))).toEqual([people[4]]);
    const history = await page({ first: 1, endedOnly: true });
    expect([history.totalCount, ids(history)]).toEqual([2, [people[3]]]);
    expect(ids(await page({ first: 1, after: history.pageInfo.endCursor, endedOnly: true }))).toEqual([people[1]]);
    expect((await page({ role: 'FACILITATOR' })).totalCount).toBe(0);
    expect((await page({ role: 'MEMBER' })).totalCount).toBe(3);
    // The total costs one statement, made only when the query selects it.
    const EDGES = `query($id: ID!) { network(id: $id) { members(first: 2) { edges { node { id } } } } }`;
    const COUNTED = `query($id: ID!) { network(id: $id) { members(first: 2) { totalCount edges { node { id } } } } }`;
    const uncounted = (await api.graphql(EDGES, { id: networkId })).sqlStatements;
    expect((await api.graphql(COUNTED, { id: networkId })).sqlStatements).toBe(uncounted + 1);

    // A cursor that is none and an out-of-range size are refused, naming the argument.
    const foreign = await api.graphql(PAGE, { id: networkId, first: 2, after: 'not-a-cursor' });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    const tooMany = await api.graphql(PAGE, { id: networkId, first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it("show an organisation admin only their organisation's members, and a manager only themself, as before", async () => {
    const networkId = await managersNetwork({ audienceRoles: [] });
    const otherOrganisationId = (await createOrganisation(api)).id;
    const ours = await createPerson(api, organisationId);
    const theirs = await createPerson(api, otherOrganisationId);
    const { id: managerId, client: managerClient } = await manager();
    for (const personId of [ours.id, theirs.id, managerId])
      expect((await api.graphql(JOIN, { input: { networkId, personId } })).data!.networkJoin.errors).toEqual([]);
    const QUERY = `query($id: ID!) { network(id: $id) { members { totalCount edges { node { person { id } } } } } }`;
    const seen = async (client: typeof api.graphql) => {
      const members = (await client(QUERY, { id: networkId })).data!.network.members;
      return {
        totalCount: members.totalCount,
        ids: members.edges.map((edge: { node: { person: { id: string } } }) => edge.node.person.id),
      };
    };
    expect(await seen(api.graphql)).toEqual({ totalCount: 3, ids: [ours.id, theirs.id, managerId] });
    const admin = await signedInPerson(api, otherOrganisationId, { role: 'ORGANISATION_ADMIN', organisationId: otherOrganisationId });
    expect(await seen(admin.client)).toEqual({ totalCount: 1, ids: [theirs.id] });
    expect(await seen(managerClient)).toEqual({ totalCount: 1, ids: [managerId] });
  });

  it('hold meetings on the registration engine: members only, capacity and waitlist, attendance', async () => {
    const networkId = await managersNetwork();
    const facilitator = await manager();
    const added = await api.graphql(
      `mutation($input: NetworkFacilitatorAddInput!) { networkFacilitatorAdd(input: $input) { membership { role } ${USER_ERRORS} } }`,
      {
        input: { networkId, personId: facilitator.id },
      },
    );
    expect(added.data!.networkFacilitatorAdd).toEqual({ membership: { role: 'FACILITATOR' }, errors: [] });
    // The facilitator plans the meeting.
    const meeting = await facilitator.client(
      `mutation($input: NetworkMeetingCreateInput!) { networkMeetingCreate(input: $input) { meeting { id capacity status sessions { startsAt venue } } ${USER_ERRORS} } }`,
      {
        input: {
          networkId,
          title: 'Nätverksträff 1',
          startsAt: '2027-01-20T12:00:00Z',
          endsAt: '2027-01-20T15:00:00Z',
          venue: 'Norrköpings stadshus',
          capacity: 1,
        },
      },
    );
    expect(meeting.data!.networkMeetingCreate.errors).toEqual([]);
    expect(meeting.data!.networkMeetingCreate.meeting).toMatchObject({
      capacity: 1,
      status: 'OPEN',
      sessions: [{ startsAt: '2027-01-20T12:00:00.000Z', venue: 'Norrköpings stadshus' }],
    });
    const meetingId = meeting.data!.networkMeetingCreate.meeting.id;
    // A plain member may not plan meetings.
    const [first, second, outsider] = [await manager(), await manager(), await manager()];
    await first.client(JOIN, { input: { networkId } });
    await second.client(JOIN, { input: { networkId } });
    const notFacilitator = await first.client(
      `mutation($input: NetworkMeetingCreateInput!) { networkMeetingCreate(input: $input) { ${USER_ERRORS} } }`,
      {
        input: { networkId, title: 'Egen träff', startsAt: '2027-02-20T12:00:00Z', endsAt: '2027-02-20T15:00:00Z' },
      },
    );
    expect(notFacilitator.data!.networkMeetingCreate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);

    const refused = await outsider.client(MEETING_REGISTER, { input: { meetingId } });
    expect(refused.data!.networkMeetingRegister.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', message: expect.stringContaining('Only members') }),
    ]);
    const confirmed = await first.client(MEETING_REGISTER, { input: { meetingId } });
    const waitlisted = await second.client(MEETING_REGISTER, { input: { meetingId } });
    expect([confirmed.data!.networkMeetingRegister.registration.status, waitlisted.data!.networkMeetingRegister.registration]).toEqual([
      'CONFIRMED',
      expect.objectContaining({ status: 'WAITLISTED', waitlistPosition: 1 }),
    ]);

    const state = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on NetworkMeeting { confirmedCount waitlistCount network { id } sessions { id }
      registrations { edges { node { status meeting { title } } } } } } }`,
      { id: meetingId },
    );
    const node = state.data!.node;
    expect(node).toMatchObject({ confirmedCount: 1, waitlistCount: 1, network: { id: networkId } });
    expect(node.registrations.edges.map((edge: { node: { meeting: { title: string } } }) => edge.node.meeting.title)).toEqual([
      'Nätverksträff 1',
      'Nätverksträff 1',
    ]);
    // Attendance at the meeting's session once it has started (moved to an hour ago), without any completion rule.
    const started = new Date(Date.now() - 3_600_000);
    const moved = await api.graphql(`mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: {
        id: node.sessions[0].id,
        startsAt: started.toISOString(),
        endsAt: new Date(started.getTime() + 3 * 3_600_000).toISOString(),
      },
    });
    expect(moved.data!.sessionUpdate.errors).toEqual([]);
    const recorded = await api.graphql(`mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`, {
      input: {
        sessionId: node.sessions[0].id,
        entries: [{ registrationId: confirmed.data!.networkMeetingRegister.registration.id, status: 'PRESENT' }],
      },
    });
    expect(recorded.data!.attendanceRecord.errors).toEqual([]);
    const network = await api.graphql(
      `query($id: ID!) { network(id: $id) { meetings { title confirmedCount } members { edges { node { role } } } } }`,
      {
        id: networkId,
      },
    );
    expect(network.data!.network.meetings).toEqual([{ title: 'Nätverksträff 1', confirmedCount: 1 }]);
    expect(network.data!.network.members.edges.map((edge: { node: { role: string } }) => edge.node.role)).toEqual([
      'FACILITATOR',
      'MEMBER',
      'MEMBER',
    ]);
    // The facilitator raises the capacity: the waitlisted member gets the place; a member may not change it.
    const UPDATE = `mutation($input: NetworkMeetingUpdateInput!) { networkMeetingUpdate(input: $input) { meeting { title capacity confirmedCount waitlistCount } ${USER_ERRORS} } }`;
    expect((await first.client(UPDATE, { input: { id: meetingId, capacity: 5 } })).data!.networkMeetingUpdate.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    const raised = await facilitator.client(UPDATE, { input: { id: meetingId, capacity: 2, title: 'Nätverksträff 1: Reflektion' } });
    expect(raised.data!.networkMeetingUpdate).toEqual({
      meeting: { title: 'Nätverksträff 1: Reflektion', capacity: 2, confirmedCount: 2, waitlistCount: 0 },
      errors: [],
    });
  });
  it('are found by a part of their name in any case, and by status, in pages', async () => {
    const tag = `Sökbart ${Math.random().toString(36).slice(2, 8)}`;
    const open = await managersNetwork({ name: `${tag} Norrköping` });
    const other = await managersNetwork({ name: `${tag} Motala` });
    await managersNetwork({ name: `Annat nätverk ${Math.random()}` });
    const closed = await api.graphql(
      `mutation($input: NetworkUpdateInput!) { networkUpdate(input: $input) { network { status } ${USER_ERRORS} } }`,
      { input: { id: other, status: 'CLOSED' } },
    );
    expect(closed.data!.networkUpdate).toEqual({ network: { status: 'CLOSED' }, errors: [] });
    const search = async (filter: Record<string, unknown>, first = 20, after: string | null = null) =>
      (
        await api.graphql(
          `query($filter: NetworkFilterInput, $first: Int, $after: String) { networks(filter: $filter, first: $first, after: $after) {
            totalCount pageInfo { endCursor hasNextPage } edges { node { id name } } } }`,
          { filter, first, after },
        )
      ).data!.networks;

    const found = await search({ search: tag.toUpperCase() });
    expect(found.totalCount).toBe(2);
    expect(found.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual([`${tag} Motala`, `${tag} Norrköping`]);
    const firstPage = await search({ search: tag }, 1);
    expect(firstPage).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const secondPage = await search({ search: tag }, 1, firstPage.pageInfo.endCursor);
    expect(secondPage.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([open]);
    expect((await search({ search: tag, status: 'ACTIVE' })).edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([open]);
    // LIKE wildcards are searched for as text.
    expect((await search({ search: '%' })).totalCount).toBe(0);
  });
});

describe('events', () => {
  it('take registrations on the same engine, with sessions', async () => {
    const created = await api.graphql(
      `mutation($input: EventCreateInput!) { eventCreate(input: $input) { event { id kind name status capacity } ${USER_ERRORS} } }`,
      {
        input: {
          kind: 'INFORMATION_SESSION',
          name: 'Informationsträff för arbetsplatskoordinatorer',
          capacity: 1,
          status: 'OPEN',
          audienceRoles: ['WORKPLACE_COORDINATOR', 'MANAGER'],
        },
      },
    );
    expect(created.data!.eventCreate.errors).toEqual([]);
    const eventId = created.data!.eventCreate.event.id;
    const session = await api.graphql(
      `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } ${USER_ERRORS} } }`,
      {
        input: { eventId, startsAt: '2027-01-12T08:00:00Z', endsAt: '2027-01-12T10:00:00Z', onlineUrl: 'https://meet.example.se/info' },
      },
    );
    expect(session.data!.sessionCreate.errors).toEqual([]);
    const both = await api.graphql(`mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: { eventId, cohortId: eventId, startsAt: '2027-01-12T08:00:00Z', endsAt: '2027-01-12T10:00:00Z' },
    });
    expect(both.data!.sessionCreate.errors).toEqual([expect.objectContaining({ code: 'INVALID' })]);

    const [first, second] = [await manager(), await manager()];
    const register = `mutation($input: EventRegisterInput!) { eventRegister(input: $input) { registration { status waitlistPosition event { name } } ${USER_ERRORS} } }`;
    expect((await first.client(register, { input: { eventId } })).data!.eventRegister.registration).toEqual({
      status: 'CONFIRMED',
      waitlistPosition: null,
      event: { name: 'Informationsträff för arbetsplatskoordinatorer' },
    });
    expect((await second.client(register, { input: { eventId } })).data!.eventRegister.registration).toMatchObject({
      status: 'WAITLISTED',
      waitlistPosition: 1,
    });
    expect((await second.client(register, { input: { eventId } })).data!.eventRegister.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);
    const listed = await first.client(
      `{ events(first: 10) { edges { node { name confirmedCount waitlistCount sessions { onlineUrl } } } } }`,
    );
    expect(listed.data!.events.edges).toContainEqual({
      node: {
        name: 'Informationsträff för arbetsplatskoordinatorer',
        confirmedCount: 1,
        waitlistCount: 1,
        sessions: [{ onlineUrl: 'https://meet.example.se/info' }],
      },
    });
  });
});

describe('the statements a networks query makes', () => {
  it('do not grow with the number of networks, members and meetings listed', async () => {
    const query = `{ networks(first: 50) { edges { node { name prerequisite { name } members(first: 5) { edges { node { role person { name networks { role } } } } }
      meetings { title confirmedCount sessions { startsAt } registrations(first: 5) { edges { node { status meeting { title } person { name } } } } } } } } }`;
    async function networkWithMeeting() {
      const networkId = await managersNetwork({ audienceRoles: [] });
      const meeting = await createNetworkMeeting(api, networkId, { startsAt: '2027-03-01T12:00:00Z', endsAt: '2027-03-01T15:00:00Z' });
      for (let index = 0; index < 2; index += 1) {
        const person = await createPerson(api, organisationId);
        await api.graphql(JOIN, { input: { networkId, personId: person.id } });
        await api.graphql(MEETING_REGISTER, { input: { meetingId: meeting.id, personId: person.id } });
      }
    }
    await networkWithMeeting();
    const few = await api.graphql(query);
    for (let index = 0; index < 3; index += 1) await networkWithMeeting();
    const more = await api.graphql(query);
    expect(more.errors).toBeUndefined();
    expect(more.data!.networks.edges.length).toBeGreaterThan(few.data!.networks.edges.length);
    expect(more.sqlStatements).toBe(few.sqlStatements);
  });
});
