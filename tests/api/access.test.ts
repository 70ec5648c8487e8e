/**
 * Walks the access table of the README: every role × every query and mutation × own scope and another
 * organisation's. Fixture: Motala (workplaces A and B) and Norrköping (workplace C); the signed-in
 * roles all sit in Motala, at workplace A.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, organisationNumber, USER_ERRORS } from '../support/factories.js';
import { createCohort, createNetwork, createProgramme, createSession, registerForCohort } from '../support/training-factories.js';

type Actor = 'administrator' | 'organisationAdmin' | 'manager' | 'workplaceCoordinator' | 'competenceCoordinator' | 'staff' | 'anonymous';
const ACTORS: Actor[] = [
  'administrator',
  'organisationAdmin',
  'manager',
  'workplaceCoordinator',
  'competenceCoordinator',
  'staff',
  'anonymous',
];

let api: TestApi;
const as = {} as Record<Actor, GraphQLClient>;
const ids = {} as Record<string, string>;
let staffNorrkoping: GraphQLClient;

beforeAll(async () => {
  api = await startTestApi();
  const motala = await createOrganisation(api, { name: 'Motala kommun' });
  const norrkoping = await createOrganisation(api, { name: 'Norrköpings kommun' });
  const linkoping = await createOrganisation(api, { name: 'Linköpings kommun' });
  Object.assign(ids, { motala: motala.id, norrkoping: norrkoping.id });
  ids.workplaceA = (await createWorkplace(api, motala.id, { name: 'Hemtjänst A', joinedOn: '2020-01-01' })).id;
  ids.workplaceB = (await createWorkplace(api, motala.id, { name: 'Hemtjänst B', joinedOn: '2020-01-01' })).id;
  ids.workplaceC = (await createWorkplace(api, norrkoping.id, { name: 'Hemtjänst C', joinedOn: '2020-01-01' })).id;
  const person = async (key: string, organisationId: string, role?: { role: string; workplaceId?: string; organisationId?: string }) => {
    const created = await createPerson(api, organisationId, { email: `${key.toLowerCase()}@example.se`, phone: '013-10 00 00' });
    ids[key] = created.id;
    if (role) ids[`${key}Role`] = (await assignRole(api, { personId: created.id, startsOn: '2021-01-01', ...role })).id;
    await api.createAccount(created.id);
  };
  await person('organisationAdmin', motala.id, { role: 'ORGANISATION_ADMIN', organisationId: motala.id });
  await person('manager', motala.id, { role: 'MANAGER', workplaceId: ids.workplaceA });
  await person('workplaceCoordinator', motala.id, { role: 'WORKPLACE_COORDINATOR', workplaceId: ids.workplaceA });
  await person('competenceCoordinator', linkoping.id, { role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA });
  await person('staff', motala.id);
  await person('managerB', motala.id, { role: 'MANAGER', workplaceId: ids.workplaceB });
  await person('managerC', norrkoping.id, { role: 'MANAGER', workplaceId: ids.workplaceC });
  await person('staffNorrkoping', norrkoping.id);
  ids.cohort = await createCohort(api, await createProgramme(api), { name: 'Omgång' });
  as.administrator = api.graphql;
  as.anonymous = api.anonymous;
  for (const actor of ACTORS.filter((a) => a !== 'administrator' && a !== 'anonymous'))
    as[actor] = await api.signIn(`${actor.toLowerCase()}@example.se`);
  staffNorrkoping = await api.signIn('staffnorrkoping@example.se');
  // The staff member works at workplace A, the one of Norrköping at workplace C.
  for (const [person, workplace] of [
    ['staff', 'workplaceA'],
    ['staffNorrkoping', 'workplaceC'],
  ] as const) {
    const employed = await api.graphql(
      `mutation($input: EmploymentCreateInput!) { employmentCreate(input: $input) { employment { id } ${USER_ERRORS} } }`,
      { input: { personId: ids[person], workplaceId: ids[workplace], startsOn: '2022-01-01' } },
    );
    ids[`${person}Employment`] = employed.data!.employmentCreate.employment.id;
  }
  // One registration awaiting approval in each organisation.
  await pendingRegistration(as.staff);
  await pendingRegistration(staffNorrkoping);
});
afterAll(() => api?.stop());

/** An open cohort of a programme of its own. */
async function newCohort(input: Record<string, unknown> = {}): Promise<string> {
  return createCohort(api, await createProgramme(api, { name: 'Utbildning' }), { name: 'Omgång', ...input });
}

const newNetwork = () => createNetwork(api, { name: 'Nätverk' });

/** The caller registers themselves for a new cohort that requires approval: the registration waits. */
async function pendingRegistration(registrant: GraphQLClient): Promise<string> {
  const cohortId = await newCohort({ requiresApproval: true });
  const response = await registrant(
    `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status } } }`,
    { input: { cohortId } },
  );
  expect(response.data!.cohortRegister.registration.status).toBe('PENDING_APPROVAL');
  return response.data!.cohortRegister.registration.id;
}

/** A session and a confirmed place of a person with a role at the workplace. */
async function attended(workplaceId: string, organisationId: string): Promise<{ sessionId: string; registrationId: string }> {
  const cohortId = await newCohort();
  const sessionId = await createSession(api, { cohortId });
  const person = await createPerson(api, organisationId);
  await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId });
  const registration = await registerForCohort(api.graphql, cohortId, person.id);
  return { sessionId, registrationId: registration.id };
}

type Expected = number | 'ok' | 'null' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';
const row = (values: Expected[]) => Object.fromEntries(ACTORS.map((actor, index) => [actor, values[index]!])) as Record<Actor, Expected>;

/** What a response says, in the table's words. */
function outcome(
  response: { data?: Record<string, any> | null; errors?: { extensions?: Record<string, unknown> }[] },
  pick: (data: any) => unknown,
): Expected {
  if (response.errors?.length) return response.errors[0]!.extensions!.code as Expected;
  const value = pick(response.data);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return value;
  if (typeof value === 'object' && 'errors' in (value as object)) {
    const errors = (value as { errors: { code: string }[] }).errors;
    return errors.length === 0 ? 'ok' : (errors[0]!.code as Expected);
  }
  return 'ok';
}

describe('reads', () => {
  //                                       admin  orgAdmin manager coord   cc      staff   anonymous
  const lists: [string, string, (data: any) => unknown, Expected[]][] = [
    [
      'organisations (public)',
      `{ organisations { totalCount } }`,
      (d) => d.organisations.totalCount,
      [4, 4, 4, 4, 4, 4, 'UNAUTHENTICATED'],
    ],
    ['workplaces', `{ workplaces { totalCount } }`, (d) => d.workplaces.totalCount, [3, 2, 1, 1, 1, 0, 'UNAUTHENTICATED']],
    [
      'organisation.workplaces of Motala',
      `query($id: ID!) { organisation(id: $id) { workplaces { totalCount } } }`,
      (d) => d.organisation.workplaces.totalCount,
      [2, 2, 1, 1, 1, 0, 'UNAUTHENTICATED'],
    ],
    ['people', `{ people { totalCount } }`, (d) => d.people.totalCount, [9, 6, 3, 3, 3, 1, 'UNAUTHENTICATED']],
    ['roleAssignments', `{ roleAssignments { totalCount } }`, (d) => d.roleAssignments.totalCount, [7, 5, 3, 3, 3, 0, 'UNAUTHENTICATED']],
    [
      'registrationsAwaitingApproval',
      `{ registrationsAwaitingApproval { totalCount } }`,
      (d) => d.registrationsAwaitingApproval.totalCount,
      [2, 1, 0, 0, 0, 0, 'UNAUTHENTICATED'],
    ],
  ];
  it.each(lists)('%s: filtered to what each role may see, with a matching totalCount', async (_name, query, pick, expected) => {
    for (const actor of ACTORS) {
      expect([actor, outcome(await as[actor](query, { id: ids.motala }), pick)]).toEqual([actor, row(expected)[actor]]);
    }
  });

  const objects: [string, string, string, (data: any) => unknown, Expected[]][] = [
    [
      'workplace A (own)',
      `query($id: ID!) { workplace(id: $id) { id } }`,
      'workplaceA',
      (d) => d.workplace,
      ['ok', 'ok', 'ok', 'ok', 'ok', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'workplace C (other organisation)',
      `query($id: ID!) { workplace(id: $id) { id } }`,
      'workplaceC',
      (d) => d.workplace,
      ['ok', 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'node(id) of workplace C',
      `query($id: ID!) { node(id: $id) { id } }`,
      'workplaceC',
      (d) => d.node,
      ['ok', 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'person at workplace A',
      `query($id: ID!) { person(id: $id) { id } }`,
      'workplaceCoordinator',
      (d) => d.person,
      ['ok', 'ok', 'ok', 'ok', 'ok', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'person of Norrköping',
      `query($id: ID!) { person(id: $id) { id } }`,
      'staffNorrkoping',
      (d) => d.person,
      ['ok', 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'node(id) of a person of Norrköping',
      `query($id: ID!) { node(id: $id) { id } }`,
      'managerC',
      (d) => d.node,
      ['ok', 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'role at workplace C',
      `query($id: ID!) { roleAssignment(id: $id) { id } }`,
      'managerCRole',
      (d) => d.roleAssignment,
      ['ok', 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'role at workplace B',
      `query($id: ID!) { node(id: $id) { id } }`,
      'managerBRole',
      (d) => d.node,
      ['ok', 'ok', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'e-mail of a colleague at workplace A',
      `query($id: ID!) { person(id: $id) { email phone } }`,
      'workplaceCoordinator',
      (d) => d.person?.email,
      ['ok', 'ok', 'ok', 'ok', 'ok', 'null', 'UNAUTHENTICATED'],
    ],
    [
      "e-mail of workplace A's manager",
      `query($id: ID!) { person(id: $id) { email } }`,
      'manager',
      (d) => d.person?.email,
      ['ok', 'ok', 'ok', 'null', 'ok', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'e-mail of staff without a role',
      `query($id: ID!) { person(id: $id) { email } }`,
      'staff',
      (d) => d.person?.email,
      ['ok', 'ok', 'null', 'null', 'null', 'ok', 'UNAUTHENTICATED'],
    ],
    ['me', `{ me { id } }`, '', (d) => d.me, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'null']],
    [
      'auditEntries',
      `{ auditEntries { totalCount } }`,
      '',
      (d) => d.auditEntries,
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'apiClients',
      `{ apiClients { totalCount } }`,
      '',
      (d) => d.apiClients,
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'personDataExport of a colleague',
      `query($id: ID!) { personDataExport(id: $id) }`,
      'workplaceCoordinator',
      (d) => d.personDataExport,
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    ['cohorts (public)', `{ cohorts { totalCount } }`, '', (d) => d.cohorts, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED']],
    ['networks (public)', `{ networks { totalCount } }`, '', (d) => d.networks, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED']],
    ['events (public)', `{ events { totalCount } }`, '', (d) => d.events, ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED']],
    [
      'staff of workplace A',
      `query($id: ID!) { workplace(id: $id) { staff { totalCount } } }`,
      'workplaceA',
      (d) => d.workplace?.staff.totalCount,
      [1, 1, 1, 1, 0, 'null', 'UNAUTHENTICATED'],
    ],
    [
      'staff of workplace C (other organisation)',
      `query($id: ID!) { workplace(id: $id) { staff { totalCount } } }`,
      'workplaceC',
      (d) => d.workplace?.staff.totalCount,
      [1, 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'employments of the staff member at workplace A (Person.employments)',
      `query($id: ID!) { person(id: $id) { employments { id } } }`,
      'staff',
      (d) => d.person?.employments.length,
      [1, 1, 'null', 'null', 'null', 1, 'UNAUTHENTICATED'],
    ],
    [
      'node(id) of an employment at workplace C',
      `query($id: ID!) { node(id: $id) { id } }`,
      'staffNorrkopingEmployment',
      (d) => d.node,
      ['ok', 'null', 'null', 'null', 'null', 'null', 'UNAUTHENTICATED'],
    ],
    [
      'trainingStatistics',
      `{ trainingStatistics(year: 2026) { year } }`,
      '',
      (d) => d.trainingStatistics,
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
  ];
  it.each(objects)('%s', async (_name, query, key, pick, expected) => {
    for (const actor of ACTORS) {
      expect([actor, outcome(await as[actor](query, { id: ids[key] }), pick)]).toEqual([actor, row(expected)[actor]]);
    }
  });
});

/** A one-row staff file for the workplace, someone new each time. */
function staffFile(workplace: string): string {
  const key = Math.random().toString(36).slice(2);
  return Buffer.from(`Förnamn;Efternamn;E-post;Arbetsplats;Från\nNy;Anställd;ny.${key}@example.se;${workplace};2024-01-01\n`).toString(
    'base64',
  );
}

describe('writes', () => {
  const payload = (name: string) => (d: any) => d[name];
  // Each case builds its own target (as the administrator) so that one actor's success does not change another's case.
  const cases: [string, () => Promise<[string, Record<string, unknown>]>, string, Expected[]][] = [
    [
      'organisationCreate',
      async () => [
        `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { ${USER_ERRORS} } }`,
        { name: `Ny ${Math.random()}`, kind: 'OTHER', organisationNumber: organisationNumber() },
      ],
      'organisationCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'organisationUpdate',
      async () => [
        `mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.motala, name: 'Motala kommun' },
      ],
      'organisationUpdate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'organisationPopulationSet',
      async () => [
        `mutation($input: OrganisationPopulationSetInput!) { organisationPopulationSet(input: $input) { ${USER_ERRORS} } }`,
        { organisationId: ids.motala, year: 2024, population: 44000 },
      ],
      'organisationPopulationSet',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'workplaceCreate in own organisation',
      async () => [
        `mutation($input: WorkplaceCreateInput!) { workplaceCreate(input: $input) { ${USER_ERRORS} } }`,
        { organisationId: ids.motala, name: `Ny ${Math.random()}`, type: 'HOME_CARE' },
      ],
      'workplaceCreate',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'workplaceCreate in another organisation',
      async () => [
        `mutation($input: WorkplaceCreateInput!) { workplaceCreate(input: $input) { ${USER_ERRORS} } }`,
        { organisationId: ids.norrkoping, name: `Ny ${Math.random()}`, type: 'HOME_CARE' },
      ],
      'workplaceCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      "workplaceUpdate of own workplace's details",
      async () => [
        `mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.workplaceA, employeeCount: 30 },
      ],
      'workplaceUpdate',
      ['ok', 'ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      "workplaceUpdate of own workplace's joining date",
      async () => [
        `mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.workplaceA, joinedOn: '2020-01-01' },
      ],
      'workplaceUpdate',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      "workplaceUpdate of another organisation's workplace",
      async () => [
        `mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.workplaceC, employeeCount: 12 },
      ],
      'workplaceUpdate',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'personCreate in own organisation',
      async () => [
        `mutation($input: PersonCreateInput!) { personCreate(input: $input) { ${USER_ERRORS} } }`,
        { firstName: 'Ny', lastName: 'Person', email: `ny${Math.random()}@example.se`, homeOrganisationId: ids.motala },
      ],
      'personCreate',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'personCreate in another organisation',
      async () => [
        `mutation($input: PersonCreateInput!) { personCreate(input: $input) { ${USER_ERRORS} } }`,
        { firstName: 'Ny', lastName: 'Person', email: `ny${Math.random()}@example.se`, homeOrganisationId: ids.norrkoping },
      ],
      'personCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      "personUpdate of a staff member's phone",
      async () => [
        `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.staff, phone: '013-12 34 56' },
      ],
      'personUpdate',
      ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'ok', 'UNAUTHENTICATED'],
    ],
    [
      "personUpdate of a staff member's e-mail",
      async () => [
        `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.staff, email: 'staff@example.se' },
      ],
      'personUpdate',
      ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'personUpdate of a colleague at workplace A',
      async () => [
        `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.workplaceCoordinator, phone: '013-10 00 00' },
      ],
      'personUpdate',
      ['ok', 'ok', 'FORBIDDEN', 'ok', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'personUpdate in another organisation',
      async () => [
        `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.staffNorrkoping, phone: '011-10 00 00' },
      ],
      'personUpdate',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentCreate at own workplace',
      async () => {
        const person = await createPerson(api, ids.motala!);
        return [
          `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`,
          { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA },
        ];
      },
      'roleAssignmentCreate',
      ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentCreate for a colleague at own workplace',
      async () => {
        const workplace = await createWorkplace(api, ids.motala!, { joinedOn: '2020-01-01' });
        return [
          `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`,
          { personId: ids.workplaceCoordinator, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id },
        ];
      },
      'roleAssignmentCreate',
      ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentCreate in another organisation',
      async () => {
        const person = await createPerson(api, ids.norrkoping!);
        return [
          `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`,
          { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceC },
        ];
      },
      'roleAssignmentCreate',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentCreate of ADMINISTRATOR',
      async () => {
        const person = await createPerson(api, ids.motala!);
        return [
          `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`,
          { personId: person.id, role: 'ADMINISTRATOR' },
        ];
      },
      'roleAssignmentCreate',
      ['ok', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentEnd at own workplace',
      async () => {
        const person = await createPerson(api, ids.motala!);
        const assignment = await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA });
        return [`mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { ${USER_ERRORS} } }`, { id: assignment.id }];
      },
      'roleAssignmentEnd',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentEnd in another organisation',
      async () => {
        const person = await createPerson(api, ids.norrkoping!);
        const assignment = await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceC });
        return [`mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { ${USER_ERRORS} } }`, { id: assignment.id }];
      },
      'roleAssignmentEnd',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentMove within own organisation',
      async () => {
        const person = await createPerson(api, ids.motala!);
        const assignment = await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA });
        return [
          `mutation($input: RoleAssignmentMoveInput!) { roleAssignmentMove(input: $input) { ${USER_ERRORS} } }`,
          { id: assignment.id, workplaceId: ids.workplaceB },
        ];
      },
      'roleAssignmentMove',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'roleAssignmentMove to another organisation',
      async () => {
        const person = await createPerson(api, ids.motala!);
        const assignment = await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA });
        return [
          `mutation($input: RoleAssignmentMoveInput!) { roleAssignmentMove(input: $input) { ${USER_ERRORS} } }`,
          { id: assignment.id, workplaceId: ids.workplaceC },
        ];
      },
      'roleAssignmentMove',
      ['ok', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'apiClientCreate',
      async () => [
        `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { ${USER_ERRORS} } }`,
        { name: 'HR', scopes: ['READ_DIRECTORY'] },
      ],
      'apiClientCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      "personErase of own organisation's staff",
      async () => {
        const person = await createPerson(api, ids.motala!);
        return [`mutation($input: PersonEraseInput!) { personErase(input: $input) { ${USER_ERRORS} } }`, { id: person.id, confirm: true }];
      },
      'personErase',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'programmeCreate',
      async () => [
        `mutation($input: ProgrammeCreateInput!) { programmeCreate(input: $input) { ${USER_ERRORS} } }`,
        { name: 'Ledarutbildning' },
      ],
      'programmeCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'cohortRegister of oneself',
      async () => [`mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { ${USER_ERRORS} } }`, { cohortId: ids.cohort }],
      'cohortRegister',
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED'],
    ],
    [
      'cohortRegister of a colleague at workplace A',
      async () => {
        const person = await createPerson(api, ids.motala!);
        return [
          `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { ${USER_ERRORS} } }`,
          { cohortId: ids.cohort, personId: person.id },
        ];
      },
      'cohortRegister',
      ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'cohortRegister of the workplace coordinator of workplace A, for coordinators',
      async () => {
        const cohortId = await newCohort({ audienceRoles: ['WORKPLACE_COORDINATOR'] });
        return [
          `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { ${USER_ERRORS} } }`,
          { cohortId, personId: ids.workplaceCoordinator },
        ];
      },
      'cohortRegister',
      ['ok', 'ok', 'ok', 'ok', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'sessionCreate',
      async () => [
        `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { ${USER_ERRORS} } }`,
        { cohortId: ids.cohort, startsAt: '2026-09-01T07:00:00Z', endsAt: '2026-09-01T15:00:00Z' },
      ],
      'sessionCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'attendanceRecord for someone at workplace A',
      async () => {
        const { sessionId, registrationId } = await attended(ids.workplaceA!, ids.motala!);
        return [
          `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`,
          { sessionId, entries: [{ registrationId, status: 'PRESENT' }] },
        ];
        // The workplace coordinator became a competence coordinator of another workplace in the roleAssignmentCreate case above.
      },
      'attendanceRecord',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'ok', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'attendanceRecord for someone at workplace C (another organisation)',
      async () => {
        const { sessionId, registrationId } = await attended(ids.workplaceC!, ids.norrkoping!);
        return [
          `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { ${USER_ERRORS} } }`,
          { sessionId, entries: [{ registrationId, status: 'PRESENT' }] },
        ];
      },
      'attendanceRecord',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'networkCreate',
      async () => [`mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { ${USER_ERRORS} } }`, { name: 'Nätverk' }],
      'networkCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'networkJoin of oneself',
      async () => [
        `mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { ${USER_ERRORS} } }`,
        { networkId: await newNetwork() },
      ],
      'networkJoin',
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED'],
    ],
    [
      'networkJoin of a colleague in Motala',
      async () => {
        const person = await createPerson(api, ids.motala!);
        return [
          `mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { ${USER_ERRORS} } }`,
          { networkId: await newNetwork(), personId: person.id },
        ];
      },
      'networkJoin',
      ['ok', 'ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'networkMeetingCreate',
      async () => [
        `mutation($input: NetworkMeetingCreateInput!) { networkMeetingCreate(input: $input) { ${USER_ERRORS} } }`,
        { networkId: await newNetwork(), title: 'Träff', startsAt: '2027-01-20T12:00:00Z', endsAt: '2027-01-20T15:00:00Z' },
      ],
      'networkMeetingCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'networkMeetingUpdate',
      async () => {
        const meeting = await api.graphql(
          `mutation($n: ID!) { networkMeetingCreate(input: { networkId: $n, title: "Träff", startsAt: "2027-01-20T12:00:00Z", endsAt: "2027-01-20T15:00:00Z" }) { meeting { id } } }`,
          { n: await newNetwork() },
        );
        return [
          `mutation($input: NetworkMeetingUpdateInput!) { networkMeetingUpdate(input: $input) { ${USER_ERRORS} } }`,
          { id: meeting.data!.networkMeetingCreate.meeting.id, capacity: 10 },
        ];
      },
      'networkMeetingUpdate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'eventCreate',
      async () => [
        `mutation($input: EventCreateInput!) { eventCreate(input: $input) { ${USER_ERRORS} } }`,
        { kind: 'KICK_OFF', name: 'Uppstart' },
      ],
      'eventCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'eventRegister of oneself',
      async () => {
        const event = await api.graphql(
          `mutation { eventCreate(input: { kind: KICK_OFF, name: "Uppstart", status: OPEN }) { event { id } } }`,
        );
        return [
          `mutation($input: EventRegisterInput!) { eventRegister(input: $input) { ${USER_ERRORS} } }`,
          { eventId: event.data!.eventCreate.event.id },
        ];
      },
      'eventRegister',
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED'],
    ],
    [
      'registrationApprove of a workplace coordinator at workplace A',
      async () => [
        `mutation($input: RegistrationApproveInput!) { registrationApprove(input: $input) { ${USER_ERRORS} } }`,
        { id: await pendingRegistration(as.workplaceCoordinator) },
      ],
      'registrationApprove',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'registrationApprove in another organisation',
      async () => [
        `mutation($input: RegistrationApproveInput!) { registrationApprove(input: $input) { ${USER_ERRORS} } }`,
        { id: await pendingRegistration(staffNorrkoping) },
      ],
      'registrationApprove',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'registrationReject of a workplace coordinator at workplace A',
      async () => [
        `mutation($input: RegistrationRejectInput!) { registrationReject(input: $input) { ${USER_ERRORS} } }`,
        { id: await pendingRegistration(as.workplaceCoordinator), reason: 'Fel omgång.' },
      ],
      'registrationReject',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'registrationTransfer to another cohort',
      async () => {
        const person = await createPerson(api, ids.motala!);
        const registration = await api.graphql(
          `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id } } }`,
          { input: { cohortId: await newCohort(), personId: person.id } },
        );
        return [
          `mutation($input: RegistrationTransferInput!) { registrationTransfer(input: $input) { ${USER_ERRORS} } }`,
          { id: registration.data!.cohortRegister.registration.id, cohortId: await newCohort() },
        ];
      },
      'registrationTransfer',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'registrationMove in the queue',
      async () => {
        const cohortId = await newCohort({ capacity: 1 });
        const registrations = [];
        for (let index = 0; index < 3; index += 1) {
          const person = await createPerson(api, ids.motala!);
          registrations.push(
            (
              await api.graphql(`mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id } } }`, {
                input: { cohortId, personId: person.id },
              })
            ).data!.cohortRegister.registration.id,
          );
        }
        return [
          `mutation($input: RegistrationMoveInput!) { registrationMove(input: $input) { ${USER_ERRORS} } }`,
          { id: registrations[2], position: 1 },
        ];
      },
      'registrationMove',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      "calendarFeedCreate of one's own feed",
      async () => [`mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { ${USER_ERRORS} } }`, {}],
      'calendarFeedCreate',
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED'],
    ],
    [
      'calendarFeedCreate of someone with a role at workplace A',
      async () => {
        const person = await createPerson(api, ids.motala!);
        await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplaceA });
        return [
          `mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { ${USER_ERRORS} } }`,
          { personId: person.id },
        ];
      },
      'calendarFeedCreate',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'calendarFeedCreate of a person of another organisation',
      async () => [
        `mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { ${USER_ERRORS} } }`,
        { personId: ids.staffNorrkoping },
      ],
      'calendarFeedCreate',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'calendarFeedCreate of a cohort',
      async () => [
        `mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { ${USER_ERRORS} } }`,
        { cohortId: ids.cohort },
      ],
      'calendarFeedCreate',
      ['ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'UNAUTHENTICATED'],
    ],
    [
      "calendarFeedRevoke of the staff member's feed",
      async () => {
        const feed = await api.graphql(
          `mutation($input: CalendarFeedCreateInput!) { calendarFeedCreate(input: $input) { calendarFeed { id } } }`,
          { input: { personId: ids.staff } },
        );
        return [
          `mutation($input: CalendarFeedRevokeInput!) { calendarFeedRevoke(input: $input) { ${USER_ERRORS} } }`,
          { id: feed.data!.calendarFeedCreate.calendarFeed.id },
        ];
      },
      'calendarFeedRevoke',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'ok', 'UNAUTHENTICATED'],
    ],
  ];

  cases.push(
    [
      'employmentCreate at workplace A',
      async () => [
        `mutation($input: EmploymentCreateInput!) { employmentCreate(input: $input) { ${USER_ERRORS} } }`,
        { personId: (await createPerson(api, ids.motala!)).id, workplaceId: ids.workplaceA, startsOn: '2024-01-01' },
      ],
      'employmentCreate',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'employmentUpdate of the staff member at workplace A',
      async () => [
        `mutation($input: EmploymentUpdateInput!) { employmentUpdate(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.staffEmployment, title: 'Undersköterska' },
      ],
      'employmentUpdate',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'employmentEnd at workplace C (other organisation)',
      async () => [
        `mutation($input: EmploymentEndInput!) { employmentEnd(input: $input) { ${USER_ERRORS} } }`,
        { id: ids.staffNorrkopingEmployment, endsOn: '2099-12-31' },
      ],
      'employmentEnd',
      ['ok', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED'],
    ],
    [
      'staffImport into Motala',
      async () => [
        `mutation($input: StaffImportInput!) { staffImport(input: $input) { ${USER_ERRORS} } }`,
        { organisationId: ids.motala, format: 'CSV', file: staffFile('Hemtjänst A') },
      ],
      'staffImport',
      ['ok', 'ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
    [
      'staffImport into Norrköping',
      async () => [
        `mutation($input: StaffImportInput!) { staffImport(input: $input) { ${USER_ERRORS} } }`,
        { organisationId: ids.norrkoping, format: 'CSV', file: staffFile('Hemtjänst C') },
      ],
      'staffImport',
      ['ok', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED'],
    ],
  );

  it.each(cases)('%s', async (_name, build, name, expected) => {
    for (const actor of ACTORS) {
      const [mutation, input] = await build();
      expect([actor, outcome(await as[actor](mutation, { input }), payload(name))]).toEqual([actor, row(expected)[actor]]);
    }
  });
});
