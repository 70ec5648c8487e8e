import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { USER_ERRORS } from '../support/factories.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

const REGISTRATION = `registration { id offering { __typename id status ... on Cohort { name } ... on NetworkMeeting { title } ... on Event { name } } } ${USER_ERRORS}`;

async function mutate(mutation: string, variables: Record<string, unknown>, field: string) {
  const response = await api.graphql(mutation, variables);
  expect(response.errors).toBeUndefined();
  expect(response.data![field].errors).toEqual([]);
  return response.data![field];
}

describe('the Offering interface', () => {
  it('answers Registration.offering with the cohort, network meeting or event, through the interface', async () => {
    const { programme } = await mutate(
      `mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } ${USER_ERRORS} } }`,
      {},
      'programmeCreate',
    );
    const { cohort } = await mutate(
      `mutation($input: CohortCreateInput!) { cohortCreate(input: $input) { cohort { id } ${USER_ERRORS} } }`,
      { input: { programmeId: programme.id, name: 'Omgång 1', capacity: 5, status: 'OPEN' } },
      'cohortCreate',
    );
    const inCohort = await mutate(
      `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { ${REGISTRATION} } }`,
      { input: { cohortId: cohort.id } },
      'cohortRegister',
    );
    expect(inCohort.registration.offering).toEqual({ __typename: 'Cohort', id: cohort.id, status: 'OPEN', name: 'Omgång 1' });

    const { event } = await mutate(
      `mutation($input: EventCreateInput!) { eventCreate(input: $input) { event { id } ${USER_ERRORS} } }`,
      { input: { kind: 'KICK_OFF', name: 'Uppstart', status: 'OPEN' } },
      'eventCreate',
    );
    const inEvent = await mutate(
      `mutation($input: EventRegisterInput!) { eventRegister(input: $input) { ${REGISTRATION} } }`,
      { input: { eventId: event.id } },
      'eventRegister',
    );
    expect(inEvent.registration.offering).toEqual({ __typename: 'Event', id: event.id, status: 'OPEN', name: 'Uppstart' });
  });

  it('finds the session and the registration of a network meeting with node(id:)', async () => {
    const { network } = await mutate(
      `mutation { networkCreate(input: { name: "Lärande chefsnätverk" }) { network { id } ${USER_ERRORS} } }`,
      {},
      'networkCreate',
    );
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    const { meeting } = await mutate(
      `mutation($input: NetworkMeetingCreateInput!) { networkMeetingCreate(input: $input) { meeting { id sessions { id } } ${USER_ERRORS} } }`,
      {
        input: {
          networkId: network.id,
          title: 'Nätverksträff 1',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
          capacity: 10,
        },
      },
      'networkMeetingCreate',
    );
    const { registration } = await mutate(
      `mutation($input: NetworkMeetingRegisterInput!) { networkMeetingRegister(input: $input) { ${REGISTRATION} } }`,
      { input: { meetingId: meeting.id } },
      'networkMeetingRegister',
    );
    expect(registration.offering).toEqual({ __typename: 'NetworkMeeting', id: meeting.id, status: 'OPEN', title: 'Nätverksträff 1' });

    const found = await api.graphql(
      `query($registration: ID!, $session: ID!) {
        registration: node(id: $registration) { id ... on Registration { status offering { ... on NetworkMeeting { title } } } }
        session: node(id: $session) { id ... on Session { startsAt offering { id ... on NetworkMeeting { title } } } }
      }`,
      { registration: registration.id, session: meeting.sessions[0].id },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.registration).toEqual({ id: registration.id, status: 'CONFIRMED', offering: { title: 'Nätverksträff 1' } });
    expect(found.data!.session).toEqual({
      id: meeting.sessions[0].id,
      startsAt: startsAt.toISOString(),
      offering: { id: meeting.id, title: 'Nätverksträff 1' },
    });
  });
});
