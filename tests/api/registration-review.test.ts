/** Cases a review of the registration engine found: each failed before its fix. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';
import {
  createCohort,
  createEvent,
  createNetwork,
  createNetworkMeeting,
  createProgramme,
  createSession,
  registerForCohort,
} from '../support/training-factories.js';

const ATTENDANCE = `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api, { completionThresholdPercent: 100 });
});
afterAll(() => api?.stop());

const cohort = (input: Record<string, unknown> = {}) => createCohort(api, programmeId, input);
const session = (cohortId: string) => createSession(api, { cohortId });

/** Registers a new person; the registration's id. */
async function register(cohortId: string): Promise<string> {
  const person = await createPerson(api, organisationId);
  return (await registerForCohort(api.graphql, cohortId, person.id)).id;
}

const completedOn = async (registrationId: string) =>
  (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Registration { completedOn status } } }`, { id: registrationId })).data!
    .node;

describe('completion under concurrent attendance', () => {
  it('completes everyone when their attendance at the last session is recorded at the same moment', async () => {
    const cohortId = await cohort();
    const sessionId = await session(cohortId);
    const registrations = [];
    for (let index = 0; index < 6; index += 1) registrations.push(await register(cohortId));
    const answers = await Promise.all(
      registrations.map((registrationId) =>
        api.graphql(ATTENDANCE, { input: { sessionId, entries: [{ registrationId, status: 'PRESENT' }] } }),
      ),
    );
    expect(answers.map((answer) => answer.errors ?? answer.data!.attendanceRecord.errors)).toEqual(Array(6).fill([]));
    for (const registrationId of registrations) expect((await completedOn(registrationId)).completedOn).toBe('2026-09-01');
  });

  it('keeps a completion when the place is cancelled afterwards', async () => {
    const cohortId = await cohort();
    const sessionId = await session(cohortId);
    const [done, other] = [await register(cohortId), await register(cohortId)];
    await api.graphql(ATTENDANCE, { input: { sessionId, entries: [{ registrationId: done, status: 'PRESENT' }] } });
    await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: done });
    await api.graphql(ATTENDANCE, { input: { sessionId, entries: [{ registrationId: other, status: 'PRESENT' }] } });
    expect(await completedOn(done)).toEqual({ completedOn: '2026-09-01', status: 'CANCELLED' });
  });
});

describe('offerings that are not open or closed', () => {
  it('end every place and queue entry when cancelled, and hand nothing on afterwards', async () => {
    const cohortId = await cohort({ capacity: 1 });
    const [first, second] = [await register(cohortId), await register(cohortId)];
    await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, status: CANCELLED }) { ${USER_ERRORS} } }`, { id: cohortId });
    expect([(await completedOn(first)).status, (await completedOn(second)).status]).toEqual(['CANCELLED', 'CANCELLED']);
    const again = await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: first });
    expect(again.data!.registrationCancel.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });
});

describe('capacity changes', () => {
  it('refuse a capacity below the places confirmed or offered, or below the seat quotas, with a typed error', async () => {
    const offered = await cohort({ capacity: 2, promotionPolicy: 'OFFER' });
    const [a] = [await register(offered), await register(offered), await register(offered)];
    await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: a });
    // One confirmed and one offered: 1 place is too few.
    const tooFew = await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, capacity: 1 }) { ${USER_ERRORS} } }`, {
      id: offered,
    });
    expect(tooFew.errors).toBeUndefined();
    expect(tooFew.data!.cohortUpdate.errors).toEqual([expect.objectContaining({ field: 'capacity', code: 'CONFLICT' })]);
    const quotas = await cohort({ capacity: 10, seatQuotas: [{ organisationId, places: 6 }] });
    const belowQuotas = await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, capacity: 5 }) { ${USER_ERRORS} } }`, {
      id: quotas,
    });
    expect(belowQuotas.data!.cohortUpdate.errors).toEqual([expect.objectContaining({ field: 'capacity', code: 'CONFLICT' })]);
  });
});

describe('one request with several registrations', () => {
  it('answers each with the counts after its own change', async () => {
    const cohortId = await cohort({ capacity: 5 });
    const [p, q] = [await createPerson(api, organisationId), await createPerson(api, organisationId)];
    const response = await api.graphql(
      `mutation($c: ID!, $p: ID!, $q: ID!) {
      first: cohortRegister(input: { cohortId: $c, personId: $p }) { registration { cohort { confirmedCount } } }
      second: cohortRegister(input: { cohortId: $c, personId: $q }) { registration { cohort { confirmedCount } } } }`,
      { c: cohortId, p: p.id, q: q.id },
    );
    expect([response.data!.first.registration.cohort.confirmedCount, response.data!.second.registration.cohort.confirmedCount]).toEqual([
      1, 2,
    ]);
  });
});

describe('moving registrations', () => {
  it('refuses to move a network meeting registration into a cohort', async () => {
    const networkId = await createNetwork(api, { name: 'Nätverk' });
    const meeting = await createNetworkMeeting(api, networkId);
    const person = await createPerson(api, organisationId);
    await api.graphql(`mutation($n: ID!, $p: ID!) { networkJoin(input: { networkId: $n, personId: $p }) { ${USER_ERRORS} } }`, {
      n: networkId,
      p: person.id,
    });
    const place = await api.graphql(
      `mutation($m: ID!, $p: ID!) { networkMeetingRegister(input: { meetingId: $m, personId: $p }) { registration { id } } }`,
      { m: meeting.id, p: person.id },
    );
    const moved = await api.graphql(
      `mutation($input: RegistrationTransferInput!) { registrationTransfer(input: $input) { ${USER_ERRORS} } }`,
      {
        input: { id: place.data!.networkMeetingRegister.registration.id, cohortId: await cohort() },
      },
    );
    expect(moved.data!.registrationTransfer.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });
});

describe('events', () => {
  it('open from a draft and give raised capacity to the queue', async () => {
    const eventId = await createEvent(api, { capacity: 1 });
    const register = async () => {
      const person = await createPerson(api, organisationId);
      return (
        await api.graphql(
          `mutation($e: ID!, $p: ID!) { eventRegister(input: { eventId: $e, personId: $p }) { registration { status } ${USER_ERRORS} } }`,
          { e: eventId, p: person.id },
        )
      ).data!.eventRegister;
    };
    expect((await register()).errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    const opened = await api.graphql(
      `mutation($id: ID!) { eventUpdate(input: { id: $id, status: OPEN }) { event { status } ${USER_ERRORS} } }`,
      { id: eventId },
    );
    expect(opened.data!.eventUpdate).toEqual({ event: { status: 'OPEN' }, errors: [] });
    expect([(await register()).registration.status, (await register()).registration.status]).toEqual(['CONFIRMED', 'WAITLISTED']);
    const raised = await api.graphql(
      `mutation($id: ID!) { eventUpdate(input: { id: $id, capacity: 2 }) { event { confirmedCount waitlistCount } ${USER_ERRORS} } }`,
      { id: eventId },
    );
    expect(raised.data!.eventUpdate).toEqual({ event: { confirmedCount: 2, waitlistCount: 0 }, errors: [] });
  });
});

describe('a second review', () => {
  it("keeps a network meeting's registration window with its session, and its session in place", async () => {
    const { id: meetingId, sessionIds } = await createNetworkMeeting(api, await createNetwork(api, { name: 'Nätverk' }));
    const moved = await api.graphql(
      `mutation($id: ID!) { sessionUpdate(input: { id: $id, startsAt: "2027-02-03T12:00:00Z", endsAt: "2027-02-03T15:00:00Z" }) { ${USER_ERRORS} } }`,
      { id: sessionIds[0] },
    );
    expect(moved.data!.sessionUpdate.errors).toEqual([]);
    const state = await api.graphql(`query($id: ID!) { node(id: $id) { ... on NetworkMeeting { registrationClosesAt } } }`, {
      id: meetingId,
    });
    expect(state.data!.node.registrationClosesAt).toBe('2027-02-03T12:00:00.000Z');
    const removed = await api.graphql(`mutation($id: ID!) { sessionDelete(input: { id: $id }) { ${USER_ERRORS} } }`, { id: sessionIds[0] });
    expect(removed.data!.sessionDelete.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  it('gives no place in a cancelled offering: an offer there cannot be accepted', async () => {
    const cohortId = await cohort({ capacity: 1, promotionPolicy: 'OFFER' });
    const [first, second] = [await register(cohortId), await register(cohortId)];
    await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: first });
    expect((await completedOn(second)).status).toBe('OFFERED');
    await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, status: CANCELLED }) { ${USER_ERRORS} } }`, { id: cohortId });
    const accepted = await api.graphql(`mutation($id: ID!) { registrationAcceptOffer(input: { id: $id }) { ${USER_ERRORS} } }`, {
      id: second,
    });
    expect(accepted.data!.registrationAcceptOffer.errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
  });

  it('refuses date-times outside the years 1900 to 2200 as bad input', async () => {
    const cohortId = await cohort();
    const response = await api.graphql(`mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: { cohortId, startsAt: '9999-12-31T10:00:00Z', endsAt: '9999-12-31T12:00:00Z' },
    });
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
