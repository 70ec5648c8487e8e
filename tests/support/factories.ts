import { expect } from 'vitest';
import type { GraphQLClient, TestApi } from '@evikomp/api/testing';

let sequence = 0;
const next = () => (sequence += 1);

/** A valid, unique Swedish organisation number (212000-NNNC with the Luhn check digit C). */
export function organisationNumber(n: number = next()): string {
  const body = `212${String(n).padStart(6, '0')}`;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let value = Number(body[index]) * (index % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  const digits = `${body}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(number: string): string {
  const last = Number(number.at(-1));
  return `${number.slice(0, -1)}${(last + 1) % 10}`;
}

export const USER_ERRORS = 'errors { field message code }';

function expectNoErrors(payload: { errors: unknown[] }) {
  expect(payload.errors).toEqual([]);
}

export async function createOrganisation(api: TestApi, input: Record<string, unknown> = {}) {
  const n = next();
  const response = await api.graphql(
    `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id name organisationNumber } ${USER_ERRORS} } }`,
    { input: { name: `Testkommun ${n}`, kind: 'MUNICIPALITY', organisationNumber: organisationNumber(n), ...input } },
  );
  expectNoErrors(response.data!.organisationCreate);
  return response.data!.organisationCreate.organisation as { id: string; name: string; organisationNumber: string };
}

export async function createWorkplace(api: TestApi, organisationId: string, input: Record<string, unknown> = {}) {
  const response = await api.graphql(
    `mutation($input: WorkplaceCreateInput!) { workplaceCreate(input: $input) { workplace { id name } ${USER_ERRORS} } }`,
    { input: { organisationId, name: `Hemtjänst ${next()}`, type: 'HOME_CARE', employeeCount: 25, joinedOn: '2023-01-01', ...input } },
  );
  expectNoErrors(response.data!.workplaceCreate);
  return response.data!.workplaceCreate.workplace as { id: string; name: string };
}

export async function createPerson(api: TestApi, homeOrganisationId: string, input: Record<string, unknown> = {}) {
  const n = next();
  const response = await api.graphql(
    `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id name email } ${USER_ERRORS} } }`,
    { input: { firstName: 'Karin', lastName: `Andersson${n}`, email: `karin.andersson${n}@example.se`, homeOrganisationId, ...input } },
  );
  expectNoErrors(response.data!.personCreate);
  return response.data!.personCreate.person as { id: string; name: string; email: string };
}

export const ROLE_ASSIGNMENT_CREATE = `mutation($input: RoleAssignmentCreateInput!) {
  roleAssignmentCreate(input: $input) { roleAssignment { id role startsOn endsOn isActive person { id } } ${USER_ERRORS} }
}`;

export async function assignRole(api: TestApi, input: Record<string, unknown>) {
  const response = await api.graphql(ROLE_ASSIGNMENT_CREATE, { input: { startsOn: '2024-01-01', ...input } });
  expectNoErrors(response.data!.roleAssignmentCreate);
  return response.data!.roleAssignmentCreate.roleAssignment as { id: string; role: string; startsOn: string; endsOn: string | null };
}

/** A person of the organisation, with the role if one is given, an account and a signed-in client. */
export async function signedInPerson(
  api: TestApi,
  organisationId: string,
  role?: Record<string, unknown>,
): Promise<{ id: string; email: string; client: GraphQLClient }> {
  const person = await createPerson(api, organisationId);
  if (role) await assignRole(api, { personId: person.id, ...role });
  await api.createAccount(person.id);
  return { id: person.id, email: person.email, client: await api.signIn(person.email) };
}

/** A manager with a sign-in, at a workplace of their own (in the model since 2020). */
export async function signedInManager(api: TestApi, organisationId: string): Promise<{ id: string; email: string; client: GraphQLClient }> {
  const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
  return signedInPerson(api, organisationId, { role: 'MANAGER', workplaceId: workplace.id });
}

/**
 * Columns that every signed-in request may write, refused or not: the last use of a session (and its sliding
 * expiry) and of an API key, recorded at most once a minute. A snapshot leaves them out so it does not depend on
 * how long a test has run; every other column of every table counts.
 */
const WRITTEN_BY_EVERY_REQUEST: Record<string, string[]> = {
  session: ['last_seen_at', 'expires_at'],
  api_client: ['last_used_at'],
};

/**
 * Every row of every table of the public schema, as text (a line per row: the table, then the row as JSON,
 * in a fixed order), to prove that a refused mutation wrote nothing anywhere: compare a snapshot from before
 * with one from after.
 */
export async function snapshot(api: TestApi): Promise<string> {
  const connection = api.orm.em.getConnection();
  const tables = await connection.execute<{ name: string }[]>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const selects = tables.map(({ name }) => {
    const ignored = WRITTEN_BY_EVERY_REQUEST[name] ?? [];
    const row = ignored.length > 0 ? `to_jsonb(t) - array[${ignored.map((column) => `'${column}'`).join(', ')}]` : 'to_jsonb(t)';
    return `select '${name}' as table_name, (${row})::text as row from "${name}" t`;
  });
  const rows = await connection.execute<{ table_name: string; row: string }[]>(
    `select table_name, row from (${selects.join(' union all ')}) rows order by table_name collate "C", row collate "C"`,
  );
  return rows.map((row) => `${row.table_name} ${row.row}`).join('\n');
}
