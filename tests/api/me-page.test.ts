// What the portal's "me" page asks of the API: the cohorts and events a person may register for now, and the
// language a person keeps on their own record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, signedInPerson, USER_ERRORS } from '../support/factories.js';
import { createCohort, createEvent, createProgramme } from '../support/training-factories.js';

const COHORTS = `query($filter: CohortFilterInput, $after: String) {
  cohorts(first: 100, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;
const EVENTS = `query($filter: EventFilterInput) { events(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { id language } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
let otherOrganisationId: string;
let workplaceId: string;
let programmeId: string;
let manager: { id: string; email: string; client: GraphQLClient };
let coordinatorId: string;

const HOUR = 3_600_000;
const later = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  otherOrganisationId = (await createOrganisation(api)).id;
  workplaceId = (await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' })).id;
  programmeId = await createProgramme(api);
  manager = await signedInPerson(api, organisationId, { role: 'MANAGER', workplaceId });
  coordinatorId = (await createPerson(api, organisationId)).id;
  await assignRole(api, { personId: coordinatorId, role: 'WORKPLACE_COORDINATOR', workplaceId });
});
afterAll(() => api?.stop());

async function cohortIds(client: GraphQLClient, filter: Record<string, unknown> | null): Promise<string[]> {
  const response = await client(COHORTS, { filter });
  expect(response.errors).toBeUndefined();
  return response.data!.cohorts.edges.map((edge: { node: { id: string } }) => edge.node.id);
}

describe('cohorts and events a person may register for now', () => {
  it('lists only the open ones, inside their window, whose audience holds the person', async () => {
    const forManagers = await createCohort(api, programmeId, { audienceRoles: ['MANAGER'] });
    const forAnyone = await createCohort(api, programmeId, { registrationClosesAt: later(48) });
    const forCoordinators = await createCohort(api, programmeId, { audienceRoles: ['WORKPLACE_COORDINATOR'] });
    const draft = await createCohort(api, programmeId, { status: 'DRAFT', audienceRoles: ['MANAGER'] });
    const notYet = await createCohort(api, programmeId, { registrationOpensAt: later(24) });
    const otherOrganisation = await createCohort(api, programmeId, { audienceOrganisationIds: [otherOrganisationId] });

    const all = await cohortIds(manager.client, null);
    expect(all).toEqual(expect.arrayContaining([forManagers, forAnyone, forCoordinators, draft, notYet, otherOrganisation]));

    const mine = await cohortIds(manager.client, { registrableBy: manager.id });
    expect(mine).toContain(forManagers);
    expect(mine).toContain(forAnyone);
    for (const refused of [forCoordinators, draft, notYet, otherOrganisation]) expect(mine).not.toContain(refused);

    // A manager asks the same for their workplace coordinator, whom they register for coordinator sessions.
    const theirs = await cohortIds(manager.client, { registrableBy: coordinatorId });
    expect(theirs).toContain(forCoordinators);
    expect(theirs).toContain(forAnyone);
    expect(theirs).not.toContain(forManagers);
  });

  it('pages and counts the filtered list on the server', async () => {
    const response = await manager.client(
      `query($filter: CohortFilterInput) { cohorts(first: 1, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
      { filter: { registrableBy: manager.id } },
    );
    const mine = await cohortIds(manager.client, { registrableBy: manager.id });
    expect(response.data!.cohorts.totalCount).toBe(mine.length);
    expect(response.data!.cohorts.edges).toHaveLength(1);
    expect(response.data!.cohorts.pageInfo.hasNextPage).toBe(mine.length > 1);
  });

  it('lists events the same way', async () => {
    const information = await createEvent(api, {
      kind: 'INFORMATION_SESSION',
      name: 'Informationsträff',
      status: 'OPEN',
      audienceRoles: ['WORKPLACE_COORDINATOR', 'MANAGER'],
    });
    const closed = await createEvent(api, { status: 'OPEN', registrationClosesAt: later(1), audienceRoles: ['MANAGER'] });
    const forAdmins = await createEvent(api, { status: 'OPEN', audienceRoles: ['ORGANISATION_ADMIN'] });
    await api.graphql(`mutation($input: EventUpdateInput!) { eventUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: closed, status: 'CLOSED' },
    });
    const response = await manager.client(EVENTS, { filter: { registrableBy: manager.id } });
    const ids = response.data!.events.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toContain(information);
    expect(ids).not.toContain(closed);
    expect(ids).not.toContain(forAdmins);
    expect(response.data!.events.totalCount).toBe(ids.length);
  });

  it('is empty for a person the caller may not see, and refuses an id that is not a person', async () => {
    const stranger = await createPerson(api, otherOrganisationId);
    expect(await cohortIds(manager.client, { registrableBy: stranger.id })).toEqual([]);
    const response = await manager.client(COHORTS, { filter: { registrableBy: workplaceId } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.registrableBy' });
    expect(response.data).toBeNull();
  });
});

describe('the language kept on the person', () => {
  it('a person changes their own language (the one e-mails use) and reads it back on `me`', async () => {
    const response = await manager.client(UPDATE, { input: { id: manager.id, language: 'EN' } });
    expect(response.data!.personUpdate).toEqual({ person: { id: manager.id, language: 'EN' }, errors: [] });
    const me = await manager.client(`{ me { id language } }`);
    expect(me.data!.me).toEqual({ id: manager.id, language: 'EN' });

    const fresh = await api.signIn(manager.email);
    expect((await fresh(`{ me { language } }`)).data!.me.language).toBe('EN');
  });

  it('does not let a person change another person’s language', async () => {
    const response = await manager.client(UPDATE, { input: { id: coordinatorId, language: 'EN' } });
    expect(response.data!.personUpdate.person).toBeNull();
    expect(response.data!.personUpdate.errors[0]).toMatchObject({ code: 'FORBIDDEN' });
    const stored = await api.graphql(`query($id: ID!) { person(id: $id) { language } }`, { id: coordinatorId });
    expect(stored.data!.person.language).toBe('SV');
  });
});
