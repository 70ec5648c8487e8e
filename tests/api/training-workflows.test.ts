import ICAL from 'ical.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
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

const JOIN = `mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { ${USER_ERRORS} } }`;
const LEAVE = `mutation($input: NetworkMembershipInput!) { networkLeave(input: $input) { membership { leftAt } ${USER_ERRORS} } }`;
const MEETING_REGISTER = `mutation($input: NetworkMeetingRegisterInput!) {
  networkMeetingRegister(input: $input) { registration { id status } ${USER_ERRORS} } }`;
const EVENT_REGISTER = `mutation($input: EventRegisterInput!) { eventRegister(input: $input) { registration { id status } ${USER_ERRORS} } }`;
const STATUS = `query($id: ID!) { node(id: $id) { ... on Registration { status waitlistPosition offerExpiresAt } } }`;
const STATISTICS = `query($year: Int!, $organisationId: ID) { trainingStatistics(year: $year, organisationId: $organisationId) {
  peopleRegistered peopleWaitlisted meetingRegistrations } }`;

let api: TestApi;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api);
});
afterAll(() => api?.stop());
beforeEach(async () => {
  await api.orm.em.getConnection().execute('delete from notification');
});

type OutboxRow = { kind: string; person_id: string; body: string };
const outbox = () =>
  api.orm.em.getConnection().execute<OutboxRow[]>(`select kind, person_id, body from notification order by created_at, id`);
const messagesOf = async (personId: string) => (await outbox()).filter((row) => row.person_id === rowId(personId));
const status = async (registrationId: string) => (await api.graphql(STATUS, { id: registrationId })).data!.node;

/** The registration's global id from a mutation's payload, after checking it has no errors. */
function registered(payload: { registration: { id: string; status: string } | null; errors: unknown[] }) {
  expect(payload.errors).toEqual([]);
  return payload.registration!;
}

describe('leaving a network', () => {
  it("ends the person's places in its coming meetings, gives them to the queue, and tells both", async () => {
    const networkId = await createNetwork(api);
    const [leaver, next] = [await createPerson(api, organisationId), await createPerson(api, organisationId, { language: 'EN' })];
    for (const person of [leaver, next]) await api.graphql(JOIN, { input: { networkId, personId: person.id } });
    const coming = await createNetworkMeeting(api, networkId, { capacity: 1 });
    const past = await createNetworkMeeting(api, networkId, { startsAt: '2020-01-20T12:00:00Z', endsAt: '2020-01-20T15:00:00Z' });
    const place = registered(
      (await api.graphql(MEETING_REGISTER, { input: { meetingId: coming.id, personId: leaver.id } })).data!.networkMeetingRegister,
    );
    const queued = registered(
      (await api.graphql(MEETING_REGISTER, { input: { meetingId: coming.id, personId: next.id } })).data!.networkMeetingRegister,
    );
    expect(queued.status).toBe('WAITLISTED');
    // Administrators may register for a meeting that has already taken place (a late record).
    const history = registered(
      (await api.graphql(MEETING_REGISTER, { input: { meetingId: past.id, personId: leaver.id } })).data!.networkMeetingRegister,
    );

    const left = await api.graphql(LEAVE, { input: { networkId, personId: leaver.id } });
    expect(left.data!.networkLeave.errors).toEqual([]);

    expect(await status(place.id)).toMatchObject({ status: 'CANCELLED' });
    expect(await status(queued.id)).toMatchObject({ status: 'CONFIRMED', waitlistPosition: null });
    // A meeting that has taken place keeps its record.
    expect(await status(history.id)).toMatchObject({ status: 'CONFIRMED' });
    const told = (await messagesOf(leaver.id)).filter((row) => row.kind === 'REGISTRATION_CANCELLED');
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toContain('eftersom du har lämnat nätverket');
    expect((await messagesOf(next.id)).map((row) => row.kind)).toEqual(['REGISTRATION_WAITLISTED', 'REGISTRATION_PROMOTED']);
  });
});

describe('cancelling an offering', () => {
  it('ends every place, offer, queue entry and pending registration of a cohort, tells each person, and stops counting them', async () => {
    const cohortId = await createCohort(api, programmeId, { capacity: 2, promotionPolicy: 'OFFER' });
    await createSession(api, {
      cohortId,
      startsAt: `${new Date().getFullYear()}-12-01T08:00:00Z`,
      endsAt: `${new Date().getFullYear()}-12-01T15:00:00Z`,
    });
    const own = await createOrganisation(api);
    const people = [];
    for (let index = 0; index < 4; index += 1) people.push(await createPerson(api, own.id));
    const registrations = [];
    for (const person of people) registrations.push(await registerForCohort(api.graphql, cohortId, person.id));
    // One place freed: the first in the queue is offered it.
    await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: registrations[0]!.id });
    expect((await Promise.all(registrations.map((registration) => status(registration.id)))).map((row) => row.status)).toEqual([
      'CANCELLED',
      'CONFIRMED',
      'OFFERED',
      'WAITLISTED',
    ]);
    const year = new Date().getFullYear();
    const counted = async () => (await api.graphql(STATISTICS, { year, organisationId: own.id })).data!.trainingStatistics[0];
    expect(await counted()).toMatchObject({ peopleRegistered: 3, peopleWaitlisted: 1 });
    await api.orm.em.getConnection().execute('delete from notification');

    const cancelled = await api.graphql(
      `mutation($id: ID!) { cohortUpdate(input: { id: $id, status: CANCELLED }) { cohort { status confirmedCount offeredCount } ${USER_ERRORS} } }`,
      { id: cohortId },
    );
    expect(cancelled.data!.cohortUpdate).toEqual({ cohort: { status: 'CANCELLED', confirmedCount: 0, offeredCount: 0 }, errors: [] });
    expect((await Promise.all(registrations.map((registration) => status(registration.id)))).map((row) => row.status)).toEqual([
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
      'CANCELLED',
    ]);
    const rows = await outbox();
    expect(rows.map((row) => [row.kind, row.person_id]).sort()).toEqual(
      people
        .slice(1)
        .map((person) => ['OFFERING_CANCELLED', rowId(person.id)])
        .sort(),
    );
    expect(rows[0]!.body).toContain('är inställd');
    expect(await counted()).toMatchObject({ peopleRegistered: 0, peopleWaitlisted: 0 });

    // Cancelled is final: it does not reopen with its people gone.
    const reopened = await api.graphql(`mutation($id: ID!) { cohortUpdate(input: { id: $id, status: OPEN }) { ${USER_ERRORS} } }`, {
      id: cohortId,
    });
    expect(reopened.data!.cohortUpdate.errors).toEqual([expect.objectContaining({ field: 'status', code: 'CONFLICT' })]);
  });

  it('ends the registrations of a cancelled network meeting and event alike', async () => {
    const networkId = await createNetwork(api);
    const member = await createPerson(api, organisationId);
    await api.graphql(JOIN, { input: { networkId, personId: member.id } });
    const meeting = await createNetworkMeeting(api, networkId);
    const place = registered(
      (await api.graphql(MEETING_REGISTER, { input: { meetingId: meeting.id, personId: member.id } })).data!.networkMeetingRegister,
    );
    const eventId = await createEvent(api, { status: 'OPEN' });
    const ticket = registered((await api.graphql(EVENT_REGISTER, { input: { eventId, personId: member.id } })).data!.eventRegister);

    const meetingCancelled = await api.graphql(
      `mutation($id: ID!) { networkMeetingUpdate(input: { id: $id, status: CANCELLED }) { ${USER_ERRORS} } }`,
      { id: meeting.id },
    );
    expect(meetingCancelled.errors).toBeUndefined();
    expect(meetingCancelled.data!.networkMeetingUpdate.errors).toEqual([]);
    const eventCancelled = await api.graphql(
      `mutation($id: ID!) { eventUpdate(input: { id: $id, status: CANCELLED }) { ${USER_ERRORS} } }`,
      {
        id: eventId,
      },
    );
    expect(eventCancelled.data!.eventUpdate.errors).toEqual([]);
    expect([(await status(place.id)).status, (await status(ticket.id)).status]).toEqual(['CANCELLED', 'CANCELLED']);
    expect((await messagesOf(member.id)).filter((row) => row.kind === 'OFFERING_CANCELLED')).toHaveLength(2);
  });
});

/** The events of a calendar feed, as a calendar app reads them: UID, SEQUENCE, STATUS and start. */
async function feedEvents(url: string) {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents('vevent').map((component) => ({
    uid: component.getFirstPropertyValue('uid'),
    sequence: component.getFirstPropertyValue('sequence'),
    status: component.getFirstPropertyValue('status'),
    startsAt: new ICAL.Event(component).startDate.toJSDate().toISOString(),
  }));
}

describe('moving or removing a session', () => {
  it('tells the people with places, and raises the SEQUENCE in calendar feeds, a removed session staying there cancelled', async () => {
    const cohortId = await createCohort(api, programmeId, { capacity: 2 });
    const first = await createSession(api, {
      cohortId,
      startsAt: '2027-03-02T08:00:00Z',
      endsAt: '2027-03-02T15:00:00Z',
      venue: 'Stadshuset',
    });
    const second = await createSession(api, { cohortId, startsAt: '2027-03-09T08:00:00Z', endsAt: '2027-03-09T15:00:00Z' });
    const people = [
      await createPerson(api, organisationId),
      await createPerson(api, organisationId),
      await createPerson(api, organisationId),
    ];
    for (const person of people) await registerForCohort(api.graphql, cohortId, person.id);
    const feed = await api.graphql(
      `mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { url ${USER_ERRORS} } }`,
      {
        input: { cohortId },
      },
    );
    const url = feed.data!.calendarFeedCreate.url as string;
    expect((await feedEvents(url)).map((event) => event.sequence)).toEqual([0, 0]);
    await api.orm.em.getConnection().execute('delete from notification');

    const moved = await api.graphql(
      `mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { session { startsAt } ${USER_ERRORS} } }`,
      { input: { id: first, startsAt: '2027-03-03T08:00:00Z', endsAt: '2027-03-03T15:00:00Z', venue: 'Konsert & Kongress' } },
    );
    expect(moved.data!.sessionUpdate.errors).toEqual([]);
    const placed = people
      .slice(0, 2)
      .map((person) => rowId(person.id))
      .sort();
    let rows = await outbox();
    expect(rows.map((row) => row.kind)).toEqual(['SESSION_CHANGED', 'SESSION_CHANGED']);
    expect(rows.map((row) => row.person_id).sort()).toEqual(placed);
    expect(rows[0]!.body).toContain('onsdag 3 mars 2027 kl. 09:00–16:00, Konsert & Kongress');
    expect(await feedEvents(url)).toEqual([
      { uid: `session-${rowId(first)}@evikomp`, sequence: 1, status: 'CONFIRMED', startsAt: '2027-03-03T08:00:00.000Z' },
      { uid: `session-${rowId(second)}@evikomp`, sequence: 0, status: 'CONFIRMED', startsAt: '2027-03-09T08:00:00.000Z' },
    ]);
    const attachment = await api.orm.em
      .getConnection()
      .execute<{ attachments: { content: string }[] }[]>(`select attachments from notification where kind = 'SESSION_CHANGED' limit 1`);
    expect(attachment[0]!.attachments[0]!.content).toContain('SEQUENCE:1');

    // A new title alone is no move: nobody is told, the SEQUENCE stays.
    await api.orm.em.getConnection().execute('delete from notification');
    await api.graphql(`mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: second, title: 'Dag 2' },
    });
    expect(await outbox()).toEqual([]);
    expect((await feedEvents(url)).map((event) => event.sequence)).toEqual([1, 0]);

    const removed = await api.graphql(`mutation($id: ID!) { sessionDelete(input: { id: $id }) { ${USER_ERRORS} } }`, { id: second });
    expect(removed.data!.sessionDelete.errors).toEqual([]);
    rows = await outbox();
    expect(rows.map((row) => row.kind)).toEqual(['SESSION_CANCELLED', 'SESSION_CANCELLED']);
    expect(rows.map((row) => row.person_id).sort()).toEqual(placed);
    expect((await feedEvents(url)).map(({ uid, sequence, status }) => ({ uid, sequence, status }))).toEqual([
      { uid: `session-${rowId(first)}@evikomp`, sequence: 1, status: 'CONFIRMED' },
      { uid: `session-${rowId(second)}@evikomp`, sequence: 1, status: 'CANCELLED' },
    ]);
  });
});

describe('ending an offer now', () => {
  it('lets an administrator lapse an open offer at once, by the expiry job path, and refuses others and non-offers', async () => {
    const cohortId = await createCohort(api, programmeId, { capacity: 1, promotionPolicy: 'OFFER' });
    const people = [
      await createPerson(api, organisationId),
      await createPerson(api, organisationId),
      await createPerson(api, organisationId),
    ];
    const registrations = [];
    for (const person of people) registrations.push(await registerForCohort(api.graphql, cohortId, person.id));
    await api.graphql(`mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`, { id: registrations[0]!.id });
    expect((await status(registrations[1]!.id)).status).toBe('OFFERED');
    const EXPIRE = `mutation($id: ID!) { registrationExpireOffer(input: { id: $id }) { registration { status offerExpiresAt } ${USER_ERRORS} } }`;

    const someone = await createPerson(api, organisationId);
    await api.createAccount(someone.id);
    const refused = await (await api.signIn(someone.email))(EXPIRE, { id: registrations[1]!.id });
    expect(refused.data!.registrationExpireOffer.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect((await status(registrations[1]!.id)).status).toBe('OFFERED');

    const ended = await api.graphql(EXPIRE, { id: registrations[1]!.id });
    expect(ended.data!.registrationExpireOffer).toEqual({
      registration: { status: 'LAPSED', offerExpiresAt: expect.any(String) },
      errors: [],
    });
    // The place went on: the next in line is offered it, and both are told as by the job.
    expect((await status(registrations[2]!.id)).status).toBe('OFFERED');
    expect((await messagesOf(people[1]!.id)).map((row) => row.kind)).toContain('OFFER_LAPSED');
    expect((await messagesOf(people[2]!.id)).map((row) => row.kind)).toContain('OFFER_MADE');
    const again = await api.graphql(EXPIRE, { id: registrations[1]!.id });
    expect(again.data!.registrationExpireOffer.errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
  });
});
