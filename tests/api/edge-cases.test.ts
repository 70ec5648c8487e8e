import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { generateNationalDirectory } from '@evikomp/api/seed/demo-data';
import { insertDirectory } from '@evikomp/api/seed/seed-database';
import {
  assignRole,
  createOrganisation,
  createPerson,
  createWorkplace,
  ROLE_ASSIGNMENT_CREATE,
  snapshot,
  USER_ERRORS,
} from '../support/factories.js';

const UPDATE_WORKPLACE = `mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { workplace { name employeeCount } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

describe('mutations in one request', () => {
  it('a refused mutation leaves nothing behind for a later mutation of the same request to write', async () => {
    const workplace = await createWorkplace(api, organisationId, { name: 'Hemtjänst Original', employeeCount: 10, joinedOn: '2023-01-01' });
    const response = await api.graphql(
      `mutation($id: ID!) {
        a: workplaceUpdate(input: { id: $id, employeeCount: 3 }) { errors { code } }
        b: workplaceUpdate(input: { id: $id, name: "Hemtjänst Läckt", status: LEFT, leftOn: "1990-01-01" }) { errors { field code } }
        c: workplaceUpdate(input: { id: $id, employeeCount: 4 }) { workplace { name employeeCount } errors { code } }
      }`,
      { id: workplace.id },
    );
    expect(response.data!.b.errors).toEqual([{ field: 'leftOn', code: 'INVALID' }]);
    expect(response.data!.c.workplace).toEqual({ name: 'Hemtjänst Original', employeeCount: 4 });
  });
});

describe('paging', () => {
  let bulk: TestApi;
  beforeAll(async () => {
    bulk = await startTestApi();
    // Rows loaded in one transaction share their created_at.
    await insertDirectory(bulk.orm, generateNationalDirectory({ organisations: 3, workplaces: 9, people: 20, seed: 7 }));
  });
  afterAll(() => bulk?.stop());

  it.each(['ASC', 'DESC'])('pages by CREATED_AT %s through rows created in the same instant without repeats or gaps', async (direction) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pageNumber = 0; pageNumber < 20; pageNumber += 1) {
      const response: { data?: Record<string, any> } = await bulk.graphql(
        `query($after: String, $direction: OrderDirection!) { workplaces(first: 2, after: $after, orderBy: { field: CREATED_AT, direction: $direction }) {
          totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`,
        { after, direction },
      );
      const page = response.data!.workplaces;
      seen.push(...page.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(9);
    expect(new Set(seen).size).toBe(9);
  });

  it('says there is no next page for first: 0 at the end of a list', async () => {
    const all = await bulk.graphql(`{ workplaces(first: 100) { pageInfo { endCursor } } }`);
    const response = await bulk.graphql(
      `query($after: String) { workplaces(first: 0, after: $after) { totalCount pageInfo { hasNextPage } } }`,
      {
        after: all.data!.workplaces.pageInfo.endCursor,
      },
    );
    expect(response.data!.workplaces).toEqual({ totalCount: 9, pageInfo: { hasNextPage: false } });
  });

  it('searches within nested lists', async () => {
    const response = await bulk.graphql(
      `{ organisations(filter: { kind: MUNICIPALITY }) { edges { node { workplaces(filter: { search: "a" }) { totalCount } } } } }`,
    );
    expect(response.errors).toBeUndefined();
  });

  it('refuses forged and foreign cursors with BAD_USER_INPUT', async () => {
    const byName = await bulk.graphql(`{ workplaces(first: 1) { pageInfo { endCursor } } }`);
    const encode = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');
    const cursors = [
      byName.data!.workplaces.pageInfo.endCursor, // a NAME cursor used with EMPLOYEE_COUNT below
      encode(['x', 'not-a-uuid']),
      encode([null, null]),
      encode([{ $ne: null }, '00000000-0000-4000-8000-000000000000']),
    ];
    for (const after of cursors) {
      const response = await bulk.graphql(
        `query($after: String) { workplaces(after: $after, orderBy: { field: EMPLOYEE_COUNT, direction: ASC }) { totalCount } }`,
        { after },
      );
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'after' });
    }
    const nested = await bulk.graphql(
      `query($after: String) { organisations { edges { node { workplaces(after: $after) { totalCount } } } } }`,
      { after: encode([1, 2]) },
    );
    expect(nested.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('refuses more than 100 ids in nodes(ids:), and treats an empty list of roles as matching nothing', async () => {
    const many = await bulk.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => 'x') });
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'ids' });
    const none = await bulk.graphql(`{ roleAssignments(filter: { roles: [] }) { totalCount } }`);
    expect(none.data!.roleAssignments.totalCount).toBe(0);
  });
});

describe('input that once slipped through', () => {
  it('compares workplace names exactly: % and _ are plain characters', async () => {
    await createWorkplace(api, organisationId, { name: 'Hemtjänst Ryd' });
    await createWorkplace(api, organisationId, { name: 'Hemtjänst_Ryd' });
    await createWorkplace(api, organisationId, { name: '%' });
  });

  it('refuses a joining date after the leaving date', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    await api.graphql(UPDATE_WORKPLACE, { input: { id: workplace.id, status: 'LEFT', leftOn: '2022-01-01' } });
    const response = await api.graphql(UPDATE_WORKPLACE, { input: { id: workplace.id, joinedOn: '2023-01-01' } });
    expect(response.data!.workplaceUpdate.errors).toEqual([expect.objectContaining({ field: 'joinedOn', code: 'INVALID' })]);
  });

  it('refuses dates outside 1900–2200 as bad input', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const response = await api.graphql(UPDATE_WORKPLACE, { input: { id: workplace.id, joinedOn: '0000-01-01' } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const filter = await api.graphql(`{ roleAssignments(filter: { activeOn: "0000-06-01" }) { totalCount } }`);
    expect(filter.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('refuses control characters in texts, in a search too', async () => {
    const before = await snapshot(api);
    const response = await api.graphql(`mutation($input: WorkplaceCreateInput!) { workplaceCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: { organisationId, name: 'Hem\u0000tjänst', type: 'HOME_CARE' },
    });
    expect(response.data!.workplaceCreate.errors).toEqual([expect.objectContaining({ field: 'name', code: 'INVALID' })]);
    expect(await snapshot(api)).toBe(before);
    const search = await api.graphql(`query($q: String) { people(filter: { search: $q }) { totalCount } }`, { q: 'a\u0000' });
    expect(search.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.search' });
  });

  it('refuses a role starting before the workplace joined the model', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2023-06-01' });
    const person = await createPerson(api, organisationId);
    const response = await api.graphql(ROLE_ASSIGNMENT_CREATE, {
      input: { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2023-05-31' },
    });
    expect(response.data!.roleAssignmentCreate.errors).toEqual([expect.objectContaining({ field: 'startsOn', code: 'INVALID' })]);
  });

  it('refuses a second period of the same role in the same scope that overlaps a later one', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const person = await createPerson(api, organisationId);
    await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id, startsOn: '2025-01-01' });
    const response = await api.graphql(ROLE_ASSIGNMENT_CREATE, {
      input: { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id, startsOn: '2024-01-01' },
    });
    expect(response.data!.roleAssignmentCreate.errors).toEqual([expect.objectContaining({ field: 'personId', code: 'CONFLICT' })]);
    await expect(
      api.orm.em
        .getConnection()
        .execute(
          `insert into role_assignment (id, person_id, role, workplace_id, starts_on) values (gen_random_uuid(), '${rowId(person.id)}', 'COMPETENCE_COORDINATOR', '${rowId(workplace.id)}', '2024-01-01')`,
        ),
    ).rejects.toThrow(/role_assignment_no_overlap/);
  });

  it('cancels an assignment that has not started when it is ended without a date', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const person = await createPerson(api, organisationId);
    const future = await assignRole(api, {
      personId: person.id,
      role: 'WORKPLACE_COORDINATOR',
      workplaceId: workplace.id,
      startsOn: '2099-01-01',
    });
    const response = await api.graphql(
      `mutation($id: ID!) { roleAssignmentEnd(input: { id: $id }) { roleAssignment { startsOn endsOn isActive } ${USER_ERRORS} } }`,
      { id: future.id },
    );
    expect(response.data!.roleAssignmentEnd).toEqual({
      roleAssignment: { startsOn: '2099-01-01', endsOn: '2099-01-01', isActive: false },
      errors: [],
    });
  });

  it('never leaves an open role at a workplace that left, however leaving and assigning race', async () => {
    const pairs = await Promise.all(
      Array.from({ length: 8 }, async () => ({
        workplace: await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' }),
        person: await createPerson(api, organisationId),
      })),
    );
    await Promise.all(
      pairs.flatMap(({ workplace, person }) => [
        api.graphql(UPDATE_WORKPLACE, { input: { id: workplace.id, status: 'LEFT', leftOn: '2024-01-01' } }),
        api.graphql(ROLE_ASSIGNMENT_CREATE, {
          input: { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-06-01' },
        }),
      ]),
    );
    // A role that would have started after the leaving day is cancelled (it ends the day it starts).
    const open = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from role_assignment ra join workplace w on w.id = ra.workplace_id where w.status = 'LEFT' and (ra.ends_on is null or (ra.ends_on > w.left_on and ra.ends_on > ra.starts_on))`,
      );
    expect(open[0]!.n).toBe(0);
  });
});
