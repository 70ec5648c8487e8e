/**
 * The staff of workplaces: employments with their history, `Workplace.staff` (paged on the server, searched
 * by name, sorted the Swedish way, current or ended), `Person.employments`, the mutations' typed errors,
 * their audit entries, who reads and who changes them, and one statement per level however many workplaces.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, createWorkplace, signedInPerson, snapshot, USER_ERRORS } from '../support/factories.js';
import { staffCsv, staffRows } from '../support/staff-files.js';

const CREATE = `mutation($input: EmploymentCreateInput!) {
  employmentCreate(input: $input) { employment { id startsOn endsOn employeeNumber title status person { id name } workplace { id } } ${USER_ERRORS} }
}`;
const UPDATE = `mutation($input: EmploymentUpdateInput!) { employmentUpdate(input: $input) { employment { id startsOn endsOn employeeNumber title status } ${USER_ERRORS} } }`;
const END = `mutation($input: EmploymentEndInput!) { employmentEnd(input: $input) { employment { id endsOn status } ${USER_ERRORS} } }`;
const STAFF = `query($id: ID!, $first: Int, $after: String, $filter: StaffFilterInput, $orderBy: StaffOrderInput) {
  workplace(id: $id) {
    staff(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id status title employeeNumber person { id name email } } }
    }
  }
}`;

let api: TestApi;
let motala: string;
let norrkoping: string;
let hemtjanst: string;
let boende: string;
let norrkopingWorkplace: string;

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

async function employ(input: Record<string, unknown>, client: GraphQLClient = api.graphql) {
  const response = await client(CREATE, { input: { startsOn: '2024-01-01', ...input } });
  expect(response.errors).toBeUndefined();
  return response.data!.employmentCreate as { employment: Record<string, any> | null; errors: { field: string; code: string }[] };
}

async function staffNames(client: GraphQLClient, workplaceId: string, variables: Record<string, unknown> = {}) {
  const response = await client(STAFF, { id: workplaceId, first: 100, ...variables });
  expect(response.errors).toBeUndefined();
  const staff = response.data!.workplace?.staff;
  return staff ? (staff.edges as { node: { person: { name: string } } }[]).map((edge) => edge.node.person.name) : null;
}

beforeAll(async () => {
  api = await startTestApi();
  motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  norrkoping = (await createOrganisation(api, { name: 'Norrköpings kommun' })).id;
  hemtjanst = (await createWorkplace(api, motala, { name: 'Hemtjänst Centrum' })).id;
  boende = (await createWorkplace(api, motala, { name: 'Boendet' })).id;
  norrkopingWorkplace = (await createWorkplace(api, norrkoping, { name: 'Hemtjänst Öst' })).id;
  // Names that sort differently the Swedish way (Å Ä Ö after Z) than by code point or in English.
  for (const [firstName, lastName] of [
    ['Åsa', 'Öberg'],
    ['Erik', 'Ängström'],
    ['Sara', 'Zetterlund'],
    ['Anna', 'Åberg'],
    ['Olle', 'Andersson'],
    ['Bo', 'Andersson'],
  ]) {
    const person = await createPerson(api, motala, { firstName, lastName });
    await employ({ personId: person.id, workplaceId: hemtjanst, title: 'Undersköterska' });
  }
});
afterAll(() => api?.stop());

describe('Workplace.staff', () => {
  it('sorts by last name, then first name, the Swedish way; descending too', async () => {
    const expected = ['Bo Andersson', 'Olle Andersson', 'Sara Zetterlund', 'Anna Åberg', 'Erik Ängström', 'Åsa Öberg'];
    expect(await staffNames(api.graphql, hemtjanst)).toEqual(expected);
    expect(await staffNames(api.graphql, hemtjanst, { orderBy: { field: 'LAST_NAME', direction: 'DESC' } })).toEqual(
      [...expected].reverse(),
    );
  });

  it('pages on the server with cursors, with the total count', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const response: { data?: Record<string, any> } = await api.graphql(STAFF, { id: hemtjanst, first: 4, after });
      const staff = response.data!.workplace.staff;
      expect(staff.totalCount).toBe(6);
      seen.push(...staff.edges.map((edge: { node: { person: { name: string } } }) => edge.node.person.name));
      if (!staff.pageInfo.hasNextPage) break;
      after = staff.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Bo Andersson', 'Olle Andersson', 'Sara Zetterlund', 'Anna Åberg', 'Erik Ängström', 'Åsa Öberg']);
    const bad = await api.graphql(STAFF, { id: hemtjanst, after: 'not-a-cursor' });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('is searched by name, insensitive to case and accents', async () => {
    expect(await staffNames(api.graphql, hemtjanst, { filter: { search: 'asa ober' } })).toEqual(['Åsa Öberg']);
    expect(await staffNames(api.graphql, hemtjanst, { filter: { search: 'ANDERSSON' } })).toEqual(['Bo Andersson', 'Olle Andersson']);
  });

  it('keeps ended employments as history, and filters current and ended ones', async () => {
    const person = await createPerson(api, motala, { firstName: 'Gunnel', lastName: 'Borg' });
    const created = await employ({ personId: person.id, workplaceId: boende, startsOn: '2020-01-01', employeeNumber: 'M-1' });
    const ended = await api.graphql(END, { input: { id: created.employment!.id, endsOn: '2023-12-31' } });
    expect(ended.data!.employmentEnd).toMatchObject({ employment: { endsOn: '2023-12-31', status: 'ENDED' }, errors: [] });
    // Back at the same workplace later, with the same employee number: the old one stays.
    const again = await employ({ personId: person.id, workplaceId: boende, startsOn: '2025-01-01', employeeNumber: 'M-1' });
    expect(again.errors).toEqual([]);
    expect(await staffNames(api.graphql, boende)).toEqual(['Gunnel Borg', 'Gunnel Borg']);
    expect(await staffNames(api.graphql, boende, { filter: { status: 'ENDED' } })).toEqual(['Gunnel Borg']);
    expect(await staffNames(api.graphql, boende, { filter: { status: 'CURRENT' } })).toEqual(['Gunnel Borg']);
    const history = await api.graphql(`query($id: ID!) { person(id: $id) { employments { startsOn endsOn status workplace { name } } } }`, {
      id: person.id,
    });
    expect(history.data!.person.employments).toEqual([
      { startsOn: '2025-01-01', endsOn: null, status: 'CURRENT', workplace: { name: 'Boendet' } },
      { startsOn: '2020-01-01', endsOn: '2023-12-31', status: 'ENDED', workplace: { name: 'Boendet' } },
    ]);
  });

  it('costs the same number of statements for one workplace as for many', async () => {
    const query = `query($organisationId: ID!) { organisation(id: $organisationId) { workplaces(first: 50) { edges { node {
      staff(first: 10) { totalCount edges { node { id status person { name } workplace { name } } } }
    } } } } }`;
    const before = await api.graphql(query, { organisationId: motala });
    for (let index = 0; index < 5; index += 1) {
      const workplace = await createWorkplace(api, motala);
      const person = await createPerson(api, motala);
      await employ({ personId: person.id, workplaceId: workplace.id });
    }
    const after = await api.graphql(query, { organisationId: motala });
    expect(after.errors).toBeUndefined();
    expect(after.data!.organisation.workplaces.edges).toHaveLength(7);
    expect(after.sqlStatements).toBe(before.sqlStatements);
  });
});

describe('the mutations', () => {
  it('answer typed errors naming the field, and write nothing', async () => {
    const person = await createPerson(api, motala);
    const outsider = await createPerson(api, norrkoping);
    await employ({ personId: person.id, workplaceId: boende, employeeNumber: 'T-1' });
    const other = await createPerson(api, motala);
    const before = await snapshot(api);
    const cases: [Record<string, unknown>, { field: string | null; code: string }][] = [
      [
        { personId: other.id, workplaceId: boende, startsOn: '2024-05-01', endsOn: '2024-04-01' },
        { field: 'endsOn', code: 'INVALID' },
      ],
      [
        { personId: other.id, workplaceId: boende, employeeNumber: 'T-1' },
        { field: 'employeeNumber', code: 'TAKEN' },
      ],
      [
        { personId: person.id, workplaceId: boende, startsOn: '2024-06-01' },
        { field: 'startsOn', code: 'CONFLICT' },
      ],
      [
        { personId: outsider.id, workplaceId: boende },
        { field: 'personId', code: 'CONFLICT' },
      ],
      [
        { personId: other.id, workplaceId: 'V29ya3BsYWNlOm5vbmU=' },
        { field: 'workplaceId', code: 'NOT_FOUND' },
      ],
      [
        { personId: other.id, workplaceId: boende, title: '' },
        { field: 'title', code: 'INVALID' },
      ],
    ];
    for (const [input, error] of cases) {
      const result = await employ(input);
      expect([input, result.errors.map(({ field, code }) => ({ field, code }))]).toEqual([input, [error]]);
    }
    expect(await snapshot(api)).toBe(before);
  });

  it('register a new person together with their employment, in the workplace organisation, or neither', async () => {
    const made = await employ({
      workplaceId: boende,
      newPerson: { firstName: 'Märta', lastName: 'Nykvist', email: 'marta.nykvist@motala.se' },
      employeeNumber: 'N-1',
      title: 'Undersköterska',
    });
    expect(made.errors).toEqual([]);
    expect(made.employment).toMatchObject({ title: 'Undersköterska', person: { name: 'Märta Nykvist' }, workplace: { id: boende } });
    const person = await api.graphql(`query($id: ID!) { person(id: $id) { email homeOrganisation { id } } }`, {
      id: made.employment!.person.id,
    });
    expect(person.data!.person).toEqual({ email: 'marta.nykvist@motala.se', homeOrganisation: { id: motala } });

    // Refused, nothing written: not the person too, when the employment is refused.
    const existing = await createPerson(api, motala);
    const before = await snapshot(api);
    const cases: [Record<string, unknown>, { field: string | null; code: string }[]][] = [
      [{ workplaceId: boende }, [{ field: 'personId', code: 'INVALID' }]],
      [
        { workplaceId: boende, personId: existing.id, newPerson: { firstName: 'A', lastName: 'B', email: 'a.b@motala.se' } },
        [{ field: 'personId', code: 'INVALID' }],
      ],
      [
        { workplaceId: boende, newPerson: { firstName: ' ', lastName: 'B', email: 'inte-en-adress' } },
        [
          { field: 'newPerson.firstName', code: 'INVALID' },
          { field: 'newPerson.email', code: 'INVALID' },
        ],
      ],
      [
        { workplaceId: boende, newPerson: { firstName: 'Ny', lastName: 'Person', email: 'MARTA.NYKVIST@motala.se' } },
        [{ field: 'newPerson.email', code: 'TAKEN' }],
      ],
      [
        { workplaceId: boende, newPerson: { firstName: 'Ny', lastName: 'Person', email: 'ny.person@motala.se' }, employeeNumber: 'N-1' },
        [{ field: 'employeeNumber', code: 'TAKEN' }],
      ],
    ];
    for (const [input, errors] of cases) {
      const result = await employ(input);
      expect([input, result.errors.map(({ field, code }) => ({ field, code }))]).toEqual([input, errors]);
    }
    expect(await snapshot(api)).toBe(before);
  });

  it('correct and end an employment, each with an audit entry', async () => {
    const person = await createPerson(api, motala);
    const created = (await employ({ personId: person.id, workplaceId: boende, title: 'Vårdbiträde' })).employment!;
    const updated = await api.graphql(UPDATE, { input: { id: created.id, title: 'Undersköterska', employeeNumber: 'U-7' } });
    expect(updated.data!.employmentUpdate).toMatchObject({ employment: { title: 'Undersköterska', employeeNumber: 'U-7' }, errors: [] });
    const cleared = await api.graphql(UPDATE, { input: { id: created.id, title: null } });
    expect(cleared.data!.employmentUpdate.employment.title).toBeNull();
    const ended = await api.graphql(END, { input: { id: created.id } });
    expect(ended.data!.employmentEnd.employment).toMatchObject({ endsOn: today, status: 'CURRENT' });
    const trail = await api.graphql(`query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation } } } }`, {
      id: created.id,
    });
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.auditEntries.edges.map((edge: { node: { operation: string } }) => edge.node.operation).sort()).toEqual([
      'employmentCreate',
      'employmentEnd',
      'employmentUpdate',
      'employmentUpdate',
    ]);
  });
});

describe('who reads and changes staff', () => {
  let staffOfHemtjanst: string;
  const clients = {} as Record<string, GraphQLClient>;

  beforeAll(async () => {
    const staff = await createPerson(api, motala, { firstName: 'Rut', lastName: 'Ask' });
    staffOfHemtjanst = staff.id;
    await employ({ personId: staff.id, workplaceId: hemtjanst });
    await api.createAccount(staff.id);
    clients.staff = await api.signIn(staff.email);
    clients.organisationAdmin = (await signedInPerson(api, motala, { role: 'ORGANISATION_ADMIN', organisationId: motala })).client;
    clients.otherOrganisationAdmin = (
      await signedInPerson(api, norrkoping, { role: 'ORGANISATION_ADMIN', organisationId: norrkoping })
    ).client;
    clients.manager = (await signedInPerson(api, motala, { role: 'MANAGER', workplaceId: hemtjanst })).client;
    clients.managerElsewhere = (await signedInPerson(api, motala, { role: 'MANAGER', workplaceId: boende })).client;
    clients.workplaceCoordinator = (await signedInPerson(api, motala, { role: 'WORKPLACE_COORDINATOR', workplaceId: hemtjanst })).client;
    clients.competenceCoordinator = (await signedInPerson(api, motala, { role: 'COMPETENCE_COORDINATOR', workplaceId: hemtjanst })).client;
    const key = async (input: Record<string, unknown>) => {
      const response = await api.graphql(
        `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`,
        {
          input: { name: 'HR-systemet', ...input },
        },
      );
      expect(response.data!.apiClientCreate.errors).toEqual([]);
      return api.client(null, { authorization: `Bearer ${response.data!.apiClientCreate.key}` });
    };
    clients.readingClient = await key({ scopes: ['READ_DIRECTORY'], organisationId: motala });
    clients.writingClient = await key({ scopes: ['WRITE_DIRECTORY'], organisationId: motala });
    clients.otherClient = await key({ scopes: ['WRITE_DIRECTORY'], organisationId: norrkoping });
  });

  it('reads a workplace staff list: its organisation admins, its manager and workplace coordinator, API clients of its organisation', async () => {
    const count = async (client: GraphQLClient) => {
      const response = await client(`query($id: ID!) { workplace(id: $id) { staff { totalCount } } }`, { id: hemtjanst });
      expect(response.errors).toBeUndefined();
      return response.data!.workplace ? response.data!.workplace.staff.totalCount : 'no workplace';
    };
    const seen = Object.fromEntries(await Promise.all(Object.entries(clients).map(async ([name, client]) => [name, await count(client)])));
    expect(seen).toEqual({
      staff: 'no workplace',
      organisationAdmin: 7,
      otherOrganisationAdmin: 'no workplace',
      manager: 7,
      managerElsewhere: 'no workplace',
      workplaceCoordinator: 7,
      // Competence coordinators see the workplace but not its staff list.
      competenceCoordinator: 0,
      readingClient: 7,
      writingClient: 7,
      otherClient: 'no workplace',
    });
  });

  it("shows staff members' e-mail only to those who may see it by the person rules", async () => {
    const email = async (client: GraphQLClient) => {
      const response = await client(STAFF, { id: hemtjanst, first: 100 });
      const edge = response.data!.workplace.staff.edges.find(
        (candidate: { node: { person: { id: string } } }) => candidate.node.person.id === staffOfHemtjanst,
      );
      return edge.node.person.email === null ? 'hidden' : 'shown';
    };
    expect(await email(api.graphql)).toBe('shown');
    expect(await email(clients.organisationAdmin!)).toBe('shown');
    expect(await email(clients.manager!)).toBe('hidden');
    expect(await email(clients.workplaceCoordinator!)).toBe('hidden');
    expect(await email(clients.readingClient!)).toBe('hidden');
  });

  it("shows one's own employments to oneself", async () => {
    const response = await clients.staff!(`{ me { employments { status } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.me.employments).toEqual([{ status: 'CURRENT' }]);
  });

  it('changes employments: administrators, organisation admins and API clients with WRITE_DIRECTORY of the organisation', async () => {
    const outcome = async (client: GraphQLClient) => {
      const person = await createPerson(api, motala);
      const response = await client(CREATE, { input: { startsOn: '2024-01-01', personId: person.id, workplaceId: boende } });
      // A read-only API client is refused before any resolver runs.
      if (response.errors) return `request ${response.errors[0]!.extensions!.code}`;
      return response.data!.employmentCreate.errors[0]?.code ?? 'ok';
    };
    const seen = Object.fromEntries(
      await Promise.all(
        Object.entries({ administrator: api.graphql, ...clients }).map(async ([name, client]) => [name, await outcome(client)]),
      ),
    );
    expect(seen).toEqual({
      administrator: 'ok',
      staff: 'NOT_FOUND',
      organisationAdmin: 'ok',
      otherOrganisationAdmin: 'NOT_FOUND',
      manager: 'NOT_FOUND',
      managerElsewhere: 'FORBIDDEN',
      workplaceCoordinator: 'NOT_FOUND',
      competenceCoordinator: 'NOT_FOUND',
      readingClient: 'request FORBIDDEN',
      writingClient: 'ok',
      otherClient: 'NOT_FOUND',
    });
  });

  it('imports through an API client with WRITE_DIRECTORY, not with READ_DIRECTORY nor for another organisation', async () => {
    const IMPORT = `mutation($input: StaffImportInput!) { staffImport(input: $input) { imported summary { created } ${USER_ERRORS} } }`;
    const input = (prefix: string) => ({ organisationId: motala, format: 'CSV', file: staffCsv(staffRows(2, ['Boendet'], prefix)) });
    const written = await clients.writingClient!(IMPORT, { input: input('w') });
    expect(written.data!.staffImport).toMatchObject({ imported: true, summary: { created: 2 }, errors: [] });
    const read = await clients.readingClient!(IMPORT, { input: input('r') });
    expect(read.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const other = await clients.otherClient!(IMPORT, { input: input('o') });
    expect(other.data!.staffImport.errors).toEqual([expect.objectContaining({ field: 'organisationId', code: 'FORBIDDEN' })]);
    const invite = await clients.writingClient!(IMPORT, { input: { ...input('i'), invite: true } });
    expect(invite.data!.staffImport.errors).toEqual([expect.objectContaining({ field: 'invite', code: 'FORBIDDEN' })]);
  });

  it('node(id:) of an employment is null for those who may not read it', async () => {
    const person = await createPerson(api, norrkoping);
    const employment = (await employ({ personId: person.id, workplaceId: norrkopingWorkplace })).employment!;
    const node = async (client: GraphQLClient) =>
      (await client(`query($id: ID!) { node(id: $id) { id } }`, { id: employment.id })).data!.node;
    expect(await node(api.graphql)).toEqual({ id: employment.id });
    expect(await node(clients.organisationAdmin!)).toBeNull();
    expect(await node(clients.otherOrganisationAdmin!)).toEqual({ id: employment.id });
  });
});
