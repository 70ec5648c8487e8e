/** Training data through the API: programmes, cohorts and their sessions, networks and meetings, events, registrations. */
import { expect } from 'vitest';
import type { GraphQLClient, TestApi } from '@evikomp/api/testing';
import { USER_ERRORS } from './factories.js';

let sequence = 0;
const next = () => (sequence += 1);

/** A training day: 09:00–17:00 Swedish summer time on 1 September 2026. */
export const TRAINING_DAY = { startsAt: '2026-09-01T07:00:00Z', endsAt: '2026-09-01T15:00:00Z' } as const;
/** A network meeting: 13:00–16:00 Swedish time on 20 January 2027. */
export const MEETING_TIME = { startsAt: '2027-01-20T12:00:00Z', endsAt: '2027-01-20T15:00:00Z' } as const;

export type CohortRegistration = { id: string; status: string; waitlistPosition: number | null; offerExpiresAt: string | null };

export const COHORT_REGISTER = `mutation($input: CohortRegisterInput!) {
  cohortRegister(input: $input) { registration { id status waitlistPosition offerExpiresAt } ${USER_ERRORS} }
}`;

/** A programme; its id. */
export async function createProgramme(api: TestApi, input: Record<string, unknown> = {}): Promise<string> {
  const response = await api.graphql(
    `mutation($input: ProgrammeCreateInput!) { programmeCreate(input: $input) { programme { id } ${USER_ERRORS} } }`,
    {
      input: { name: 'Ledarutbildning', ...input },
    },
  );
  expect(response.data!.programmeCreate.errors).toEqual([]);
  return response.data!.programmeCreate.programme.id;
}

/** An open cohort of the programme (give `status` for another), with the options of `input`; its id. */
export async function createCohort(api: TestApi, programmeId: string, input: Record<string, unknown> = {}): Promise<string> {
  const response = await api.graphql(
    `mutation($input: CohortCreateInput!) { cohortCreate(input: $input) { cohort { id } ${USER_ERRORS} } }`,
    {
      input: { programmeId, name: `Omgång ${next()}`, status: 'OPEN', ...input },
    },
  );
  expect(response.data!.cohortCreate.errors).toEqual([]);
  return response.data!.cohortCreate.cohort.id;
}

/** A session of a cohort or event (`{ cohortId }` or `{ eventId }` in `input`), on `TRAINING_DAY` unless given; its id. */
export async function createSession(api: TestApi, input: Record<string, unknown>): Promise<string> {
  const response = await api.graphql(
    `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } ${USER_ERRORS} } }`,
    {
      input: { ...TRAINING_DAY, ...input },
    },
  );
  expect(response.data!.sessionCreate.errors).toEqual([]);
  return response.data!.sessionCreate.session.id;
}

/** An open cohort with a session for each of `sessions` (times and other session fields); the ids. */
export async function createCohortWithSessions(
  api: TestApi,
  programmeId: string,
  input: Record<string, unknown>,
  sessions: Record<string, unknown>[],
): Promise<{ cohortId: string; sessionIds: string[] }> {
  const cohortId = await createCohort(api, programmeId, input);
  const sessionIds: string[] = [];
  for (const session of sessions) sessionIds.push(await createSession(api, { cohortId, ...session }));
  return { cohortId, sessionIds };
}

/** Registers a person for a cohort (`personId` omitted: the caller registers themselves); the registration. */
export async function registerForCohort(client: GraphQLClient, cohortId: string, personId?: string): Promise<CohortRegistration> {
  const response = await client(COHORT_REGISTER, { input: { cohortId, ...(personId ? { personId } : {}) } });
  expect(response.data!.cohortRegister.errors).toEqual([]);
  return response.data!.cohortRegister.registration;
}

/** Records one attendance status (by default PRESENT) for each registration at a session. */
export async function recordAttendance(api: TestApi, sessionId: string, registrationIds: string[], status = 'PRESENT'): Promise<void> {
  const response = await api.graphql(`mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`, {
    input: { sessionId, entries: registrationIds.map((registrationId) => ({ registrationId, status })) },
  });
  expect(response.data!.attendanceRecord.errors).toEqual([]);
}

/** A network; its id. */
export async function createNetwork(api: TestApi, input: Record<string, unknown> = {}): Promise<string> {
  const response = await api.graphql(
    `mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { network { id } ${USER_ERRORS} } }`,
    {
      input: { name: `Nätverk ${next()}`, ...input },
    },
  );
  expect(response.data!.networkCreate.errors).toEqual([]);
  return response.data!.networkCreate.network.id;
}

/** A meeting of a network, at `MEETING_TIME` unless given; its id and the ids of its sessions. */
export async function createNetworkMeeting(
  api: TestApi,
  networkId: string,
  input: Record<string, unknown> = {},
): Promise<{ id: string; sessionIds: string[] }> {
  const response = await api.graphql(
    `mutation($input: NetworkMeetingCreateInput!) { networkMeetingCreate(input: $input) { meeting { id sessions { id } } ${USER_ERRORS} } }`,
    { input: { networkId, title: 'Träff', ...MEETING_TIME, ...input } },
  );
  expect(response.data!.networkMeetingCreate.errors).toEqual([]);
  const meeting = response.data!.networkMeetingCreate.meeting as { id: string; sessions: { id: string }[] };
  return { id: meeting.id, sessionIds: meeting.sessions.map((session) => session.id) };
}

/** An event (by default a kick-off); its id. */
export async function createEvent(api: TestApi, input: Record<string, unknown> = {}): Promise<string> {
  const response = await api.graphql(`mutation($input: EventCreateInput!) { eventCreate(input: $input) { event { id } ${USER_ERRORS} } }`, {
    input: { kind: 'KICK_OFF', name: 'Uppstart', ...input },
  });
  expect(response.data!.eventCreate.errors).toEqual([]);
  return response.data!.eventCreate.event.id;
}
