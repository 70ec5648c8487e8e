/**
 * A second factor (issue 10): TOTP with single-use recovery codes that anyone may turn on; sign-in asks for the
 * code when it is on; administrators in production must have one before they can do anything else; resetting
 * someone's is an audited administrator action.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, totpCode, TEST_PASSWORD, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, signedInPerson, USER_ERRORS } from '../support/factories.js';

const STATUS = `{ secondFactor { enabled required recoveryCodesLeft } }`;
const SETUP = `mutation { secondFactorSetup { otpauthUri secret ${USER_ERRORS} } }`;
const CONFIRM = `mutation($code: String!) { secondFactorConfirm(input: { code: $code }) { recoveryCodes ${USER_ERRORS} } }`;
const RESET = `mutation($personId: ID!) { secondFactorReset(input: { personId: $personId }) { person { id } ${USER_ERRORS} } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { me { id } secondFactorRequired ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

/** Turns the second factor on for a signed-in client: answers the secret and the recovery codes. */
async function turnOn(client: GraphQLClient): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await client(SETUP);
  expect(setup.data!.secondFactorSetup.errors).toEqual([]);
  const secret = setup.data!.secondFactorSetup.secret as string;
  const confirmed = await client(CONFIRM, { code: await totpCode(secret) });
  expect(confirmed.data!.secondFactorConfirm.errors).toEqual([]);
  return { secret, recoveryCodes: confirmed.data!.secondFactorConfirm.recoveryCodes };
}

async function signIn(target: TestApi, email: string, secondFactorCode?: string) {
  const response = await target.anonymous(SIGN_IN, { input: { email, password: TEST_PASSWORD, secondFactorCode } });
  return {
    ...(response.data!.signIn as { me: { id: string } | null; secondFactorRequired: boolean; errors: { field: string; code: string }[] }),
    cookie: response.setCookie,
  };
}

describe('turning a second factor on', () => {
  it('anyone may: a secret answered once as an otpauth URI, confirmed with a code, then ten recovery codes', async () => {
    const person = await signedInPerson(api, organisationId);
    expect((await person.client(STATUS)).data).toEqual({ secondFactor: { enabled: false, required: false, recoveryCodesLeft: 0 } });

    const setup = (await person.client(SETUP)).data!.secondFactorSetup;
    expect(setup.errors).toEqual([]);
    expect(setup.otpauthUri).toMatch(new RegExp(`^otpauth://totp/Evikomp:${encodeURIComponent(person.email)}\\?`));
    expect(new URL(setup.otpauthUri).searchParams.get('secret')).toBe(setup.secret);
    expect(new URL(setup.otpauthUri).searchParams.get('issuer')).toBe('Evikomp');
    // Not on until confirmed: sign-in does not ask for it yet.
    expect((await signIn(api, person.email)).errors).toEqual([]);

    const wrong = await person.client(CONFIRM, { code: '000000' });
    expect(wrong.data!.secondFactorConfirm).toEqual({
      recoveryCodes: [],
      errors: [expect.objectContaining({ field: 'code', code: 'INVALID_SECOND_FACTOR' })],
    });
    const confirmed = (await person.client(CONFIRM, { code: await totpCode(setup.secret) })).data!.secondFactorConfirm;
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    expect((await person.client(STATUS)).data).toEqual({ secondFactor: { enabled: true, required: false, recoveryCodesLeft: 10 } });

    // The secret and the codes are never stored as given, and never answered again.
    const stored = await api.orm.em
      .getConnection()
      .execute<{ row: string }[]>(
        `select row_to_json(f)::text as row from second_factor f where person_id = ? union all select row_to_json(c)::text from recovery_code c where person_id = ?`,
        [rowId(person.id), rowId(person.id)],
      );
    expect(stored).toHaveLength(11);
    for (const secret of [setup.secret, ...confirmed.recoveryCodes]) expect(stored.map((row) => row.row).join()).not.toContain(secret);
    const again = (await person.client(SETUP)).data!.secondFactorSetup;
    expect(again).toEqual({ otpauthUri: null, secret: null, errors: [expect.objectContaining({ code: 'CONFLICT' })] });
  });
});

describe('signing in with a second factor', () => {
  it('answers SECOND_FACTOR_REQUIRED for the password alone, then takes the code, once', async () => {
    const person = await signedInPerson(api, organisationId);
    const { secret } = await turnOn(person.client);

    const passwordOnly = await signIn(api, person.email);
    expect(passwordOnly).toMatchObject({
      me: null,
      secondFactorRequired: true,
      errors: [expect.objectContaining({ field: 'secondFactorCode', code: 'SECOND_FACTOR_REQUIRED' })],
      cookie: null,
    });
    const wrong = await signIn(api, person.email, '123456');
    expect(wrong).toMatchObject({
      me: null,
      secondFactorRequired: true,
      errors: [expect.objectContaining({ code: 'INVALID_SECOND_FACTOR' })],
    });

    const code = await totpCode(secret, 1);
    const right = await signIn(api, person.email, code);
    expect(right).toMatchObject({ me: { id: person.id }, secondFactorRequired: false, errors: [] });
    expect((await api.client(right.cookie)(`{ me { id } }`)).data).toEqual({ me: { id: person.id } });
    // An overheard code does not work a second time.
    expect((await signIn(api, person.email, code)).errors).toEqual([expect.objectContaining({ code: 'INVALID_SECOND_FACTOR' })]);
  });

  it('takes each recovery code once', async () => {
    const person = await signedInPerson(api, organisationId);
    const { recoveryCodes } = await turnOn(person.client);
    const first = await signIn(api, person.email, recoveryCodes[0]!.toUpperCase());
    expect(first).toMatchObject({ me: { id: person.id }, errors: [] });
    expect((await signIn(api, person.email, recoveryCodes[0])).errors).toEqual([
      expect.objectContaining({ code: 'INVALID_SECOND_FACTOR' }),
    ]);
    expect((await api.client(first.cookie)(STATUS)).data!.secondFactor.recoveryCodesLeft).toBe(9);
  });

  it('counts wrong codes like wrong passwords, and the step without a code not at all', async () => {
    const person = await signedInPerson(api, organisationId);
    const { secret } = await turnOn(person.client);
    for (let attempt = 1; attempt <= 8; attempt += 1) expect((await signIn(api, person.email)).secondFactorRequired).toBe(true);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await signIn(api, person.email, '111111')).errors[0]!.code).toBe('INVALID_SECOND_FACTOR');
    }
    expect((await signIn(api, person.email, '111111')).errors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await signIn(api, person.email, await totpCode(secret, 1))).errors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
  });
});

describe('resetting a second factor', () => {
  it("is an administrator's action: the person's sessions end, the password alone signs in, and the trail records it", async () => {
    const person = await signedInPerson(api, organisationId);
    await turnOn(person.client);
    const organisationAdmin = await signedInPerson(api, organisationId, { role: 'ORGANISATION_ADMIN', organisationId });
    const refused = await organisationAdmin.client(RESET, { personId: person.id });
    expect(refused.data!.secondFactorReset).toEqual({ person: null, errors: [expect.objectContaining({ code: 'FORBIDDEN' })] });
    expect((await person.client(STATUS)).data!.secondFactor.enabled).toBe(true);

    const reset = await api.graphql(RESET, { personId: person.id });
    expect(reset.data!.secondFactorReset).toEqual({ person: { id: person.id }, errors: [] });
    expect((await person.client(`{ me { id } }`)).data).toEqual({ me: null });
    expect(await signIn(api, person.email)).toMatchObject({ me: { id: person.id }, secondFactorRequired: false, errors: [] });
    const again = await api.graphql(RESET, { personId: person.id });
    expect(again.data!.secondFactorReset.errors).toEqual([expect.objectContaining({ field: 'personId', code: 'CONFLICT' })]);

    const trail = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation actor { id } } } } }`,
      {
        id: person.id,
      },
    );
    const operations = trail.data!.auditEntries.edges.map(
      (edge: { node: { operation: string; actor: { id: string } | null } }) => edge.node,
    );
    expect(operations).toContainEqual({ operation: 'secondFactorReset', actor: { id: api.administrator!.personId } });
    expect(operations).toContainEqual({ operation: 'secondFactorConfirm', actor: { id: person.id } });
  });
});

describe('administrators in production', () => {
  let production: TestApi;
  beforeAll(async () => {
    production = await startTestApi({ production: true, administratorSecondFactor: false });
  });
  afterAll(() => production?.stop());

  it('may only set up a second factor until they have one; then everything, and sign-in asks for it', async () => {
    const administrator = production.graphql;
    const list = await administrator(`{ organisations { totalCount } }`);
    expect(list.status).toBe(403);
    expect(list.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN', reason: 'SECOND_FACTOR_SETUP_REQUIRED' } })]);
    expect(list.data).toBeUndefined();
    const mixed = await administrator(
      `mutation { secondFactorSetup { secret } signOut { ok } personUpdate(input: { id: "x" }) { errors { code } } }`,
    );
    expect(mixed.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN', reason: 'SECOND_FACTOR_SETUP_REQUIRED' });
    expect((await administrator(`{ me { id } secondFactor { enabled required recoveryCodesLeft } }`)).data).toEqual({
      me: { id: production.administrator!.personId },
      secondFactor: { enabled: false, required: true, recoveryCodesLeft: 0 },
    });

    const { secret } = await turnOn(administrator);
    expect((await administrator(`{ organisations { totalCount } }`)).data!.organisations.totalCount).toBeGreaterThan(0);
    expect((await administrator(STATUS)).data!.secondFactor).toEqual({ enabled: true, required: false, recoveryCodesLeft: 10 });
    const signedIn = await signIn(production, 'zz.administrator@evikomp.test', await totpCode(secret, 1));
    expect(signedIn.errors).toEqual([]);
  });

  it('other people are not held to it', async () => {
    const organisation = production.administrator!.organisationId;
    // The administrator has a second factor by now (the test above) and creates the person.
    const person = await createPerson(production, organisation);
    await production.createAccount(person.id);
    const client = await production.signIn(person.email);
    expect((await client(`{ people { totalCount } }`)).errors).toBeUndefined();
    // An organisation admin too: only ADMINISTRATOR needs the second factor.
    await assignRole(production, { personId: person.id, role: 'ORGANISATION_ADMIN', organisationId: organisation });
    expect((await client(`{ people { totalCount } }`)).errors).toBeUndefined();
  });
});
