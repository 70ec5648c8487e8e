import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, organisationNumber, USER_ERRORS } from '../support/factories.js';
import { createCohort, createProgramme, createSession } from '../support/training-factories.js';

const ENTRIES = `query($filter: AuditEntryFilterInput, $first: Int) { auditEntries(filter: $filter, first: $first) {
  totalCount edges { node { id operation subjectType subjectId requestId occurredAt changes actor { id } } } } }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

async function auditCount(): Promise<number> {
  const rows = await api.orm.em.getConnection().execute<{ n: number }[]>('select count(*)::int as n from audit_entry');
  return rows[0]!.n;
}

/** Runs a mutation and returns the single audit entry it wrote. */
async function auditOf(mutation: string, variables: Record<string, unknown>) {
  const before = await auditCount();
  const response = await api.graphql(mutation, variables);
  const payload = Object.values(response.data!)[0] as { errors: unknown[] };
  expect(payload.errors).toEqual([]);
  expect(await auditCount()).toBe(before + 1);
  const latest = await api.graphql(ENTRIES, { first: 1 });
  return latest.data!.auditEntries.edges[0].node;
}

describe('the audit trail', () => {
  it('records a workplace update once, with the changed fields before and after, who and which request', async () => {
    const workplace = await createWorkplace(api, organisationId, { employeeCount: 20, city: 'Motala' });
    const entry = await auditOf(`mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: workplace.id, employeeCount: 25, city: 'Borensberg' },
    });
    expect(entry).toMatchObject({
      operation: 'workplaceUpdate',
      subjectType: 'Workplace',
      subjectId: workplace.id,
      actor: { id: api.administrator!.personId },
    });
    expect(entry.requestId).toMatch(/.+/);
    expect(entry.changes).toEqual([
      {
        entityType: 'Workplace',
        entityId: expect.any(String),
        type: 'update',
        before: { employeeCount: 20, city: 'Motala' },
        after: { employeeCount: 25, city: 'Borensberg' },
      },
    ]);
  });

  it('records every change of a mutation in its one entry: a new manager ends the previous one', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const first = await createPerson(api, organisationId);
    const second = await createPerson(api, organisationId);
    await assignRole(api, { personId: first.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2021-01-01' });
    const entry = await auditOf(`mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: { personId: second.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2024-01-01' },
    });
    expect(entry.operation).toBe('roleAssignmentCreate');
    const types = entry.changes.map((change: { type: string; entityType: string }) => `${change.type} ${change.entityType}`).sort();
    expect(types).toEqual(['create RoleAssignment', 'update RoleAssignment']);
    expect(entry.changes.find((change: { type: string }) => change.type === 'update')).toMatchObject({
      before: { endsOn: null },
      after: { endsOn: '2024-01-01' },
    });
  });

  it('writes exactly one entry for every mutation of the directory', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const other = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const person = await createPerson(api, organisationId);
    const role = await assignRole(api, {
      personId: person.id,
      role: 'COMPETENCE_COORDINATOR',
      workplaceId: workplace.id,
      startsOn: '2022-01-01',
    });
    const moving = await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, startsOn: '2022-01-01' });
    const mutations: [string, string, Record<string, unknown>][] = [
      [
        'organisationCreate',
        `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { ${USER_ERRORS} } }`,
        { input: { name: 'Granskad kommun', kind: 'MUNICIPALITY', organisationNumber: organisationNumber() } },
      ],
      [
        'organisationUpdate',
        `mutation($input: OrganisationUpdateInput!) { organisationUpdate(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: organisationId, name: 'Omdöpt kommun' } },
      ],
      [
        'organisationPopulationSet',
        `mutation($input: OrganisationPopulationSetInput!) { organisationPopulationSet(input: $input) { ${USER_ERRORS} } }`,
        { input: { organisationId, year: 2024, population: 1234 } },
      ],
      [
        'workplaceCreate',
        `mutation($input: WorkplaceCreateInput!) { workplaceCreate(input: $input) { ${USER_ERRORS} } }`,
        { input: { organisationId, name: 'Granskad arbetsplats', type: 'HOME_CARE' } },
      ],
      [
        'workplaceUpdate',
        `mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: other.id, employeeCount: 99 } },
      ],
      [
        'personCreate',
        `mutation($input: PersonCreateInput!) { personCreate(input: $input) { ${USER_ERRORS} } }`,
        { input: { firstName: 'Gun', lastName: 'Granskad', email: 'gun.granskad@example.se', homeOrganisationId: organisationId } },
      ],
      [
        'personUpdate',
        `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: person.id, phone: '013-99 99 99' } },
      ],
      [
        'roleAssignmentCreate',
        `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { ${USER_ERRORS} } }`,
        { input: { personId: person.id, role: 'WORKPLACE_COORDINATOR', workplaceId: other.id } },
      ],
      [
        'roleAssignmentEnd',
        `mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: role.id } },
      ],
      [
        'roleAssignmentMove',
        `mutation($input: RoleAssignmentMoveInput!) { roleAssignmentMove(input: $input) { ${USER_ERRORS} } }`,
        { input: { id: moving.id, workplaceId: other.id } },
      ],
    ];
    for (const [operation, mutation, variables] of mutations) {
      const entry = await auditOf(mutation, variables);
      expect(entry.operation).toBe(operation);
      expect(entry.changes.length).toBeGreaterThan(0);
    }
  });

  it('masks personal data of the people changed', async () => {
    const entry = await auditOf(`mutation($input: PersonCreateInput!) { personCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: {
        firstName: 'Hemlig',
        lastName: 'Hemligsson',
        email: 'hemlig@example.se',
        phone: '070-000 00 00',
        homeOrganisationId: organisationId,
      },
    });
    const text = JSON.stringify(entry.changes);
    expect(text).not.toMatch(/Hemlig|hemlig@example\.se|070-000/);
    expect(entry.changes[0].after).toMatchObject({ firstName: '[personal data]', email: '[personal data]', phone: '[personal data]' });
  });

  it('writes nothing for a refused mutation', async () => {
    const before = await auditCount();
    const response = await api.graphql(
      `mutation { workplaceCreate(input: { organisationId: "nope", name: "X", type: HOME_CARE }) { ${USER_ERRORS} } }`,
    );
    expect(response.data!.workplaceCreate.errors[0].code).toBe('NOT_FOUND');
    const refused = await api.graphql(`mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: (await createWorkplace(api, organisationId)).id, employeeCount: -1 },
    });
    expect(refused.data!.workplaceUpdate.errors[0].code).toBe('INVALID');
    expect(await auditCount()).toBe(before + 1); // the createWorkplace above
  });

  it('records password changes and resets, without anything secret', async () => {
    const person = await createPerson(api, organisationId);
    await api.createAccount(person.id);
    const session = await api.signIn(person.email);
    await session(`mutation { passwordChange(input: { currentPassword: "test-password-123", newPassword: "ett-nytt-lösenord" }) { ok } }`);
    await api.anonymous(`mutation($email: String!) { passwordResetRequest(input: { email: $email }) { ok } }`, { email: person.email });
    await api.anonymous(
      `mutation($token: String!) { passwordReset(input: { token: $token, newPassword: "ett-tredje-lösenord" }) { ok } }`,
      { token: api.resetMessages.at(-1)!.token },
    );
    const entries = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation actor { id } changes } } } }`,
      { id: person.id },
    );
    const operations = entries.data!.auditEntries.edges.map((edge: { node: { operation: string } }) => edge.node.operation);
    expect(operations).toEqual(['passwordReset', 'passwordChange', 'personCreate']);
    expect(entries.data!.auditEntries.edges[0].node).toMatchObject({ actor: { id: person.id }, changes: [] });
    expect(JSON.stringify(entries.data)).not.toMatch(/argon2|lösenord/);
  });

  it('cannot be changed or deleted, not even with SQL', async () => {
    const connection = api.orm.em.getConnection();
    await expect(connection.execute(`update audit_entry set operation = 'x'`)).rejects.toThrow(/cannot be changed/);
    await expect(connection.execute(`delete from audit_entry`)).rejects.toThrow(/cannot be changed/);
    await expect(connection.execute(`truncate audit_entry`)).rejects.toThrow(/cannot be changed/);
  });

  it('is filtered by actor, subject, operation and time, for administrators only', async () => {
    const started = new Date().toISOString();
    const workplace = await createWorkplace(api, organisationId);
    await api.graphql(`mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: workplace.id, employeeCount: 7 },
    });
    const bySubject = await api.graphql(ENTRIES, { filter: { subjectId: workplace.id } });
    expect(bySubject.data!.auditEntries.edges.map((edge: { node: { operation: string } }) => edge.node.operation)).toEqual([
      'workplaceUpdate',
      'workplaceCreate',
    ]);
    const byOperation = await api.graphql(ENTRIES, { filter: { subjectId: workplace.id, operation: 'workplaceCreate' } });
    expect(byOperation.data!.auditEntries.totalCount).toBe(1);
    const byActor = await api.graphql(ENTRIES, { filter: { actorId: api.administrator!.personId, from: started } });
    expect(byActor.data!.auditEntries.totalCount).toBe(2);
    const future = await api.graphql(ENTRIES, { filter: { from: new Date(Date.now() + 60_000).toISOString() } });
    expect(future.data!.auditEntries.totalCount).toBe(0);

    const person = await createPerson(api, organisationId);
    await api.createAccount(person.id);
    await assignRole(api, { personId: person.id, role: 'ORGANISATION_ADMIN', organisationId });
    const organisationAdmin = await api.signIn(person.email);
    const refused = await organisationAdmin(ENTRIES, {});
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('names sessions, cohorts and programmes by their GraphQL type and a global id that node(id:) resolves and the filter finds', async () => {
    const programmeId = await createProgramme(api);
    const cohortId = await createCohort(api, programmeId);
    const sessionId = await createSession(api, { cohortId });
    for (const [id, type, operation] of [
      [programmeId, 'Programme', 'programmeCreate'],
      [cohortId, 'Cohort', 'cohortCreate'],
      [sessionId, 'Session', 'sessionCreate'],
    ] as const) {
      const found = await api.graphql(ENTRIES, { filter: { subjectId: id } });
      expect(found.data!.auditEntries.edges.map((edge: { node: { operation: string } }) => edge.node)).toEqual([
        expect.objectContaining({ operation, subjectType: type, subjectId: id }),
      ]);
      const node = await api.graphql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(node.data!.node).toEqual({ __typename: type, id });
    }
  });
});
