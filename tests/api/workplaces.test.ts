import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, snapshot, USER_ERRORS } from '../support/factories.js';

const CREATE = `mutation($input: WorkplaceCreateInput!) {
  workplaceCreate(input: $input) { workplace { id name type employeeCount joinedOn status leftOn city organisation { id } } ${USER_ERRORS} }
}`;
const UPDATE = `mutation($input: WorkplaceUpdateInput!) {
  workplaceUpdate(input: $input) { workplace { id name employeeCount status leftOn } ${USER_ERRORS} }
}`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

describe('workplaces', () => {
  it('creates a workplace of an organisation', async () => {
    const response = await api.graphql(CREATE, {
      input: {
        organisationId,
        name: 'Vård- och omsorgsboende Lotsen',
        type: 'NURSING_HOME',
        employeeCount: 48,
        joinedOn: '2019-02-01',
        city: 'Linköping',
      },
    });
    expect(response.data!.workplaceCreate).toEqual({
      workplace: {
        id: expect.any(String),
        name: 'Vård- och omsorgsboende Lotsen',
        type: 'NURSING_HOME',
        employeeCount: 48,
        joinedOn: '2019-02-01',
        status: 'ACTIVE',
        leftOn: null,
        city: 'Linköping',
        organisation: { id: organisationId },
      },
      errors: [],
    });
  });

  it('updates a workplace', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const response = await api.graphql(UPDATE, { input: { id: workplace.id, employeeCount: 31 } });
    expect(response.data!.workplaceUpdate.workplace).toMatchObject({ name: workplace.name, employeeCount: 31 });
  });

  it('ends every open role at the workplace when it leaves the model, and keeps them as history', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const person = await createPerson(api, organisationId);
    const manager = await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-01-01' });
    const response = await api.graphql(UPDATE, { input: { id: workplace.id, status: 'LEFT', leftOn: '2024-06-30' } });
    expect(response.data!.workplaceUpdate.workplace).toMatchObject({ status: 'LEFT', leftOn: '2024-06-30' });
    const after = await api.graphql(`query($id: ID!) { node(id: $id) { ... on RoleAssignment { endsOn } } }`, { id: manager.id });
    expect(after.data!.node).toEqual({ endsOn: '2024-06-30' });
  });

  describe('refuses bad input with typed errors and writes nothing', () => {
    const missingOrganisation = globalId('Organisation', '00000000-0000-4000-8000-000000000000');
    const cases: [string, () => Promise<Record<string, unknown>>, { field: string; code: string }][] = [
      ['an empty name', async () => ({ organisationId, name: '', type: 'HOME_CARE' }), { field: 'name', code: 'INVALID' }],
      [
        'a negative employee count',
        async () => ({ organisationId, name: 'Hemtjänst Minus', type: 'HOME_CARE', employeeCount: -3 }),
        { field: 'employeeCount', code: 'INVALID' },
      ],
      [
        'an unknown organisation',
        async () => ({ organisationId: missingOrganisation, name: 'Hemtjänst Ingenstans', type: 'HOME_CARE' }),
        { field: 'organisationId', code: 'NOT_FOUND' },
      ],
      [
        'an impossible date',
        async () => ({ organisationId, name: 'Hemtjänst Datum', type: 'HOME_CARE', joinedOn: '2023-02-30' }),
        { field: 'joinedOn', code: 'INVALID' },
      ],
      [
        'a name the organisation already uses, in another letter case',
        async () => ({ organisationId, name: (await createWorkplace(api, organisationId)).name.toUpperCase(), type: 'HOME_CARE' }),
        { field: 'name', code: 'TAKEN' },
      ],
    ];

    it.each(cases)('%s', async (_name, input, expected) => {
      const values = await input();
      const before = await snapshot(api);
      const response = await api.graphql(CREATE, { input: values });
      if (response.errors) {
        // The LocalDate scalar refuses malformed dates before the resolver runs.
        expect(response.errors[0]!.extensions!.code).toBe('BAD_USER_INPUT');
      } else {
        expect(response.data!.workplaceCreate).toEqual({ workplace: null, errors: [expect.objectContaining(expected)] });
      }
      expect(await snapshot(api)).toBe(before);
    });

    it('leaving before joining', async () => {
      const workplace = await createWorkplace(api, organisationId, { joinedOn: '2023-01-01' });
      const before = await snapshot(api);
      const response = await api.graphql(UPDATE, { input: { id: workplace.id, status: 'LEFT', leftOn: '2022-12-31', employeeCount: 1 } });
      expect(response.data!.workplaceUpdate.errors).toEqual([expect.objectContaining({ field: 'leftOn', code: 'INVALID' })]);
      expect(await snapshot(api)).toBe(before);
    });

    it('a negative employee count on update', async () => {
      const workplace = await createWorkplace(api, organisationId);
      const response = await api.graphql(UPDATE, { input: { id: workplace.id, employeeCount: -1 } });
      expect(response.data!.workplaceUpdate.errors).toEqual([expect.objectContaining({ field: 'employeeCount', code: 'INVALID' })]);
    });

    it('a negative employee count inserted directly (the database refuses it)', async () => {
      await expect(
        api.orm.em
          .getConnection()
          .execute(
            `insert into workplace (id, organisation_id, name, type, employee_count, joined_on) select gen_random_uuid(), id, 'Direkt', 'HOME_CARE', -1, '2024-01-01' from organisation limit 1`,
          ),
      ).rejects.toThrow(/employee_count/);
    });
  });

  describe('lists', () => {
    let listApi: TestApi;
    let linkoping: string;
    let motala: string;
    beforeAll(async () => {
      listApi = await startTestApi();
      linkoping = (await createOrganisation(listApi, { name: 'Linköpings kommun' })).id;
      motala = (await createOrganisation(listApi, { name: 'Motala kommun' })).id;
      await createWorkplace(listApi, linkoping, { name: 'Hemtjänst Ryd', type: 'HOME_CARE', city: 'Linköping', employeeCount: 40 });
      await createWorkplace(listApi, linkoping, { name: 'Hemtjänst Berga', type: 'HOME_CARE', city: 'Linköping', employeeCount: 20 });
      await createWorkplace(listApi, linkoping, {
        name: 'Korttidsboende Vallby',
        type: 'SHORT_TERM_CARE',
        city: 'Linköping',
        employeeCount: 30,
      });
      await createWorkplace(listApi, motala, { name: 'Hemtjänst Centrum', type: 'HOME_CARE', city: 'Motala', employeeCount: 10 });
    });
    afterAll(() => listApi?.stop());

    const names = (connection: { edges: { node: { name: string } }[] }) => connection.edges.map((edge) => edge.node.name);

    it('filters by organisation, type and search text, and sorts', async () => {
      const query = `query($filter: WorkplaceFilterInput, $orderBy: WorkplaceOrderInput) { workplaces(filter: $filter, orderBy: $orderBy) { totalCount edges { node { name } } } }`;
      const inLinkoping = await listApi.graphql(query, { filter: { organisationId: linkoping } });
      expect(names(inLinkoping.data!.workplaces)).toEqual(['Hemtjänst Berga', 'Hemtjänst Ryd', 'Korttidsboende Vallby']);
      const homeCare = await listApi.graphql(query, {
        filter: { type: 'HOME_CARE' },
        orderBy: { field: 'EMPLOYEE_COUNT', direction: 'DESC' },
      });
      expect(names(homeCare.data!.workplaces)).toEqual(['Hemtjänst Ryd', 'Hemtjänst Berga', 'Hemtjänst Centrum']);
      const search = await listApi.graphql(query, { filter: { search: 'motala' } });
      expect(names(search.data!.workplaces)).toEqual(['Hemtjänst Centrum']);
    });

    it('pages organisation.workplaces per organisation with working cursors', async () => {
      const query = `query($after: String) { organisations { edges { node { name workplaces(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { name } } } } } } }`;
      const first = await listApi.graphql(query);
      const [linkopingNode, motalaNode] = first.data!.organisations.edges.map((edge: { node: unknown }) => edge.node);
      expect(linkopingNode.workplaces).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
      expect(names(linkopingNode.workplaces)).toEqual(['Hemtjänst Berga', 'Hemtjänst Ryd']);
      expect(motalaNode.workplaces).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
      const second = await listApi.graphql(query, { after: linkopingNode.workplaces.pageInfo.endCursor });
      expect(names(second.data!.organisations.edges[0].node.workplaces)).toEqual(['Korttidsboende Vallby']);
    });

    it('refuses a filter id of the wrong type', async () => {
      const response = await listApi.graphql(`query($filter: WorkplaceFilterInput) { workplaces(filter: $filter) { totalCount } }`, {
        filter: { organisationId: 'bm9wZQ' },
      });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.organisationId' });
    });
  });
});
