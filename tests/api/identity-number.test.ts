import { randomBytes } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_ADMINISTRATOR_EMAIL, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { ConfigError, loadConfig } from '@evikomp/api/config';
import { startServer } from '@evikomp/api/server';
import {
  IdentityNumberKey,
  IdentityNumberKeyring,
  TEST_IDENTITY_NUMBER_KEY,
} from '@evikomp/api/modules/identity-number/identity-number-keys';
import { createOrganisation, createPerson, createWorkplace, signedInPerson, snapshot, USER_ERRORS } from '../support/factories.js';

// Valid numbers (check digits computed by hand): a personnummer and a coordination number (day 18 + 60).
const NUMBER = { long: '19811218-9876', digits: '198112189876', short: '811218-9876' };
const COORDINATION = { long: '19811278-9873', digits: '198112789873' };
const OTHER = { long: '19760503-1231', digits: '197605031231' };
/** What may never be in an answer or a column: the ten digits after the century, with and without the hyphen. */
const TRACES = ['8112189876', '811218-9876', '811218+9876', '8112789873', '811278-9873', '7605031231', '760503-1231'];

const UPDATE = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { id identityNumber } ${USER_ERRORS} } }`;
const CREATE = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id identityNumber } ${USER_ERRORS} } }`;
const READ = `query($id: ID!, $org: ID!) {
  person(id: $id) { id identityNumber }
  node(id: $id) { ... on Person { identityNumber } }
  nodes(ids: [$id]) { ... on Person { identityNumber } }
  people(filter: { homeOrganisationId: $org }, first: 100) { edges { node { id identityNumber } } }
  roleAssignments(filter: { personId: $id }) { edges { node { person { identityNumber } } } }
  me { identityNumber }
}`;
const FIND = `query($number: String!) { personByIdentityNumber(identityNumber: $number) { id identityNumber } }`;

let api: TestApi;
const ids = {} as Record<'motala' | 'norrkoping' | 'workplace' | 'otherWorkplace' | 'subject' | 'coordinated', string>;
const callers = {} as Record<string, GraphQLClient>;

async function withKey(key: string): Promise<GraphQLClient> {
  return async (query, variables) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, sqlStatements: NaN, callerLookedUp: false, setCookie: null, ...((await response.json()) as object) };
  };
}

async function apiClient(input: Record<string, unknown>): Promise<GraphQLClient> {
  const response = await api.graphql(`mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`, {
    input: { name: 'HR-systemet', ...input },
  });
  expect(response.data!.apiClientCreate.errors).toEqual([]);
  return withKey(response.data!.apiClientCreate.key);
}

function expectNoTrace(answer: unknown, who: string) {
  const text = JSON.stringify(answer);
  for (const trace of TRACES) expect(text, `${who} got ${trace}`).not.toContain(trace);
}

beforeAll(async () => {
  api = await startTestApi();
  ids.motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  ids.norrkoping = (await createOrganisation(api, { name: 'Norrköpings kommun' })).id;
  ids.workplace = (await createWorkplace(api, ids.motala, { joinedOn: '2020-01-01' })).id;
  ids.otherWorkplace = (await createWorkplace(api, ids.motala, { joinedOn: '2020-01-01' })).id;
  // The person whose number is set: staff at the workplace, where they coordinate (so managers and coordinators see them).
  const subject = await signedInPerson(api, ids.motala, { role: 'WORKPLACE_COORDINATOR', workplaceId: ids.workplace });
  ids.subject = subject.id;
  callers.self = subject.client;
  callers.organisationAdmin = (await signedInPerson(api, ids.motala, { role: 'ORGANISATION_ADMIN', organisationId: ids.motala })).client;
  callers.otherOrganisationAdmin = (
    await signedInPerson(api, ids.norrkoping, { role: 'ORGANISATION_ADMIN', organisationId: ids.norrkoping })
  ).client;
  callers.manager = (await signedInPerson(api, ids.motala, { role: 'MANAGER', workplaceId: ids.workplace })).client;
  callers.competenceCoordinator = (
    await signedInPerson(api, ids.norrkoping, { role: 'COMPETENCE_COORDINATOR', workplaceId: ids.workplace })
  ).client;
  callers.otherWorkplaceCoordinator = (
    await signedInPerson(api, ids.motala, { role: 'WORKPLACE_COORDINATOR', workplaceId: ids.otherWorkplace })
  ).client;
  callers.colleague = (await signedInPerson(api, ids.motala)).client;
  const everyScope = ['READ_DIRECTORY', 'WRITE_DIRECTORY', 'READ_CONTACT_DETAILS', 'READ_TRAINING', 'WRITE_TRAINING', 'READ_STATISTICS'];
  callers.countyApiClient = await apiClient({ scopes: everyScope });
  callers.organisationApiClient = await apiClient({ scopes: everyScope, organisationId: ids.motala });
  callers.anonymous = api.anonymous;
});
afterAll(() => api?.stop());

describe('setting a personal identity number', () => {
  it('refuses invalid numbers naming the field and the problem, and writes nothing', async () => {
    const before = await snapshot(api);
    const cases: [string, RegExp][] = [
      ['19811218-9875', /check digit/],
      ['811218-9877', /check digit/],
      ['19810231-9871', /date of birth/],
      ['19811292-9875', /date of birth/],
      ['19811218-987', /YYYYMMDD-NNNN/],
      ['1981121898761', /YYYYMMDD-NNNN/],
      ['19811218/9876', /YYYYMMDD-NNNN/],
    ];
    for (const [number, message] of cases) {
      const response = await api.graphql(UPDATE, { input: { id: ids.subject, identityNumber: number } });
      expect(response.data!.personUpdate, number).toEqual({
        person: null,
        errors: [{ field: 'identityNumber', code: 'INVALID', message: expect.stringMatching(message) }],
      });
    }
    // With another bad field, both are named at once; nobody is created.
    const create = await api.graphql(CREATE, {
      input: {
        firstName: 'Ny',
        lastName: 'Person',
        email: 'inte-en-adress',
        homeOrganisationId: ids.motala,
        identityNumber: '19811218-9875',
      },
    });
    expect(create.data!.personCreate.errors.map((error: { field: string }) => error.field).sort()).toEqual(['email', 'identityNumber']);
    expect(await snapshot(api)).toBe(before);
  });

  it('takes every accepted form and stores twelve digits, which administrators read as YYYYMMDD-NNNN', async () => {
    for (const form of [NUMBER.short, NUMBER.digits, '8112189876', NUMBER.long]) {
      const response = await api.graphql(UPDATE, { input: { id: ids.subject, identityNumber: form } });
      expect(response.data!.personUpdate, form).toEqual({ person: { id: ids.subject, identityNumber: NUMBER.long }, errors: [] });
    }
    const created = await api.graphql(CREATE, {
      input: {
        firstName: 'Sam',
        lastName: 'Ordning',
        email: 'sam.ordning@example.se',
        homeOrganisationId: ids.motala,
        identityNumber: '811278-9873',
      },
    });
    expect(created.data!.personCreate).toMatchObject({ person: { identityNumber: COORDINATION.long }, errors: [] });
    ids.coordinated = created.data!.personCreate.person.id;
  });

  it('gives one number to one person', async () => {
    const other = await createPerson(api, ids.motala);
    const before = await snapshot(api);
    const response = await api.graphql(UPDATE, { input: { id: other.id, identityNumber: NUMBER.short } });
    expect(response.data!.personUpdate.errors).toEqual([{ field: 'identityNumber', code: 'TAKEN', message: expect.any(String) }]);
    expect(await snapshot(api)).toBe(before);
  });

  it("lets the organisation's administrators set it without reading it, and nobody else set it", async () => {
    const person = await createPerson(api, ids.motala);
    const set = await callers.organisationAdmin!(UPDATE, { input: { id: person.id, identityNumber: OTHER.long } });
    expect(set.data!.personUpdate).toEqual({ person: { id: person.id, identityNumber: null }, errors: [] });
    expectNoTrace(set, 'the organisation admin');
    expect((await api.graphql(READ, { id: person.id, org: ids.motala })).data!.person.identityNumber).toBe(OTHER.long);

    // API keys count their requests (rate_limit): everything else must stay as it was.
    const rows = async () => (await snapshot(api)).split('\n').filter((line) => !line.startsWith('rate_limit '));
    const before = await rows();
    for (const who of ['self', 'manager', 'competenceCoordinator', 'colleague', 'countyApiClient', 'organisationApiClient']) {
      const response = await callers[who]!(UPDATE, { input: { id: ids.subject, identityNumber: OTHER.long } });
      expect(response.data?.personUpdate?.person ?? null, who).toBeNull();
      if (who === 'self' || who.endsWith('ApiClient')) {
        expect(response.data!.personUpdate.errors, who).toEqual([expect.objectContaining({ field: 'identityNumber', code: 'FORBIDDEN' })]);
      }
      expect(response.data?.personUpdate?.errors?.length ?? response.errors?.length, who).toBeGreaterThan(0);
    }
    const client = await callers.countyApiClient!(CREATE, {
      input: {
        firstName: 'Api',
        lastName: 'Person',
        email: 'api.person@example.se',
        homeOrganisationId: ids.motala,
        identityNumber: '19900101-0017',
      },
    });
    expect(client.data!.personCreate.errors).toEqual([expect.objectContaining({ field: 'identityNumber', code: 'FORBIDDEN' })]);
    const otherOrganisation = await callers.otherOrganisationAdmin!(UPDATE, {
      input: { id: ids.subject, identityNumber: '19900101-0017' },
    });
    expect(otherOrganisation.data!.personUpdate.errors).toHaveLength(1);
    expect(await rows()).toEqual(before);
  });

  it('removes it with an empty text', async () => {
    const person = await createPerson(api, ids.motala, { identityNumber: '19900101-0017' });
    const removed = await api.graphql(UPDATE, { input: { id: person.id, identityNumber: '' } });
    expect(removed.data!.personUpdate).toEqual({ person: { id: person.id, identityNumber: null }, errors: [] });
    expect((await api.graphql(FIND, { number: '19900101-0017' })).data!.personByIdentityNumber).toBeNull();
  });
});

describe('reading it', () => {
  it('answers administrators, in every place a person appears', async () => {
    const answer = await api.graphql(READ, { id: ids.subject, org: ids.motala });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.person.identityNumber).toBe(NUMBER.long);
    expect(answer.data!.node.identityNumber).toBe(NUMBER.long);
    expect(answer.data!.roleAssignments.edges[0].node.person.identityNumber).toBe(NUMBER.long);
    expect((await api.graphql(FIND, { number: NUMBER.digits })).data!.personByIdentityNumber).toEqual({
      id: ids.subject,
      identityNumber: NUMBER.long,
    });
    expect((await api.graphql(FIND, { number: '19811278-9873' })).data!.personByIdentityNumber.id).toBe(ids.coordinated);
    expect((await api.graphql(FIND, { number: '19900101-0017' })).data!.personByIdentityNumber).toBeNull();
    const invalid = await api.graphql(FIND, { number: '19811218-9875' });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'identityNumber' });
  });

  it('answers nobody else: organisation admins, managers, coordinators, colleagues, the person, API clients, anonymous', async () => {
    for (const [who, client] of Object.entries(callers)) {
      const answer = await client(READ, { id: ids.subject, org: ids.motala });
      expectNoTrace(answer, who);
      // They see the person (where their role lets them), but not the number.
      if (answer.data?.person) expect(answer.data.person.identityNumber, who).toBeNull();
      const found = await client(FIND, { number: NUMBER.long });
      expect(found.data?.personByIdentityNumber ?? null, who).toBeNull();
      expect(found.errors?.[0]?.extensions?.code, who).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
      expectNoTrace(found, who);
    }
    // The walk saw the person: the nulls above are refusals, not people out of sight.
    expect((await callers.organisationAdmin!(READ, { id: ids.subject, org: ids.motala })).data!.person.id).toBe(ids.subject);
    expect((await callers.manager!(READ, { id: ids.subject, org: ids.motala })).data!.person.id).toBe(ids.subject);
    expect((await callers.self!(READ, { id: ids.subject, org: ids.motala })).data!.me.identityNumber).toBeNull();
    expect((await callers.countyApiClient!(READ, { id: ids.subject, org: ids.motala })).data!.person.id).toBe(ids.subject);
  });

  it("is in the person's personal-data export, and erasure removes it", async () => {
    const person = await createPerson(api, ids.motala, { identityNumber: '19900101-0017' });
    const exported = await api.graphql(`query($id: ID!) { personDataExport(id: $id) }`, { id: person.id });
    expect(exported.data!.personDataExport.identityNumber).toBe('19900101-0017');
    const erased = await api.graphql(
      `mutation($input: PersonEraseInput!) { personErase(input: $input) { person { identityNumber } ${USER_ERRORS} } }`,
      {
        input: { id: person.id, confirm: true },
      },
    );
    expect(erased.data!.personErase).toEqual({ person: { identityNumber: null }, errors: [] });
    const rows = await api.orm.em.getConnection().execute('select 1 from person_identity_number where person_id = ?', [rowId(person.id)!]);
    expect(rows).toHaveLength(0);
    expect((await api.graphql(FIND, { number: '19900101-0017' })).data!.personByIdentityNumber).toBeNull();
  });
});

/** Every table row as text, and every bytea column's bytes, that contain `needle`: `table.column` names. */
async function whereInDatabase(needle: string): Promise<string[]> {
  const connection = api.orm.em.getConnection();
  const columns = await connection.execute<{ table_name: string; column_name: string; data_type: string }[]>(
    `select c.table_name, c.column_name, c.data_type from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = 'public'
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED')
      order by 1, 2`,
  );
  expect(columns.length).toBeGreaterThan(50);
  const found: string[] = [];
  for (const { table_name: table, column_name: column, data_type: type } of columns) {
    const condition = type === 'bytea' ? `position(convert_to(?, 'UTF8') in "${column}") > 0` : `"${column}"::text like '%' || ? || '%'`;
    const [counted] = await connection.execute<{ count: string }[]>(`select count(*) as count from "${table}" where ${condition}`, [
      needle,
    ]);
    if (Number(counted!.count) > 0) found.push(`${table}.${column}`);
  }
  return found;
}

describe('at rest', () => {
  it('is in no column of the database in plain text, not even the audit trail', async () => {
    // The search works: it finds a plain value the same way.
    expect(await whereInDatabase('sam.ordning@example.se')).toContain('person.email');
    for (const trace of [...TRACES, NUMBER.digits, COORDINATION.digits]) expect(await whereInDatabase(trace), trace).toEqual([]);
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ key_id: string }[]>('select key_id from person_identity_number where person_id = ?', [rowId(ids.subject)!]);
    expect(row!.key_id).toBe(new IdentityNumberKey(TEST_IDENTITY_NUMBER_KEY).id);
  });
});

describe('rotating the key', () => {
  const logger = pino({ level: 'silent' });

  it('re-encrypts every row at start-up with the new key; the numbers read back and are found with the new key alone', async () => {
    const connection = api.orm.em.getConnection();
    const read = () =>
      connection.execute<{ person_id: string; key_id: string; sealed: Buffer; lookup_hash: Buffer }[]>(
        'select person_id, key_id, sealed, lookup_hash from person_identity_number order by person_id',
      );
    const before = await read();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const newKey = randomBytes(32);
    const config = loadConfig({
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO_DATA: 'false',
      DATABASE_URL: api.databaseUrl,
      IDENTITY_NUMBER_KEY: base64(newKey),
      IDENTITY_NUMBER_KEY_PREVIOUS: base64(TEST_IDENTITY_NUMBER_KEY),
    });
    const server = await startServer(config, logger);
    await server.stop();

    const after = await read();
    expect(after.map((row) => row.person_id)).toEqual(before.map((row) => row.person_id));
    const newKeyId = new IdentityNumberKey(newKey).id;
    for (const [index, row] of after.entries()) {
      expect(row.key_id).toBe(newKeyId);
      expect(row.sealed.equals(before[index]!.sealed)).toBe(false);
      expect(row.lookup_hash.equals(before[index]!.lookup_hash)).toBe(false);
    }
    for (const trace of TRACES) expect(await whereInDatabase(trace), trace).toEqual([]);

    // Another API with only the new key: reads every number back and finds people by them.
    const rotated = await startTestApi({
      databaseUrl: api.databaseUrl,
      withAdministrator: false,
      identityNumberKeys: new IdentityNumberKeyring(newKey),
    });
    try {
      const administrator = await rotated.signIn(TEST_ADMINISTRATOR_EMAIL);
      expect((await administrator(READ, { id: ids.subject, org: ids.motala })).data!.person.identityNumber).toBe(NUMBER.long);
      expect((await administrator(FIND, { number: NUMBER.short })).data!.personByIdentityNumber.id).toBe(ids.subject);
      expect((await administrator(FIND, { number: COORDINATION.digits })).data!.personByIdentityNumber).toEqual({
        id: ids.coordinated,
        identityNumber: COORDINATION.long,
      });
      // New numbers are sealed with the new key too.
      const person = await createPerson({ ...rotated, graphql: administrator }, ids.motala, { identityNumber: '19900101-0017' });
      const [row] = await connection.execute<{ key_id: string }[]>('select key_id from person_identity_number where person_id = ?', [
        rowId(person.id)!,
      ]);
      expect(row!.key_id).toBe(newKeyId);
    } finally {
      await rotated.stop();
    }

    // A start with neither key that sealed them refuses, saying what to set.
    const stranger = loadConfig({
      PORT: '0',
      NODE_ENV: 'test',
      SEED_DEMO_DATA: 'false',
      DATABASE_URL: api.databaseUrl,
      IDENTITY_NUMBER_KEY: base64(randomBytes(32)),
    });
    await expect(startServer(stranger, logger)).rejects.toThrow(
      /sealed with a key that is not configured .*: set IDENTITY_NUMBER_KEY_PREVIOUS/,
    );
  });
});

describe('configuration', () => {
  it('refuses to start production without the key, saying what to set', () => {
    const production = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://mail:587',
      PUBLIC_URL: 'https://evikomp.example.se',
      SECOND_FACTOR_KEY: base64(randomBytes(32)),
    };
    expect(() => loadConfig(production)).toThrow(ConfigError);
    expect(() => loadConfig(production)).toThrow(
      /IDENTITY_NUMBER_KEY: must be set in production to a key of 32 random bytes in base64, e\.g\. from `openssl rand -base64 32`/,
    );
    expect(loadConfig({ ...production, IDENTITY_NUMBER_KEY: base64(Buffer.alloc(32, 3)) }).identityNumberKey).toEqual(Buffer.alloc(32, 3));
    expect(() => loadConfig({ IDENTITY_NUMBER_KEY: base64(Buffer.alloc(16)) })).toThrow(/IDENTITY_NUMBER_KEY: must be 32 bytes/);
    expect(() => loadConfig({ IDENTITY_NUMBER_KEY_PREVIOUS: base64(Buffer.alloc(32)) })).toThrow(
      /IDENTITY_NUMBER_KEY must be set to the new one/,
    );
  });
});

function base64(key: Buffer): string {
  return key.toString('base64');
}
