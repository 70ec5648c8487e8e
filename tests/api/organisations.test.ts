import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, startTestApi, type TestApi } from '@evikomp/api/testing';
import {
  createOrganisation,
  organisationNumber,
  signedInManager,
  snapshot,
  USER_ERRORS,
  withWrongCheckDigit,
} from '../support/factories.js';

const CREATE = `mutation($input: OrganisationCreateInput!) {
  organisationCreate(input: $input) { organisation { id name kind organisationNumber isPrincipal populations { year population } } ${USER_ERRORS} }
}`;
const UPDATE = `mutation($input: OrganisationUpdateInput!) {
  organisationUpdate(input: $input) { organisation { id name kind organisationNumber isPrincipal } ${USER_ERRORS} }
}`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

describe('organisations', () => {
  it('creates an organisation with populations and normalises its number', async () => {
    const response = await api.graphql(CREATE, {
      input: {
        name: '  Motala kommun ',
        kind: 'MUNICIPALITY',
        organisationNumber: '2120002817',
        populations: [{ year: 2024, population: 44000 }],
      },
    });
    expect(response.data!.organisationCreate).toEqual({
      organisation: {
        id: expect.any(String),
        name: 'Motala kommun',
        kind: 'MUNICIPALITY',
        organisationNumber: '212000-2817',
        isPrincipal: false,
        populations: [{ year: 2024, population: 44000 }],
      },
      errors: [],
    });
  });

  it('updates an organisation and keeps fields that are left out', async () => {
    const organisation = await createOrganisation(api);
    const response = await api.graphql(UPDATE, { input: { id: organisation.id, name: 'Nytt namn kommun' } });
    expect(response.data!.organisationUpdate.organisation).toMatchObject({
      name: 'Nytt namn kommun',
      organisationNumber: organisation.organisationNumber,
    });
  });

  it('sets and replaces the population of a year', async () => {
    const organisation = await createOrganisation(api);
    const set = `mutation($input: OrganisationPopulationSetInput!) { organisationPopulationSet(input: $input) { organisation { populations { year population } } ${USER_ERRORS} } }`;
    await api.graphql(set, { input: { organisationId: organisation.id, year: 2023, population: 1000 } });
    const response = await api.graphql(set, { input: { organisationId: organisation.id, year: 2023, population: 1200 } });
    expect(response.data!.organisationPopulationSet.organisation.populations).toEqual([{ year: 2023, population: 1200 }]);
  });

  it("sets several members' populations for a year at once, or none of them on any error", async () => {
    const SET_MANY = `mutation($input: OrganisationPopulationsSetInput!) { organisationPopulationsSet(input: $input) { organisations { id populations { year population } } ${USER_ERRORS} } }`;
    const [first, second] = [await createOrganisation(api), await createOrganisation(api)];
    const done = await api.graphql(SET_MANY, {
      input: {
        year: 2025,
        populations: [
          { organisationId: first.id, population: 10_500 },
          { organisationId: second.id, population: 3_200 },
        ],
      },
    });
    expect(done.data!.organisationPopulationsSet).toEqual({
      organisations: [
        { id: first.id, populations: [{ year: 2025, population: 10_500 }] },
        { id: second.id, populations: [{ year: 2025, population: 3_200 }] },
      ],
      errors: [],
    });

    const manager = await signedInManager(api, first.id);
    const before = await snapshot(api);
    const unknown = await api.graphql(SET_MANY, {
      input: {
        year: 2025,
        populations: [
          { organisationId: first.id, population: 1 },
          { organisationId: globalId('Organisation', '00000000-0000-4000-8000-000000000000'), population: 2 },
        ],
      },
    });
    expect(unknown.data!.organisationPopulationsSet).toEqual({
      organisations: [],
      errors: [expect.objectContaining({ field: 'populations.1.organisationId', code: 'NOT_FOUND' })],
    });
    const twice = await api.graphql(SET_MANY, {
      input: {
        year: 2025,
        populations: [
          { organisationId: first.id, population: 1 },
          { organisationId: first.id, population: 2 },
        ],
      },
    });
    expect(twice.data!.organisationPopulationsSet.errors).toEqual([
      expect.objectContaining({ field: 'populations.1.organisationId', code: 'INVALID' }),
    ]);
    const negative = await api.graphql(SET_MANY, { input: { year: 2025, populations: [{ organisationId: first.id, population: -5 }] } });
    expect(negative.data!.organisationPopulationsSet.errors).toEqual([
      expect.objectContaining({ field: 'populations.0.population', code: 'INVALID' }),
    ]);
    const byManager = await manager.client(SET_MANY, { input: { year: 2025, populations: [{ organisationId: first.id, population: 1 }] } });
    expect(byManager.data!.organisationPopulationsSet.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await snapshot(api)).toBe(before);
  });

  describe('refuses bad input with typed errors and writes nothing', () => {
    const cases: [string, () => Promise<Record<string, unknown>>, { field: string | null; code: string }][] = [
      [
        'an empty name',
        async () => ({ name: '   ', kind: 'MUNICIPALITY', organisationNumber: organisationNumber() }),
        { field: 'name', code: 'INVALID' },
      ],
      [
        'an organisation number with a wrong check digit',
        async () => ({ name: 'Felkommun', kind: 'MUNICIPALITY', organisationNumber: withWrongCheckDigit(organisationNumber()) }),
        { field: 'organisationNumber', code: 'INVALID' },
      ],
      [
        'a malformed organisation number',
        async () => ({ name: 'Felkommun', kind: 'MUNICIPALITY', organisationNumber: '12-34' }),
        { field: 'organisationNumber', code: 'INVALID' },
      ],
      [
        'a personal identity number',
        async () => ({ name: 'Enskild firma', kind: 'OTHER', organisationNumber: '811218-9876' }),
        { field: 'organisationNumber', code: 'INVALID' },
      ],
      [
        'a negative population',
        async () => ({
          name: 'Felkommun',
          kind: 'MUNICIPALITY',
          organisationNumber: organisationNumber(),
          populations: [{ year: 2024, population: -1 }],
        }),
        { field: 'populations.0.population', code: 'INVALID' },
      ],
      [
        'a year given twice',
        async () => ({
          name: 'Felkommun',
          kind: 'MUNICIPALITY',
          organisationNumber: organisationNumber(),
          populations: [
            { year: 2024, population: 1 },
            { year: 2024, population: 2 },
          ],
        }),
        { field: 'populations.1.year', code: 'INVALID' },
      ],
      [
        'a duplicate organisation number',
        async () => ({ name: 'Dubblett', kind: 'MUNICIPALITY', organisationNumber: (await createOrganisation(api)).organisationNumber }),
        { field: 'organisationNumber', code: 'TAKEN' },
      ],
      [
        'a second principal',
        async () => {
          await createOrganisation(api, { isPrincipal: true, name: 'Huvudmannen' });
          return { name: 'Andra huvudmannen', kind: 'MUNICIPALITY', organisationNumber: organisationNumber(), isPrincipal: true };
        },
        { field: 'isPrincipal', code: 'CONFLICT' },
      ],
    ];

    it.each(cases)('%s', async (_name, input, expected) => {
      const values = await input();
      const before = await snapshot(api);
      const response = await api.graphql(CREATE, { input: values });
      expect(response.status).toBe(200);
      expect(response.data!.organisationCreate.organisation).toBeNull();
      expect(response.data!.organisationCreate.errors).toEqual([expect.objectContaining({ ...expected, message: expect.any(String) })]);
      expect(await snapshot(api)).toBe(before);
    });

    it('an unknown or malformed id on update', async () => {
      const missing = globalId('Organisation', '00000000-0000-4000-8000-000000000000');
      for (const id of [missing, 'not-an-id', globalId('Workplace', '00000000-0000-4000-8000-000000000000')]) {
        const response = await api.graphql(UPDATE, { input: { id, name: 'X' } });
        expect(response.data!.organisationUpdate).toEqual({
          organisation: null,
          errors: [expect.objectContaining({ field: 'id', code: 'NOT_FOUND' })],
        });
      }
    });

    it('making a second principal by update', async () => {
      const other = await createOrganisation(api);
      const before = await snapshot(api);
      const response = await api.graphql(UPDATE, { input: { id: other.id, isPrincipal: true, name: 'Ändrat namn' } });
      expect(response.data!.organisationUpdate.errors).toEqual([expect.objectContaining({ field: 'isPrincipal', code: 'CONFLICT' })]);
      expect(await snapshot(api)).toBe(before);
    });

    it('a second principal inserted directly (the database refuses it)', async () => {
      const connection = api.orm.em.getConnection();
      const insertPrincipal = () =>
        connection.execute(
          `insert into organisation (id, name, kind, organisation_number, is_principal) values (gen_random_uuid(), 'Direkt', 'MUNICIPALITY', '${organisationNumber()}', true)`,
        );
      await expect(insertPrincipal()).rejects.toThrow(/organisation_single_principal/);
    });
  });
});

describe('the organisations list', () => {
  let listApi: TestApi;
  beforeAll(async () => {
    listApi = await startTestApi();
    for (const name of [
      'Ödeshögs kommun',
      'Boxholms kommun',
      'Ängelholms kommun',
      'Ydre kommun',
      'Åtvidabergs kommun',
      'Kinda kommun',
      'Region Östergötland',
    ]) {
      await createOrganisation(listApi, { name, kind: name.startsWith('Region') ? 'REGION' : 'MUNICIPALITY' });
    }
  });
  afterAll(() => listApi?.stop());

  const LIST = `query($first: Int, $after: String, $filter: OrganisationFilterInput, $orderBy: OrganisationOrderInput) {
    organisations(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name kind } }
    }
  }`;

  it('pages through every organisation in Swedish order with cursors, without gaps or repeats', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: { data?: Record<string, any> } = await listApi.graphql(LIST, { first: 2, after });
      const page: { totalCount: number; edges: { node: { name: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
        response.data!.organisations;
      expect(page.totalCount).toBe(8);
      names.push(...page.edges.map((edge) => edge.node.name));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(names).toEqual([
      'Boxholms kommun',
      'Kinda kommun',
      'Region Östergötland',
      'Testadministrationen', // the test administrator's organisation
      'Ydre kommun',
      'Åtvidabergs kommun',
      'Ängelholms kommun',
      'Ödeshögs kommun',
    ]);
  });

  it('orders by name descending', async () => {
    const response = await listApi.graphql(LIST, { first: 2, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(response.data!.organisations.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual([
      'Ödeshögs kommun',
      'Ängelholms kommun',
    ]);
  });

  it('searches by text in any letter case and filters by kind', async () => {
    const search = await listApi.graphql(LIST, { filter: { search: 'KOMMUN' } });
    expect(search.data!.organisations.totalCount).toBe(6);
    const regions = await listApi.graphql(LIST, { filter: { kind: 'REGION' } });
    expect(regions.data!.organisations.edges.map((edge: { node: { name: string } }) => edge.node.name)).toEqual(['Region Östergötland']);
  });

  it('treats LIKE wildcards in a search as plain text', async () => {
    const response = await listApi.graphql(LIST, { filter: { search: '%' } });
    expect(response.data!.organisations.totalCount).toBe(0);
  });

  it('answers an empty page with the total count for first: 0', async () => {
    const response = await listApi.graphql(LIST, { first: 0 });
    expect(response.data!.organisations).toMatchObject({ totalCount: 8, edges: [], pageInfo: { hasNextPage: true } });
  });

  it('refuses a page size over 100 and a foreign cursor with BAD_USER_INPUT', async () => {
    const tooMany = await listApi.graphql(LIST, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
    const badCursor = await listApi.graphql(LIST, { after: 'garbage' });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
  });

  it('returns null for an organisation that does not exist', async () => {
    const response = await listApi.graphql(`query($id: ID!) { organisation(id: $id) { name } }`, { id: 'bm9wZQ' });
    expect(response.data).toEqual({ organisation: null });
  });
});
