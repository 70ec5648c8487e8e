import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, snapshot, USER_ERRORS } from '../support/factories.js';

const CREATE = `mutation($input: PersonCreateInput!) {
  personCreate(input: $input) { person { id firstName lastName name email phone homeOrganisation { id } } ${USER_ERRORS} }
}`;
const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { id name email phone homeOrganisation { id } } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

describe('people', () => {
  it('registers a person', async () => {
    const response = await api.graphql(CREATE, {
      input: {
        firstName: 'Åsa',
        lastName: 'Öberg',
        email: 'Asa.Oberg@Linkoping.se',
        phone: '013-20 10 00',
        homeOrganisationId: organisationId,
      },
    });
    expect(response.data!.personCreate).toEqual({
      person: {
        id: expect.any(String),
        firstName: 'Åsa',
        lastName: 'Öberg',
        name: 'Åsa Öberg',
        email: 'Asa.Oberg@Linkoping.se',
        phone: '013-20 10 00',
        homeOrganisation: { id: organisationId },
      },
      errors: [],
    });
  });

  it('changes a person and removes the phone with an empty string', async () => {
    const person = await createPerson(api, organisationId, { phone: '070-123 45 67' });
    const other = await createOrganisation(api);
    const response = await api.graphql(UPDATE, { input: { id: person.id, phone: '', homeOrganisationId: other.id } });
    expect(response.data!.personUpdate.person).toMatchObject({ phone: null, homeOrganisation: { id: other.id } });
  });

  it('lets a person keep their own e-mail in another letter case', async () => {
    const person = await createPerson(api, organisationId);
    const response = await api.graphql(UPDATE, { input: { id: person.id, email: person.email.toUpperCase() } });
    expect(response.data!.personUpdate).toMatchObject({ errors: [], person: { email: person.email.toUpperCase() } });
  });

  describe('refuses bad input with typed errors and writes nothing', () => {
    const cases: [string, () => Promise<Record<string, unknown>>, { field: string; code: string }[]][] = [
      [
        'an empty first name',
        async () => ({ firstName: ' ', lastName: 'Berg', email: 'x1@example.se', homeOrganisationId: organisationId }),
        [{ field: 'firstName', code: 'INVALID' }],
      ],
      [
        'a malformed e-mail',
        async () => ({ firstName: 'Per', lastName: 'Berg', email: 'per.berg', homeOrganisationId: organisationId }),
        [{ field: 'email', code: 'INVALID' }],
      ],
      [
        'a malformed phone',
        async () => ({ firstName: 'Per', lastName: 'Berg', email: 'x2@example.se', phone: 'ring mig', homeOrganisationId: organisationId }),
        [{ field: 'phone', code: 'INVALID' }],
      ],
      [
        'several bad fields at once, each named',
        async () => ({ firstName: '', lastName: '', email: 'nope', homeOrganisationId: organisationId }),
        [
          { field: 'firstName', code: 'INVALID' },
          { field: 'lastName', code: 'INVALID' },
          { field: 'email', code: 'INVALID' },
        ],
      ],
      [
        'a duplicate e-mail in another letter case',
        async () => {
          const existing = await createPerson(api, organisationId);
          return {
            firstName: 'Kopia',
            lastName: 'Kopiasson',
            email: `  ${existing.email.toUpperCase()} `,
            homeOrganisationId: organisationId,
          };
        },
        [{ field: 'email', code: 'TAKEN' }],
      ],
      [
        'an unknown home organisation',
        async () => ({
          firstName: 'Per',
          lastName: 'Berg',
          email: 'x3@example.se',
          homeOrganisationId: globalId('Organisation', '00000000-0000-4000-8000-000000000000'),
        }),
        [{ field: 'homeOrganisationId', code: 'NOT_FOUND' }],
      ],
    ];

    it.each(cases)('%s', async (_name, input, expected) => {
      const values = await input();
      const before = await snapshot(api);
      const response = await api.graphql(CREATE, { input: values });
      expect(response.data!.personCreate.person).toBeNull();
      expect(response.data!.personCreate.errors).toEqual(expected.map((error) => expect.objectContaining(error)));
      expect(await snapshot(api)).toBe(before);
    });

    it("another person's e-mail on update, in any letter case", async () => {
      const first = await createPerson(api, organisationId);
      const second = await createPerson(api, organisationId);
      const before = await snapshot(api);
      const response = await api.graphql(UPDATE, { input: { id: second.id, email: first.email.toUpperCase(), phone: '013-11 11 11' } });
      expect(response.data!.personUpdate.errors).toEqual([expect.objectContaining({ field: 'email', code: 'TAKEN' })]);
      expect(await snapshot(api)).toBe(before);
    });

    it('a duplicate e-mail inserted directly (the database refuses it)', async () => {
      const existing = await createPerson(api, organisationId);
      await expect(
        api.orm.em
          .getConnection()
          .execute(
            `insert into person (id, first_name, last_name, email, home_organisation_id) values (gen_random_uuid(), 'A', 'B', '${existing.email.toUpperCase()}', '${rowId(organisationId)}')`,
          ),
      ).rejects.toThrow(/person_email_unique/);
    });
  });

  describe('lists', () => {
    let listApi: TestApi;
    let workplaceId: string;
    let organisationId: string;
    beforeAll(async () => {
      listApi = await startTestApi();
      const organisation = await createOrganisation(listApi);
      organisationId = organisation.id;
      workplaceId = (await createWorkplace(listApi, organisation.id)).id;
      const anna = await createPerson(listApi, organisation.id, {
        firstName: 'Anna',
        lastName: 'Lindqvist',
        email: 'anna.lindqvist@linkoping.se',
      });
      await createPerson(listApi, organisation.id, { firstName: 'Björn', lastName: 'Lind', email: 'bjorn.lind@linkoping.se' });
      await createPerson(listApi, organisation.id, { firstName: 'Cecilia', lastName: 'Åkesson', email: 'cecilia.akesson@motala.se' });
      await assignRole(listApi, { personId: anna.id, role: 'MANAGER', workplaceId, startsOn: '2024-01-01' });
    });
    afterAll(() => listApi?.stop());

    const query = `query($filter: PersonFilterInput, $orderBy: PersonOrderInput) { people(filter: $filter, orderBy: $orderBy) { totalCount edges { node { name } } } }`;
    const names = (response: { data?: Record<string, any> }) =>
      response.data!.people.edges.map((edge: { node: { name: string } }) => edge.node.name);

    it('searches names and e-mail addresses in any letter case', async () => {
      expect(names(await listApi.graphql(query, { filter: { search: 'LIND' } }))).toEqual(['Björn Lind', 'Anna Lindqvist']);
      expect(names(await listApi.graphql(query, { filter: { search: 'motala.se' } }))).toEqual(['Cecilia Åkesson']);
      expect(names(await listApi.graphql(query, { filter: { search: 'anna lind' } }))).toEqual(['Anna Lindqvist']);
      // Swedish letters fold too.
      expect(names(await listApi.graphql(query, { filter: { search: 'ÅKESSON' } }))).toEqual(['Cecilia Åkesson']);
      expect(names(await listApi.graphql(query, { filter: { search: 'björn' } }))).toEqual(['Björn Lind']);
    });

    it('filters by the workplace and role people hold today', async () => {
      expect(names(await listApi.graphql(query, { filter: { workplaceId } }))).toEqual(['Anna Lindqvist']);
      expect(names(await listApi.graphql(query, { filter: { role: 'MANAGER' } }))).toEqual(['Anna Lindqvist']);
      expect(names(await listApi.graphql(query, { filter: { role: 'WORKPLACE_COORDINATOR' } }))).toEqual([]);
    });

    it('sorts by e-mail', async () => {
      const sorted = await listApi.graphql(query, {
        filter: { homeOrganisationId: organisationId },
        orderBy: { field: 'EMAIL', direction: 'ASC' },
      });
      expect(names(sorted)).toEqual(['Anna Lindqvist', 'Björn Lind', 'Cecilia Åkesson']);
    });
  });
});
