import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';

const CREATE = `mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) {
  key apiClient { id name keyPrefix scopes isActive organisation { id } } ${USER_ERRORS} } }`;

let api: TestApi;
const ids = {} as Record<string, string>;

beforeAll(async () => {
  api = await startTestApi();
  ids.motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  ids.norrkoping = (await createOrganisation(api, { name: 'Norrköpings kommun' })).id;
  ids.motalaWorkplace = (await createWorkplace(api, ids.motala, { joinedOn: '2020-01-01' })).id;
  ids.norrkopingWorkplace = (await createWorkplace(api, ids.norrkoping, { joinedOn: '2020-01-01' })).id;
  ids.motalaPerson = (await createPerson(api, ids.motala, { email: 'anna.motala@example.se' })).id;
  ids.norrkopingPerson = (await createPerson(api, ids.norrkoping, { email: 'bo.norrkoping@example.se' })).id;
  await assignRole(api, { personId: ids.motalaPerson, role: 'MANAGER', workplaceId: ids.motalaWorkplace });
});
afterAll(() => api?.stop());

async function createClient(input: Record<string, unknown>) {
  const response = await api.graphql(CREATE, { input: { name: 'HR-systemet', scopes: ['READ_DIRECTORY'], ...input } });
  expect(response.data!.apiClientCreate.errors).toEqual([]);
  return response.data!.apiClientCreate as { key: string; apiClient: { id: string; keyPrefix: string } };
}

async function withKey(key: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    ...((await response.json()) as { data?: Record<string, any>; errors?: { extensions?: Record<string, unknown> }[] }),
  };
}

describe('API clients', () => {
  it('shows the key once and stores only its hash', async () => {
    const { key, apiClient } = await createClient({ organisationId: ids.motala });
    expect(key).toMatch(/^evk_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiClient.keyPrefix)).toBe(true);
    const listed = await api.graphql(`{ apiClients { totalCount edges { node { id keyPrefix } } } }`);
    expect(listed.data!.apiClients.edges).toContainEqual({ node: { id: apiClient.id, keyPrefix: apiClient.keyPrefix } });
    const stored = await api.orm.em.getConnection().execute<{ row: string }[]>(`select row_to_json(c)::text as row from api_client c`);
    expect(stored.map((row) => row.row).join()).not.toContain(key);
  });

  it("sees only its own organisation's workplaces and people", async () => {
    const { key } = await createClient({ organisationId: ids.motala });
    const lists = await withKey(key, `{ workplaces { totalCount } people { totalCount edges { node { id email } } } }`);
    expect(lists.data!.workplaces.totalCount).toBe(1);
    expect(lists.data!.people.edges.map((edge: { node: { id: string } }) => edge.node.id)).toEqual([ids.motalaPerson]);
    const other = await withKey(key, `query($p: ID!, $w: ID!) { person(id: $p) { id } workplace(id: $w) { id } node(id: $p) { id } }`, {
      p: ids.norrkopingPerson,
      w: ids.norrkopingWorkplace,
    });
    expect(other.data).toEqual({ person: null, workplace: null, node: null });
    // Contact details need their own scope.
    expect(lists.data!.people.edges[0].node.email).toBeNull();
    const { key: contactKey } = await createClient({ organisationId: ids.motala, scopes: ['READ_DIRECTORY', 'READ_CONTACT_DETAILS'] });
    expect((await withKey(contactKey, `{ people { edges { node { email } } } }`)).data!.people.edges[0].node.email).toBe(
      'anna.motala@example.se',
    );
  });

  it('sees everything when county-wide', async () => {
    const { key } = await createClient({});
    expect((await withKey(key, `{ workplaces { totalCount } }`)).data!.workplaces.totalCount).toBe(await countWorkplaces());
  });

  it('cannot run any mutation with read scopes only', async () => {
    const { key } = await createClient({ organisationId: ids.motala, scopes: ['READ_DIRECTORY', 'READ_CONTACT_DETAILS', 'READ_TRAINING'] });
    const mutations = [
      `mutation { workplaceUpdate(input: { id: "${ids.motalaWorkplace}", employeeCount: 1 }) { errors { code } } }`,
      `mutation { personUpdate(input: { id: "${ids.motalaPerson}", phone: "013-11 11 11" }) { errors { code } } }`,
      `mutation { apiClientCreate(input: { name: "Egen", scopes: [WRITE_DIRECTORY] }) { errors { code } } }`,
      `mutation { signOut { ok } }`,
    ];
    for (const mutation of mutations) {
      const response = await withKey(key, mutation);
      expect(response.status).toBe(403);
      expect(response.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    }
  });

  it("writes within its organisation with a write scope, recorded in the audit trail as the client's", async () => {
    const { key, apiClient } = await createClient({ organisationId: ids.motala, scopes: ['WRITE_DIRECTORY'] });
    const own = await withKey(
      key,
      `mutation { workplaceCreate(input: { organisationId: "${ids.motala}", name: "Från HR-systemet", type: HOME_CARE }) { workplace { id } ${USER_ERRORS} } }`,
    );
    expect(own.data!.workplaceCreate.errors).toEqual([]);
    const other = await withKey(
      key,
      `mutation { workplaceCreate(input: { organisationId: "${ids.norrkoping}", name: "Inte här", type: HOME_CARE }) { ${USER_ERRORS} } }`,
    );
    expect(other.data!.workplaceCreate.errors[0].code).toBe('FORBIDDEN');
    const rows = await api.orm.em
      .getConnection()
      .execute<{ actor_api_client_id: string; actor_person_id: string | null }[]>(
        `select actor_api_client_id, actor_person_id from audit_entry where operation = 'workplaceCreate' order by occurred_at desc limit 1`,
      );
    expect(rows[0]).toEqual({ actor_api_client_id: rowId(apiClient.id), actor_person_id: null });
  });

  it('refuses a revoked key, an expired key and an old key after rotation', async () => {
    const revoked = await createClient({});
    await api.graphql(`mutation($id: ID!) { apiClientRevoke(input: { id: $id }) { ${USER_ERRORS} } }`, { id: revoked.apiClient.id });
    const refused = await withKey(revoked.key, `{ workplaces { totalCount } }`);
    expect(refused.status).toBe(401);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });

    const expiresAt = Date.now() + 2_000;
    const expiring = await createClient({ expiresAt: new Date(expiresAt).toISOString() });
    expect((await withKey(expiring.key, `{ workplaces { totalCount } }`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, expiresAt + 200 - Date.now()));
    expect((await withKey(expiring.key, `{ workplaces { totalCount } }`)).status).toBe(401);

    const rotating = await createClient({});
    const rotated = await api.graphql(`mutation($id: ID!) { apiClientRotate(input: { id: $id }) { key ${USER_ERRORS} } }`, {
      id: rotating.apiClient.id,
    });
    const newKey = rotated.data!.apiClientRotate.key as string;
    expect(newKey).not.toBe(rotating.key);
    expect((await withKey(rotating.key, `{ workplaces { totalCount } }`)).status).toBe(401);
    expect((await withKey(newKey, `{ workplaces { totalCount } }`)).status).toBe(200);
    expect((await withKey('evk_made-up', `{ workplaces { totalCount } }`)).status).toBe(401);
  });

  it('records last use and holds each client to its rate limit', async () => {
    const { key, apiClient } = await createClient({ rateLimitPerMinute: 3 });
    for (let request = 0; request < 3; request += 1) expect((await withKey(key, `{ me { id } }`)).status).toBe(200);
    const over = await withKey(key, `{ me { id } }`);
    expect(over.status).toBe(429);
    expect(over.errors?.[0]?.extensions).toEqual({ code: 'RATE_LIMITED' });
    expect(Number(over.retryAfter)).toBeGreaterThan(0);
    const listed = await api.graphql(`query($id: ID!) { node(id: $id) { ... on ApiClient { lastUsedAt } } }`, { id: apiClient.id });
    expect(listed.data!.node.lastUsedAt).not.toBeNull();
  });

  it('is managed by administrators only', async () => {
    const person = await createPerson(api, ids.motala!);
    await api.createAccount(person.id);
    await assignRole(api, { personId: person.id, role: 'ORGANISATION_ADMIN', organisationId: ids.motala });
    const organisationAdmin = await api.signIn(person.email);
    const create = await organisationAdmin(CREATE, { input: { name: 'Egen', scopes: ['READ_DIRECTORY'], organisationId: ids.motala } });
    expect(create.data!.apiClientCreate).toMatchObject({ key: null, errors: [{ code: 'FORBIDDEN' }] });
    expect((await organisationAdmin(`{ apiClients { totalCount } }`)).errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses bad input with typed errors', async () => {
    const response = await api.graphql(CREATE, { input: { name: ' ', scopes: [], expiresAt: '2020-01-01T00:00:00Z' } });
    expect(response.data!.apiClientCreate.errors.map((error: { field: string }) => error.field).sort()).toEqual(['name', 'scopes']);
    const past = await api.graphql(CREATE, { input: { name: 'X', scopes: ['READ_DIRECTORY'], expiresAt: '2020-01-01T00:00:00Z' } });
    expect(past.data!.apiClientCreate.errors).toEqual([expect.objectContaining({ field: 'expiresAt', code: 'INVALID' })]);
  });
});

describe('API clients and training', () => {
  async function cohortWithRegistrations() {
    const programme = await api.graphql(`mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } } }`);
    const cohort = await api.graphql(
      `mutation($p: ID!) { cohortCreate(input: { programmeId: $p, name: "Omgång", status: OPEN, capacity: 10 }) { cohort { id } } }`,
      {
        p: programme.data!.programmeCreate.programme.id,
      },
    );
    const cohortId = cohort.data!.cohortCreate.cohort.id as string;
    const session = await api.graphql(`mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } } }`, {
      input: { cohortId, startsAt: '2026-09-01T07:00:00Z', endsAt: '2026-09-01T15:00:00Z' },
    });
    const register = async (personId: string) =>
      (
        await api.graphql(
          `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id } ${USER_ERRORS} } }`,
          { input: { cohortId, personId } },
        )
      ).data!.cohortRegister.registration.id as string;
    const motalaPerson = (await createPerson(api, ids.motala!)).id;
    const norrkopingPerson = (await createPerson(api, ids.norrkoping!)).id;
    return {
      cohortId,
      programmeId: programme.data!.programmeCreate.programme.id as string,
      sessionId: session.data!.sessionCreate.session.id as string,
      motalaPerson,
      norrkopingPerson,
      motalaRegistration: await register(motalaPerson),
      norrkopingRegistration: await register(norrkopingPerson),
    };
  }
  const READ = `query($c: ID!, $p: ID!, $s: ID!, $r: ID!) {
    cohorts { totalCount } cohort(id: $c) { id registrations { edges { node { id } } } }
    programme: node(id: $p) { id } session: node(id: $s) { id } registration: node(id: $r) { id } }`;

  it('sees no programmes, cohorts, sessions or registrations without a training scope', async () => {
    const fixture = await cohortWithRegistrations();
    const { key } = await createClient({ organisationId: ids.motala, scopes: ['READ_DIRECTORY', 'WRITE_DIRECTORY'] });
    const response = await withKey(key, READ, {
      c: fixture.cohortId,
      p: fixture.programmeId,
      s: fixture.sessionId,
      r: fixture.motalaRegistration,
    });
    expect(response.data).toEqual({ cohorts: { totalCount: 0 }, cohort: null, programme: null, session: null, registration: null });
    // It sees the person, but not their registrations.
    const person = await withKey(key, `query($id: ID!) { node(id: $id) { ... on Person { registrations { id } } } }`, {
      id: fixture.motalaPerson,
    });
    expect(person.data!.node).toEqual({ registrations: [] });
    // A write scope for the directory is not one for training.
    const registered = await withKey(key, `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { ${USER_ERRORS} } }`, {
      input: { cohortId: fixture.cohortId, personId: ids.motalaPerson },
    });
    expect(registered.data!.cohortRegister.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it("with READ_TRAINING sees the catalogue and its organisation's registrations only, and cannot register", async () => {
    const fixture = await cohortWithRegistrations();
    const { key } = await createClient({ organisationId: ids.motala, scopes: ['READ_TRAINING'] });
    const response = await withKey(key, READ, {
      c: fixture.cohortId,
      p: fixture.programmeId,
      s: fixture.sessionId,
      r: fixture.norrkopingRegistration,
    });
    expect(response.data!.cohorts.totalCount).toBeGreaterThan(0);
    expect(response.data!.cohort.registrations.edges).toEqual([{ node: { id: fixture.motalaRegistration } }]);
    expect(response.data).toMatchObject({ programme: { id: fixture.programmeId }, session: { id: fixture.sessionId }, registration: null });
    const refused = await withKey(key, `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { ${USER_ERRORS} } }`, {
      input: { cohortId: fixture.cohortId, personId: ids.motalaPerson },
    });
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
  });

  it("with WRITE_TRAINING registers its organisation's people only", async () => {
    const fixture = await cohortWithRegistrations();
    const { key } = await createClient({ organisationId: ids.motala, scopes: ['WRITE_TRAINING'] });
    const register = (personId: string) =>
      withKey(key, `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { status } ${USER_ERRORS} } }`, {
        input: { cohortId: fixture.cohortId, personId },
      });
    expect((await register(ids.motalaPerson!)).data!.cohortRegister).toEqual({ registration: { status: 'CONFIRMED' }, errors: [] });
    expect((await register(ids.norrkopingPerson!)).data!.cohortRegister.errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'NOT_FOUND' }),
    ]);
  });

  it('sees no networks, meetings or events without a training scope, and joins nobody to a network', async () => {
    const network = await api.graphql(`mutation { networkCreate(input: { name: "Nätverk för API" }) { network { id } } }`);
    const networkId = network.data!.networkCreate.network.id;
    const meeting = await api.graphql(
      `mutation($n: ID!) { networkMeetingCreate(input: { networkId: $n, title: "Träff", startsAt: "2027-01-20T12:00:00Z", endsAt: "2027-01-20T15:00:00Z" }) { meeting { id } } }`,
      { n: networkId },
    );
    const event = await api.graphql(`mutation { eventCreate(input: { kind: KICK_OFF, name: "Uppstart", status: OPEN }) { event { id } } }`);
    const query = `query($n: ID!, $m: ID!, $e: ID!) { networks { totalCount edges { node { meetings { title } } } } events { totalCount edges { node { name } } }
      network(id: $n) { id } meeting: node(id: $m) { id } event: node(id: $e) { id } }`;
    const variables = { n: networkId, m: meeting.data!.networkMeetingCreate.meeting.id, e: event.data!.eventCreate.event.id };
    const { key } = await createClient({ organisationId: ids.motala, scopes: ['READ_DIRECTORY', 'WRITE_DIRECTORY'] });
    const hidden = await withKey(key, query, variables);
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data).toEqual({
      networks: { totalCount: 0, edges: [] },
      events: { totalCount: 0, edges: [] },
      network: null,
      meeting: null,
      event: null,
    });
    const joined = await withKey(key, `mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { ${USER_ERRORS} } }`, {
      input: { networkId, personId: ids.motalaPerson },
    });
    expect(joined.data!.networkJoin.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    const { key: training } = await createClient({ organisationId: ids.motala, scopes: ['READ_TRAINING'] });
    const shown = await withKey(training, query, variables);
    expect(shown.errors).toBeUndefined();
    expect(shown.data!.networks.totalCount).toBeGreaterThan(0);
    expect(shown.data!.event).toEqual({ id: variables.e });
  });
});

async function countWorkplaces(): Promise<number> {
  return (await api.graphql(`{ workplaces { totalCount } }`)).data!.workplaces.totalCount;
}
