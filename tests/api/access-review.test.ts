/** Holes a security review found, each shut and kept shut. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, TEST_PASSWORD, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';

let api: TestApi;
let motala: string;
let organisationAdmin: GraphQLClient;
let coordinator: GraphQLClient;
let workplace: string;
beforeAll(async () => {
  api = await startTestApi();
  motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  workplace = (await createWorkplace(api, motala, { joinedOn: '2020-01-01' })).id;
  const admin = await createPerson(api, motala, { email: 'org.admin@example.se' });
  await assignRole(api, { personId: admin.id, role: 'ORGANISATION_ADMIN', organisationId: motala });
  await api.createAccount(admin.id);
  organisationAdmin = await api.signIn(admin.email);
  const coordinatorPerson = await createPerson(api, motala, { email: 'coordinator@example.se' });
  await assignRole(api, { personId: coordinatorPerson.id, role: 'WORKPLACE_COORDINATOR', workplaceId: workplace });
  await api.createAccount(coordinatorPerson.id);
  coordinator = await api.signIn(coordinatorPerson.email);
  const colleague = await createPerson(api, motala, { email: 'secret.colleague@hidden.se' });
  await assignRole(api, { personId: colleague.id, role: 'MANAGER', workplaceId: workplace });
});
afterAll(() => api?.stop());

describe('closed holes', () => {
  it("an organisation admin cannot change an administrator's e-mail (account takeover)", async () => {
    const administrator = await createPerson(api, motala, { email: 'central.admin@example.se' });
    await assignRole(api, { personId: administrator.id, role: 'ADMINISTRATOR' });
    const response = await organisationAdmin(`mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: administrator.id, email: 'attacker@evil.se' },
    });
    expect(response.data!.personUpdate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it("changing a person's e-mail ends their sessions and reset links", async () => {
    const person = await createPerson(api, motala);
    await api.createAccount(person.id);
    const session = await api.signIn(person.email);
    await api.anonymous(`mutation($email: String!) { passwordResetRequest(input: { email: $email }) { ok } }`, { email: person.email });
    const token = api.resetMessages.at(-1)!.token;
    await api.graphql(`mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: person.id, email: 'new.address@example.se' },
    });
    expect((await session(`{ me { id } }`)).data).toEqual({ me: null });
    const reset = await api.anonymous(
      `mutation($token: String!) { passwordReset(input: { token: $token, newPassword: "ett-nytt-lösenord" }) { ok errors { code } } }`,
      { token },
    );
    expect(reset.data!.passwordReset.errors).toEqual([{ code: 'INVALID_TOKEN' }]);
  });

  it('hidden e-mail addresses leak neither through search nor through sort cursors', async () => {
    const search = await coordinator(`{ people(filter: { search: "hidden.se" }) { totalCount } }`);
    expect(search.data!.people.totalCount).toBe(0);
    const byName = await coordinator(`{ people(filter: { search: "andersson" }) { totalCount } }`);
    expect(byName.errors).toBeUndefined();
    const sorted = await coordinator(`{ people(orderBy: { field: EMAIL, direction: ASC }) { edges { cursor } } }`);
    expect(sorted.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect((await api.graphql(`{ people(filter: { search: "hidden.se" }) { totalCount } }`)).data!.people.totalCount).toBe(1);
  });

  it('parallel wrong passwords cannot outrun the lock', async () => {
    const person = await createPerson(api, motala);
    await api.createAccount(person.id);
    const attempts = await Promise.all(
      Array.from({ length: 25 }, () =>
        api.anonymous(`mutation($email: String!) { signIn(input: { email: $email, password: "fel-lösenord" }) { errors { code } } }`, {
          email: person.email,
        }),
      ),
    );
    const checked = attempts.filter((response) => response.data!.signIn.errors[0].code === 'INVALID_CREDENTIALS').length;
    expect(checked).toBeLessThanOrEqual(4);
    await expect(api.signIn(person.email, TEST_PASSWORD)).rejects.toThrow(/sign-in/);
  });

  it('keeps the session cookie for the session’s whole life, not just the idle time', async () => {
    const person = await createPerson(api, motala);
    await api.createAccount(person.id);
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation($email: String!) { signIn(input: { email: $email, password: "${TEST_PASSWORD}" }) { errors { code } } }`,
        variables: { email: person.email },
      }),
    });
    const expires = /Expires=([^;]+)/.exec(response.headers.getSetCookie()[0]!)![1]!;
    expect(new Date(expires).getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3_600_000);
  });

  it('keeps key hashes out of the audit trail, and names the API client that made a change', async () => {
    const created = await api.graphql(
      `mutation { apiClientCreate(input: { name: "HR", scopes: [WRITE_DIRECTORY], organisationId: "${motala}" }) { key apiClient { id } errors { code } } }`,
    );
    const { key, apiClient } = created.data!.apiClientCreate;
    const entry = await api.graphql(`query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { changes } } } }`, {
      id: apiClient.id,
    });
    const changes = JSON.stringify(entry.data!.auditEntries.edges[0].node.changes);
    expect(changes).toContain('"keyHash":"[secret]"');
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({
        query: `mutation { workplaceCreate(input: { organisationId: "${motala}", name: "Via HR", type: HOME_CARE }) { errors { code } } }`,
      }),
    });
    const byClient = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { actorApiClientId: $id }) { edges { node { operation actor { id } apiClient { id } } } } }`,
      { id: apiClient.id },
    );
    expect(byClient.data!.auditEntries.edges).toEqual([
      { node: { operation: 'workplaceCreate', actor: null, apiClient: { id: apiClient.id } } },
    ]);
  });

  it('erasing a person ends their open roles and forgets their failed sign-ins', async () => {
    const person = await createPerson(api, motala, { email: 'to.forget@example.se' });
    await assignRole(api, { personId: person.id, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace });
    await api.createAccount(person.id);
    await api.anonymous(`mutation { signIn(input: { email: "to.forget@example.se", password: "fel-lösenord" }) { errors { code } } }`);
    const keysBefore = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from rate_limit where key like 'sign_in_account:%'`);
    await api.graphql(`mutation($id: ID!) { personErase(input: { id: $id, confirm: true }) { errors { code } } }`, { id: person.id });
    const keysAfter = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from rate_limit where key like 'sign_in_account:%'`);
    expect(keysAfter[0]!.n).toBe(keysBefore[0]!.n - 1);
    const roles = await api.graphql(`query($id: ID!) { person(id: $id) { roles { id } } }`, { id: person.id });
    expect(roles.data!.person.roles).toEqual([]);
  });
});
