import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';
import { createCohort, createEvent, createNetwork, createNetworkMeeting, createProgramme } from '../support/training-factories.js';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

const HOUR_MS = 3_600_000;
const ids = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id).sort();

/** A request with an API key, as an integrator sends it. */
async function withKey(key: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: { extensions?: Record<string, unknown> }[] };
}

describe('filters for integrators', () => {
  it('narrow cohorts by status, programme and being open for registration now', async () => {
    const programme = await createProgramme(api, { name: 'Ledarutbildning' });
    const other = await createProgramme(api, { name: 'Fördjupning' });
    const open = await createCohort(api, programme);
    const notYet = await createCohort(api, programme, { registrationOpensAt: new Date(Date.now() + 24 * HOUR_MS).toISOString() });
    const closedWindow = await createCohort(api, programme, { registrationClosesAt: new Date(Date.now() - HOUR_MS).toISOString() });
    const draft = await createCohort(api, programme, { status: 'DRAFT' });
    const elsewhere = await createCohort(api, other);
    const query = `query($filter: CohortFilterInput) { cohorts(first: 100, filter: $filter) { edges { node { id } } } }`;
    const cohorts = async (filter: Record<string, unknown>) => ids((await api.graphql(query, { filter })).data!.cohorts);

    expect(await cohorts({ programmeId: programme })).toEqual([open, notYet, closedWindow, draft].sort());
    expect(await cohorts({ programmeId: programme, openForRegistration: true })).toEqual([open]);
    expect(await cohorts({ programmeId: programme, openForRegistration: false })).toEqual([notYet, closedWindow, draft].sort());
    expect(await cohorts({ programmeId: programme, status: 'DRAFT' })).toEqual([draft]);
    expect(await cohorts({ programmeId: other, openForRegistration: true })).toEqual([elsewhere]);
    const bad = await api.graphql(query, { filter: { programmeId: open } });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('narrow events by status and being open for registration now, and networks by status, prerequisite and an open meeting', async () => {
    const open = await createEvent(api, { status: 'OPEN', name: 'Uppstart Motala' });
    const closed = await createEvent(api, { status: 'CLOSED', name: 'Uppstart Mjölby' });
    const events = async (filter: Record<string, unknown>) =>
      ids(
        (
          await api.graphql(`query($filter: EventFilterInput) { events(first: 100, filter: $filter) { edges { node { id } } } }`, {
            filter,
          })
        ).data!.events,
      );
    expect(await events({ openForRegistration: true })).toContain(open);
    expect(await events({ openForRegistration: true })).not.toContain(closed);
    expect(await events({ status: 'CLOSED' })).toEqual([closed]);

    const programme = await createProgramme(api, { name: 'Förkunskap' });
    const withMeeting = await createNetwork(api, { prerequisiteProgrammeId: programme });
    await createNetworkMeeting(api, withMeeting);
    const withoutMeeting = await createNetwork(api, { prerequisiteProgrammeId: programme });
    const past = await createNetwork(api);
    await createNetworkMeeting(api, past, { startsAt: '2020-01-20T12:00:00Z', endsAt: '2020-01-20T15:00:00Z' });
    const closing = await api.graphql(`mutation($id: ID!) { networkUpdate(input: { id: $id, status: CLOSED }) { ${USER_ERRORS} } }`, {
      id: withoutMeeting,
    });
    expect(closing.data!.networkUpdate.errors).toEqual([]);
    const networks = async (filter: Record<string, unknown>) =>
      ids(
        (
          await api.graphql(`query($filter: NetworkFilterInput) { networks(first: 100, filter: $filter) { edges { node { id } } } }`, {
            filter,
          })
        ).data!.networks,
      );
    expect(await networks({ prerequisiteProgrammeId: programme })).toEqual([withMeeting, withoutMeeting].sort());
    expect(await networks({ prerequisiteProgrammeId: programme, status: 'ACTIVE' })).toEqual([withMeeting]);
    expect(await networks({ openForRegistration: true })).toEqual([withMeeting]);
    expect(await networks({ openForRegistration: false })).toEqual([withoutMeeting, past].sort());
  });

  it('give the organisations, workplaces, people and role assignments changed since a moment, for incremental sync', async () => {
    const organisation = await createOrganisation(api);
    const unchangedOrganisation = await createOrganisation(api);
    const workplace = await createWorkplace(api, organisation.id);
    await createWorkplace(api, organisation.id);
    const person = await createPerson(api, organisation.id);
    const unchangedPerson = await createPerson(api, organisation.id);
    const role = await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id });
    await assignRole(api, { personId: unchangedPerson.id, role: 'ORGANISATION_ADMIN', organisationId: organisation.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const since = new Date().toISOString();

    const changes = [
      api.graphql(`mutation($id: ID!) { organisationUpdate(input: { id: $id, name: "Nytt namn" }) { ${USER_ERRORS} } }`, {
        id: organisation.id,
      }),
      api.graphql(`mutation($id: ID!) { workplaceUpdate(input: { id: $id, name: "Hemtjänst Ny" }) { ${USER_ERRORS} } }`, {
        id: workplace.id,
      }),
      api.graphql(`mutation($id: ID!) { personUpdate(input: { id: $id, firstName: "Kerstin" }) { ${USER_ERRORS} } }`, { id: person.id }),
      api.graphql(`mutation($id: ID!) { roleAssignmentEnd(input: { id: $id, endsOn: "2030-01-01" }) { ${USER_ERRORS} } }`, { id: role.id }),
    ];
    for (const change of await Promise.all(changes)) expect(Object.values(change.data!)[0].errors).toEqual([]);

    const list = async (field: string, type: string) =>
      ids(
        (
          await api.graphql(`query($filter: ${type}FilterInput) { ${field}(first: 100, filter: $filter) { edges { node { id } } } }`, {
            filter: { updatedSince: since },
          })
        ).data![field],
      );
    expect(await list('organisations', 'Organisation')).toEqual([organisation.id]);
    expect(await list('workplaces', 'Workplace')).toEqual([workplace.id]);
    expect(await list('people', 'Person')).toEqual([person.id]);
    expect(await list('roleAssignments', 'RoleAssignment')).toEqual([role.id]);
    expect(unchangedOrganisation.id).not.toBe(organisation.id);
  });
});

describe('the training statistics for API clients', () => {
  it('are read with READ_STATISTICS: its organisation, or all when county-wide; other scopes are refused', async () => {
    const motala = await createOrganisation(api, { name: 'Motala kommun' });
    const create = `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`;
    const key = async (input: Record<string, unknown>) => {
      const response = await api.graphql(create, { input: { name: 'Statistiksystemet', ...input } });
      expect(response.data!.apiClientCreate.errors).toEqual([]);
      return response.data!.apiClientCreate.key as string;
    };
    const query = `query($year: Int!) { trainingStatistics(year: $year) { organisation { id } peopleRegistered } }`;
    const year = new Date().getFullYear();

    const own = await withKey(await key({ scopes: ['READ_STATISTICS'], organisationId: motala.id }), query, { year });
    expect(own.errors).toBeUndefined();
    expect(own.data!.trainingStatistics.map((row: { organisation: { id: string } }) => row.organisation.id)).toEqual([motala.id]);
    const countyWide = await withKey(await key({ scopes: ['READ_STATISTICS'] }), query, { year });
    expect(countyWide.data!.trainingStatistics.length).toBeGreaterThan(1);
    const training = await withKey(await key({ scopes: ['READ_TRAINING'] }), query, { year });
    expect(training.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
