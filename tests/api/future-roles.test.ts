/**
 * Security defect 1 of issue 10: account takeover through a role that starts later. Whoever may change a
 * person's e-mail can reset their password and sign in as them, so "may the caller change this person" looks
 * at the roles the person holds today and at those that start on a later day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { todayInSweden } from '@evikomp/api/platform/swedish-time';
import {
  assignRole,
  createOrganisation,
  createPerson,
  createWorkplace,
  signedInPerson,
  snapshot,
  USER_ERRORS,
} from '../support/factories.js';

const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { email firstName } ${USER_ERRORS} } }`;

function daysFromToday(days: number): string {
  const [year, month, day] = todayInSweden().split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

let api: TestApi;
let motala: string;
let linkoping: string;
let motalaWorkplace: string;
let linkopingWorkplace: string;
let organisationAdmin: GraphQLClient;
beforeAll(async () => {
  api = await startTestApi();
  motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  linkoping = (await createOrganisation(api, { name: 'Linköpings kommun' })).id;
  motalaWorkplace = (await createWorkplace(api, motala, { joinedOn: '2020-01-01' })).id;
  linkopingWorkplace = (await createWorkplace(api, linkoping, { joinedOn: '2020-01-01' })).id;
  organisationAdmin = (await signedInPerson(api, motala, { role: 'ORGANISATION_ADMIN', organisationId: motala })).client;
});
afterAll(() => api?.stop());

/** A person of Motala who holds the role from the given day on. */
async function motalaPersonWith(role: Record<string, unknown>, startsOn: string) {
  const person = await createPerson(api, motala);
  await assignRole(api, { personId: person.id, startsOn, ...role });
  return person;
}

async function refusedWithNothingWritten(client: GraphQLClient, input: Record<string, unknown>) {
  const before = await snapshot(api);
  const response = await client(UPDATE, { input });
  expect(response.data!.personUpdate).toEqual({ person: null, errors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
  expect(await snapshot(api)).toBe(before);
}

describe('changing a person who holds, or will hold, a role the caller could not give', () => {
  it.each([
    ['an ADMINISTRATOR role that starts tomorrow', { role: 'ADMINISTRATOR' }, 1],
    ['an ADMINISTRATOR role that starts next year', { role: 'ADMINISTRATOR' }, 365],
    ['an ADMINISTRATOR role held today', { role: 'ADMINISTRATOR' }, 0],
  ])('an organisation admin cannot change the e-mail of their own staff member with %s', async (_name, role, days) => {
    const person = await motalaPersonWith(role, daysFromToday(days));
    await refusedWithNothingWritten(organisationAdmin, { id: person.id, email: 'attacker@evil.example' });
  });

  it('an organisation admin cannot change the e-mail of a staff member who becomes organisation admin of another organisation later', async () => {
    const person = await motalaPersonWith({ role: 'ORGANISATION_ADMIN', organisationId: linkoping }, daysFromToday(30));
    await refusedWithNothingWritten(organisationAdmin, { id: person.id, email: 'attacker@evil.example' });
  });

  it("an organisation admin cannot change a staff member who becomes manager at another organisation's workplace later", async () => {
    const person = await motalaPersonWith({ role: 'MANAGER', workplaceId: linkopingWorkplace }, daysFromToday(7));
    await refusedWithNothingWritten(organisationAdmin, { id: person.id, email: 'attacker@evil.example' });
    // Not only the e-mail: the rule is who may change the person at all.
    await refusedWithNothingWritten(organisationAdmin, { id: person.id, firstName: 'Kapad' });
  });

  it('an API client with WRITE_DIRECTORY for the organisation is held to the same rule', async () => {
    const person = await motalaPersonWith({ role: 'ADMINISTRATOR' }, daysFromToday(1));
    const created = await api.graphql(`mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`, {
      input: { name: 'HR-systemet', scopes: ['READ_DIRECTORY', 'WRITE_DIRECTORY'], organisationId: motala },
    });
    const key = created.data!.apiClientCreate.key as string;
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: UPDATE, variables: { input: { id: person.id, email: 'attacker@evil.example' } } }),
    });
    const body = (await response.json()) as { data: { personUpdate: { errors: { code: string }[] } } };
    expect(body.data.personUpdate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it('an administrator still changes such a person', async () => {
    const person = await motalaPersonWith({ role: 'ADMINISTRATOR' }, daysFromToday(1));
    const response = await api.graphql(UPDATE, { input: { id: person.id, email: 'framtida.admin@example.se' } });
    expect(response.data!.personUpdate).toMatchObject({ person: { email: 'framtida.admin@example.se' }, errors: [] });
  });

  it('the organisation admin still changes staff whose roles, now or later, are theirs to give, or whose other roles have ended', async () => {
    const laterManager = await motalaPersonWith({ role: 'MANAGER', workplaceId: motalaWorkplace }, daysFromToday(10));
    const changed = await organisationAdmin(UPDATE, { input: { id: laterManager.id, email: 'ny.chef@example.se' } });
    expect(changed.data!.personUpdate.errors).toEqual([]);

    const formerAdministrator = await motalaPersonWith({ role: 'ADMINISTRATOR' }, '2020-01-01');
    const [assignment] = (
      await api.graphql(`query($id: ID!) { person(id: $id) { roles(includeEnded: true) { id } } }`, { id: formerAdministrator.id })
    ).data!.person.roles as { id: string }[];
    const ended = await api.graphql(`mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: assignment!.id, endsOn: daysFromToday(0) },
    });
    expect(ended.data!.roleAssignmentEnd.errors).toEqual([]);
    const afterwards = await organisationAdmin(UPDATE, { input: { id: formerAdministrator.id, email: 'f.d.admin@example.se' } });
    expect(afterwards.data!.personUpdate.errors).toEqual([]);
  });

  it('a person whose ADMINISTRATOR role starts later still changes their own name, but not their e-mail', async () => {
    const person = await signedInPerson(api, motala, { role: 'ORGANISATION_ADMIN', organisationId: motala });
    await assignRole(api, { personId: person.id, role: 'ADMINISTRATOR', startsOn: daysFromToday(1) });
    const name = await person.client(UPDATE, { input: { id: person.id, firstName: 'Greta' } });
    expect(name.data!.personUpdate).toMatchObject({ person: { firstName: 'Greta' }, errors: [] });
    const email = await person.client(UPDATE, { input: { id: person.id, email: 'egen.adress@example.se' } });
    expect(email.data!.personUpdate.errors).toEqual([expect.objectContaining({ field: 'email', code: 'FORBIDDEN' })]);
  });
});
