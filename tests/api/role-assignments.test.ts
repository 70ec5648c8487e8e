import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import {
  assignRole,
  createOrganisation,
  createPerson,
  createWorkplace,
  ROLE_ASSIGNMENT_CREATE,
  snapshot,
  USER_ERRORS,
} from '../support/factories.js';

const END = `mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { roleAssignment { id endsOn } ${USER_ERRORS} } }`;
const MOVE = `mutation($input: RoleAssignmentMoveInput!) {
  roleAssignmentMove(input: $input) { roleAssignment { id role startsOn endsOn workplace { id } person { id } } ${USER_ERRORS} }
}`;
const WORKPLACE_PEOPLE = `query($id: ID!) { workplace(id: $id) {
  manager { id startsOn endsOn person { id name } }
  coordinator { id person { id } }
  competenceCoordinators { id person { id } }
} }`;
const HISTORY = `query($filter: RoleAssignmentFilterInput) { roleAssignments(filter: $filter, orderBy: { field: STARTS_ON, direction: ASC }) {
  totalCount edges { node { id role startsOn endsOn isActive person { id } } }
} }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

describe('role assignments', () => {
  it("assigning a new manager ends the previous one's assignment that day, keeping the history", async () => {
    const workplace = await createWorkplace(api, organisationId);
    const first = await createPerson(api, organisationId);
    const second = await createPerson(api, organisationId);
    const firstAssignment = await assignRole(api, {
      personId: first.id,
      role: 'MANAGER',
      workplaceId: workplace.id,
      startsOn: '2023-01-01',
    });
    await assignRole(api, { personId: second.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-03-01' });

    const current = await api.graphql(WORKPLACE_PEOPLE, { id: workplace.id });
    expect(current.data!.workplace.manager).toMatchObject({ startsOn: '2024-03-01', endsOn: null, person: { id: second.id } });
    const history = await api.graphql(HISTORY, { filter: { workplaceId: workplace.id, roles: ['MANAGER'] } });
    expect(history.data!.roleAssignments.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      expect.objectContaining({
        id: firstAssignment.id,
        startsOn: '2023-01-01',
        endsOn: '2024-03-01',
        isActive: false,
        person: { id: first.id },
      }),
      expect.objectContaining({ startsOn: '2024-03-01', endsOn: null, isActive: true, person: { id: second.id } }),
    ]);
  });

  it('keeps one manager and one coordinator per workplace, but any number of competence coordinators', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const people = await Promise.all([1, 2, 3, 4].map(() => createPerson(api, organisationId)));
    await assignRole(api, { personId: people[0]!.id, role: 'MANAGER', workplaceId: workplace.id });
    await assignRole(api, { personId: people[1]!.id, role: 'WORKPLACE_COORDINATOR', workplaceId: workplace.id });
    await assignRole(api, { personId: people[2]!.id, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id });
    await assignRole(api, { personId: people[3]!.id, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id });
    const response = await api.graphql(WORKPLACE_PEOPLE, { id: workplace.id });
    expect(response.data!.workplace.manager.person.id).toBe(people[0]!.id);
    expect(response.data!.workplace.coordinator.person.id).toBe(people[1]!.id);
    expect(response.data!.workplace.competenceCoordinators.map((cc: { person: { id: string } }) => cc.person.id).sort()).toEqual(
      [people[2]!.id, people[3]!.id].sort(),
    );
  });

  it('lets a competence coordinator hold many workplaces', async () => {
    const coordinator = await createPerson(api, organisationId);
    const workplaces = await Promise.all([1, 2, 3].map(() => createWorkplace(api, organisationId)));
    for (const workplace of workplaces)
      await assignRole(api, { personId: coordinator.id, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id });
    const roles = await api.graphql(`query($id: ID!) { person(id: $id) { roles { role workplace { id } } } }`, { id: coordinator.id });
    expect(roles.data!.person.roles.map((role: { workplace: { id: string } }) => role.workplace.id).sort()).toEqual(
      workplaces.map((w) => w.id).sort(),
    );
  });

  it('ends an assignment without deleting it; person.roles shows it only with includeEnded', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const person = await createPerson(api, organisationId);
    const assignment = await assignRole(api, {
      personId: person.id,
      role: 'WORKPLACE_COORDINATOR',
      workplaceId: workplace.id,
      startsOn: '2023-05-01',
    });
    const ended = await api.graphql(END, { input: { id: assignment.id, endsOn: '2024-05-01' } });
    expect(ended.data!.roleAssignmentEnd).toEqual({ roleAssignment: { id: assignment.id, endsOn: '2024-05-01' }, errors: [] });
    const roles = await api.graphql(
      `query($id: ID!) { person(id: $id) { active: roles { id } all: roles(includeEnded: true) { id endsOn } } }`,
      { id: person.id },
    );
    expect(roles.data!.person).toEqual({ active: [], all: [{ id: assignment.id, endsOn: '2024-05-01' }] });
  });

  it("moves a manager to another workplace, replacing that workplace's manager", async () => {
    const from = await createWorkplace(api, organisationId);
    const to = await createWorkplace(api, organisationId);
    const mover = await createPerson(api, organisationId);
    const incumbent = await createPerson(api, organisationId);
    const moving = await assignRole(api, { personId: mover.id, role: 'MANAGER', workplaceId: from.id, startsOn: '2023-01-01' });
    const replaced = await assignRole(api, { personId: incumbent.id, role: 'MANAGER', workplaceId: to.id, startsOn: '2023-01-01' });

    const response = await api.graphql(MOVE, { input: { id: moving.id, workplaceId: to.id, movesOn: '2024-09-01' } });
    expect(response.data!.roleAssignmentMove).toEqual({
      roleAssignment: {
        id: expect.any(String),
        role: 'MANAGER',
        startsOn: '2024-09-01',
        endsOn: null,
        workplace: { id: to.id },
        person: { id: mover.id },
      },
      errors: [],
    });
    const ends = await api.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on RoleAssignment { endsOn } } }`, {
      ids: [moving.id, replaced.id],
    });
    expect(ends.data!.nodes).toEqual([{ endsOn: '2024-09-01' }, { endsOn: '2024-09-01' }]);
    expect((await api.graphql(WORKPLACE_PEOPLE, { id: from.id })).data!.workplace.manager).toBeNull();
  });

  it('serialises concurrent manager assignments: one manager is left, the others ended', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const people = await Promise.all([1, 2, 3, 4, 5, 6].map(() => createPerson(api, organisationId)));
    const responses = await Promise.all(
      people.map((person) =>
        api.graphql(ROLE_ASSIGNMENT_CREATE, {
          input: { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-01-01' },
        }),
      ),
    );
    for (const response of responses) expect(response.data!.roleAssignmentCreate.errors).toEqual([]);
    const history = await api.graphql(HISTORY, { filter: { workplaceId: workplace.id, activeOn: '2024-06-01' } });
    expect(history.data!.roleAssignments.totalCount).toBe(1);
  });

  describe('refuses bad input with typed errors and writes nothing', () => {
    let workplaceId: string;
    let leftWorkplaceId: string;
    let personId: string;
    const missingPerson = globalId('Person', '00000000-0000-4000-8000-000000000000');
    beforeAll(async () => {
      workplaceId = (await createWorkplace(api, organisationId)).id;
      personId = (await createPerson(api, organisationId)).id;
      leftWorkplaceId = (await createWorkplace(api, organisationId)).id;
      await api.graphql(
        `mutation($id: ID!) { workplaceUpdate(input: { id: $id, status: LEFT, leftOn: "2024-01-01" }) { errors { code } } }`,
        { id: leftWorkplaceId },
      );
    });

    const cases: [string, () => Promise<Record<string, unknown>>, { field: string | null; code: string }][] = [
      ['a manager without a workplace', async () => ({ personId, role: 'MANAGER' }), { field: 'workplaceId', code: 'INVALID' }],
      [
        'an organisation admin without an organisation',
        async () => ({ personId, role: 'ORGANISATION_ADMIN' }),
        { field: 'organisationId', code: 'INVALID' },
      ],
      [
        'an organisation admin at a workplace',
        async () => ({ personId, role: 'ORGANISATION_ADMIN', organisationId, workplaceId }),
        { field: 'workplaceId', code: 'INVALID' },
      ],
      [
        'an administrator limited to an organisation',
        async () => ({ personId, role: 'ADMINISTRATOR', organisationId }),
        { field: 'organisationId', code: 'INVALID' },
      ],
      [
        'an unknown person',
        async () => ({ personId: missingPerson, role: 'MANAGER', workplaceId }),
        { field: 'personId', code: 'NOT_FOUND' },
      ],
      [
        'a workplace id that names a person',
        async () => ({ personId, role: 'MANAGER', workplaceId: personId }),
        { field: 'workplaceId', code: 'NOT_FOUND' },
      ],
      [
        'a workplace that has left the model',
        async () => ({ personId, role: 'MANAGER', workplaceId: leftWorkplaceId }),
        { field: 'workplaceId', code: 'CONFLICT' },
      ],
      [
        'a role the person already holds there',
        async () => {
          await assignRole(api, { personId, role: 'COMPETENCE_COORDINATOR', workplaceId, startsOn: '2024-01-01' });
          return { personId, role: 'COMPETENCE_COORDINATOR', workplaceId, startsOn: '2024-02-01' };
        },
        { field: 'personId', code: 'CONFLICT' },
      ],
      [
        'a manager starting before an already planned successor',
        async () => {
          const planned = await createPerson(api, organisationId);
          await assignRole(api, { personId: planned.id, role: 'MANAGER', workplaceId, startsOn: '2030-01-01' });
          return { personId, role: 'MANAGER', workplaceId, startsOn: '2029-01-01' };
        },
        { field: 'startsOn', code: 'CONFLICT' },
      ],
    ];

    it.each(cases)('%s', async (_name, input, expected) => {
      const values = await input();
      const before = await snapshot(api);
      const response = await api.graphql(ROLE_ASSIGNMENT_CREATE, { input: { startsOn: '2024-01-01', ...values } });
      expect(response.data!.roleAssignmentCreate).toEqual({ roleAssignment: null, errors: [expect.objectContaining(expected)] });
      expect(await snapshot(api)).toBe(before);
    });

    it('ending an assignment twice, or before it started', async () => {
      const assignment = await assignRole(api, { personId, role: 'ORGANISATION_ADMIN', organisationId, startsOn: '2024-01-01' });
      const early = await api.graphql(END, { input: { id: assignment.id, endsOn: '2023-12-31' } });
      expect(early.data!.roleAssignmentEnd.errors).toEqual([expect.objectContaining({ field: 'endsOn', code: 'INVALID' })]);
      await api.graphql(END, { input: { id: assignment.id, endsOn: '2024-02-01' } });
      const twice = await api.graphql(END, { input: { id: assignment.id, endsOn: '2024-03-01' } });
      expect(twice.data!.roleAssignmentEnd.errors).toEqual([expect.objectContaining({ field: 'id', code: 'CONFLICT' })]);
    });

    it('a second active manager inserted directly (the database refuses it)', async () => {
      const workplace = await createWorkplace(api, organisationId);
      const holder = await createPerson(api, organisationId);
      const intruder = await createPerson(api, organisationId);
      await assignRole(api, { personId: holder.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-01-01' });
      const before = await snapshot(api);
      await expect(
        api.orm.em
          .getConnection()
          .execute(
            `insert into role_assignment (id, person_id, role, workplace_id, starts_on) values (gen_random_uuid(), '${rowId(intruder.id)}', 'MANAGER', '${rowId(workplace.id)}', '2024-06-01')`,
          ),
      ).rejects.toThrow(/role_assignment_single_holder/);
      expect(await snapshot(api)).toBe(before);
    });

    it('a role with the wrong scope inserted directly (the database refuses it)', async () => {
      await expect(
        api.orm.em
          .getConnection()
          .execute(
            `insert into role_assignment (id, person_id, role, starts_on) values (gen_random_uuid(), '${rowId(personId)}', 'MANAGER', '2024-06-01')`,
          ),
      ).rejects.toThrow(/role_assignment_scope_matches_role/);
    });
  });
});
