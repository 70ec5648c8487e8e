import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_ADMINISTRATOR_EMAIL, TEST_PASSWORD, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { me { id name roles { role } } ${USER_ERRORS} } }`;
const CHANGE = `mutation($input: PasswordChangeInput!) { passwordChange(input: $input) { ok ${USER_ERRORS} } }`;
const REQUEST_RESET = `mutation($email: String!) { passwordResetRequest(input: { email: $email }) { ok ${USER_ERRORS} } }`;
const RESET = `mutation($input: PasswordResetInput!) { passwordReset(input: $input) { ok ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi({ throttle: { maxFailuresPerAccount: 5, lockSeconds: 2 } });
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

async function personWithAccount(password = TEST_PASSWORD) {
  const person = await createPerson(api, organisationId);
  await api.createAccount(person.id, password);
  return person;
}

describe('signing in', () => {
  it('opens a session in an HttpOnly, SameSite cookie and answers me', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: SIGN_IN,
        variables: { input: { email: TEST_ADMINISTRATOR_EMAIL.toUpperCase(), password: TEST_PASSWORD } },
      }),
    });
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^evikomp_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const body = (await response.json()) as { data: { signIn: { me: { name: string; roles: { role: string }[] }; errors: unknown[] } } };
    expect(body.data.signIn).toMatchObject({ me: { name: 'Test Administratör', roles: [{ role: 'ADMINISTRATOR' }] }, errors: [] });
  });

  it('stores passwords only as argon2id hashes', async () => {
    const person = await personWithAccount('ett-hemligt-lösenord');
    const rows = await api.orm.em
      .getConnection()
      .execute<{ password_hash: string }[]>(`select password_hash from account where person_id = ?`, [rowId(person.id)]);
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]!.password_hash).not.toContain('ett-hemligt-lösenord');
  });

  it('answers a wrong password and an unknown address alike', async () => {
    const person = await personWithAccount();
    const wrong = await api.anonymous(SIGN_IN, { input: { email: person.email, password: 'fel-lösenord' } });
    const unknown = await api.anonymous(SIGN_IN, { input: { email: 'ingen@example.se', password: 'fel-lösenord' } });
    expect(wrong.data!.signIn).toEqual({
      me: null,
      errors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'The e-mail address or the password is wrong.' }],
    });
    expect(unknown.data!.signIn).toEqual(wrong.data!.signIn);
    expect(wrong.setCookie).toBeNull();
  });

  it('locks an account after five wrong passwords, also for the right one, and unlocks it by itself', async () => {
    const person = await personWithAccount();
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const response = await api.anonymous(SIGN_IN, { input: { email: person.email, password: 'fel-lösenord' } });
      expect(response.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
    }
    const fifth = await api.anonymous(SIGN_IN, { input: { email: person.email, password: 'fel-lösenord' } });
    expect(fifth.data!.signIn.errors[0]).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      message: expect.stringMatching(/Try again in 1 minute/),
    });
    const right = await api.anonymous(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } });
    expect(right.data!.signIn.errors[0].code).toBe('TOO_MANY_ATTEMPTS');
    expect(right.setCookie).toBeNull();

    await new Promise((resolve) => setTimeout(resolve, 2_200));
    const later = await api.anonymous(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } });
    expect(later.data!.signIn.errors).toEqual([]);
  });

  it('lets a caller who has not signed in ask only what signing in needs', async () => {
    const list = await api.anonymous(`{ organisations { totalCount } }`);
    expect(list.status).toBe(401);
    expect(list.errors).toEqual([expect.objectContaining({ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } })]);
    expect(list.data).toBeUndefined();
    const sneaky = await api.anonymous(`query { ...Q } fragment Q on Query { me { id } people { totalCount } }`);
    expect(sneaky.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect((await api.anonymous(`{ me { id } }`)).data).toEqual({ me: null });
    expect((await api.anonymous(`{ __schema { queryType { name } } }`)).errors).toBeUndefined();
  });

  it('refuses introspection to anonymous callers in production', async () => {
    const production = await startTestApi({ production: true });
    try {
      expect((await production.anonymous(`{ __schema { queryType { name } } }`)).errors?.[0]?.extensions).toEqual({
        code: 'UNAUTHENTICATED',
      });
      expect((await production.graphql(`{ __schema { queryType { name } } }`)).errors).toBeUndefined();
    } finally {
      await production.stop();
    }
  });

  it('refuses demo accounts in production', async () => {
    const production = await startTestApi({ production: true });
    try {
      const person = await createPerson(production, production.administrator!.organisationId);
      await production.createAccount(person.id);
      await production.orm.em.getConnection().execute('update account set demo = true');
      const response = await production.anonymous(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } });
      expect(response.data!.signIn.errors[0].code).toBe('INVALID_CREDENTIALS');
    } finally {
      await production.stop();
    }
  });
});

describe('sessions', () => {
  it('ends with signOut: the cookie is cleared and the token no longer works', async () => {
    const person = await personWithAccount();
    const client = await api.signIn(person.email);
    const out = await client(`mutation { signOut { ok } }`);
    expect(out.data).toEqual({ signOut: { ok: true } });
    expect(out.setCookie).toBe('');
    expect((await client(`{ me { id } }`)).data).toEqual({ me: null });
  });

  it('ends after the idle time', async () => {
    const shortLived = await startTestApi({ sessions: { idleMinutes: 0.05 } }); // 3 s
    try {
      expect((await shortLived.graphql(`{ me { id } }`)).data!.me).not.toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 3_300));
      expect((await shortLived.graphql(`{ me { id } }`)).data).toEqual({ me: null });
    } finally {
      await shortLived.stop();
    }
  });

  it('serves one session alike from two API processes on one database', async () => {
    const second = await startTestApi({ databaseUrl: api.databaseUrl, withAdministrator: false });
    try {
      const person = await personWithAccount();
      const viaFirst = await api.signIn(person.email);
      const cookie = (await api.anonymous(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } })).setCookie!;
      const viaSecond = second.client(cookie);
      expect((await viaSecond(`{ me { id } }`)).data).toEqual({ me: { id: person.id } });
      expect((await viaFirst(`{ me { id } }`)).data).toEqual({ me: { id: person.id } });
      // Signing out through the second ends it for the first too.
      await viaSecond(`mutation { signOut { ok } }`);
      expect((await api.client(cookie)(`{ me { id } }`)).data).toEqual({ me: null });
    } finally {
      await second.stop();
    }
  });
});

describe('passwords', () => {
  it('changes the password, checking the current one, and ends the other sessions', async () => {
    const person = await personWithAccount();
    const here = await api.signIn(person.email);
    const elsewhere = await api.signIn(person.email);
    const wrong = await here(CHANGE, { input: { currentPassword: 'fel', newPassword: 'ett-nytt-lösenord' } });
    expect(wrong.data!.passwordChange.errors).toEqual([expect.objectContaining({ field: 'currentPassword', code: 'INVALID_CREDENTIALS' })]);
    const short = await here(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: 'kort' } });
    expect(short.data!.passwordChange.errors).toEqual([expect.objectContaining({ field: 'newPassword', code: 'INVALID' })]);
    const changed = await here(CHANGE, { input: { currentPassword: TEST_PASSWORD, newPassword: 'ett-nytt-lösenord' } });
    expect(changed.data!.passwordChange).toEqual({ ok: true, errors: [] });
    expect((await here(`{ me { id } }`)).data!.me).not.toBeNull();
    expect((await elsewhere(`{ me { id } }`)).data!.me).toBeNull();
    await expect(api.signIn(person.email, 'ett-nytt-lösenord')).resolves.toBeTypeOf('function');
  });

  it('resets a password with a single-use token and refuses it a second time', async () => {
    const person = await personWithAccount();
    const session = await api.signIn(person.email);
    const requested = await api.anonymous(REQUEST_RESET, { email: person.email.toUpperCase() });
    expect(requested.data!.passwordResetRequest).toEqual({ ok: true, errors: [] });
    const message = api.resetMessages.at(-1)!;
    expect(message).toMatchObject({ email: person.email, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    // A link to the portal's reset page, not a bare code.
    expect(message.url).toBe(`${api.url}/reset-password/${message.token}`);

    const reset = await api.anonymous(RESET, { input: { token: message.token, newPassword: 'återställt-lösenord' } });
    expect(reset.data!.passwordReset).toEqual({ ok: true, errors: [] });
    expect((await session(`{ me { id } }`)).data!.me).toBeNull();
    await expect(api.signIn(person.email, 'återställt-lösenord')).resolves.toBeTypeOf('function');

    const again = await api.anonymous(RESET, { input: { token: message.token, newPassword: 'ett-annat-lösenord' } });
    expect(again.data!.passwordReset.errors).toEqual([expect.objectContaining({ field: 'token', code: 'INVALID_TOKEN' })]);
  });

  it('refuses an expired reset token', async () => {
    const expiring = await startTestApi({ sessions: { resetTokenMinutes: 0.01 } }); // 0.6 s
    try {
      const person = await createPerson(expiring, expiring.administrator!.organisationId);
      await expiring.createAccount(person.id);
      await expiring.anonymous(REQUEST_RESET, { email: person.email });
      await new Promise((resolve) => setTimeout(resolve, 800));
      const response = await expiring.anonymous(RESET, {
        input: { token: expiring.resetMessages[0]!.token, newPassword: 'för-sent-lösenord' },
      });
      expect(response.data!.passwordReset.errors).toEqual([expect.objectContaining({ code: 'INVALID_TOKEN' })]);
    } finally {
      await expiring.stop();
    }
  });

  it('sends at most three reset links an hour to one address, refusing the rest alike whether or not it has an account', async () => {
    const person = await personWithAccount();
    const before = api.resetMessages.length;
    for (let request = 0; request < 3; request += 1) {
      expect((await api.anonymous(REQUEST_RESET, { email: person.email })).data!.passwordResetRequest).toEqual({ ok: true, errors: [] });
      await api.anonymous(REQUEST_RESET, { email: 'ingen.alls@example.se' });
    }
    const refused = await api.anonymous(REQUEST_RESET, { email: person.email });
    const refusedUnknown = await api.anonymous(REQUEST_RESET, { email: 'ingen.alls@example.se' });
    expect(refused.data!.passwordResetRequest).toEqual({
      ok: false,
      errors: [
        {
          field: 'email',
          code: 'TOO_MANY_ATTEMPTS',
          message: expect.stringMatching(/^Too many reset links asked for\. Try again in \d+ minutes?\.$/),
        },
      ],
    });
    expect(refusedUnknown.data!.passwordResetRequest).toEqual(refused.data!.passwordResetRequest);
    expect(api.resetMessages.length - before).toBe(3);
  });

  it('answers a reset request for an unknown address like any other, and sends nothing', async () => {
    const before = api.resetMessages.length;
    const response = await api.anonymous(REQUEST_RESET, { email: 'okand@example.se' });
    expect(response.data!.passwordResetRequest).toEqual({ ok: true, errors: [] });
    expect(api.resetMessages.length).toBe(before);
  });
});
