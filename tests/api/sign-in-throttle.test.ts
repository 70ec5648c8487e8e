/**
 * Security defect 4 of issue 10: a lock-out must not be a weapon. Failures are counted per account and client
 * address (a few lock that pair for an hour), per address, and per account from anywhere (far more, from many
 * addresses, lock the account for everyone, and the owner is told).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_PASSWORD, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { me { id } ${USER_ERRORS} } }`;
const ACCOUNT_WIDE = 12;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  // Behind one proxy on loopback, as in production with TRUST_PROXY: the client's address is X-Forwarded-For.
  api = await startTestApi({
    trustProxy: 'loopback',
    throttle: { maxFailuresPerAccountAndAddress: 5, maxFailuresPerAccount: ACCOUNT_WIDE },
  });
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

const from = (address: string, target: TestApi = api): GraphQLClient => target.client(null, { 'x-forwarded-for': address });

async function personWithAccount(target: TestApi = api) {
  const person = await createPerson(target, target === api ? organisationId : target.administrator!.organisationId);
  await target.createAccount(person.id);
  return person;
}

async function signIn(client: GraphQLClient, email: string, password: string) {
  return (await client(SIGN_IN, { input: { email, password } })).data!.signIn as {
    me: { id: string } | null;
    errors: { code: string; message: string }[];
  };
}

describe('failed sign-ins from one address', () => {
  it("a stranger's wrong guesses from another address do not lock the owner out, however many", async () => {
    const owner = await personWithAccount();
    const stranger = from('203.0.113.7');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await signIn(stranger, owner.email, 'fel-lösenord')).errors[0]!.code).toBe('INVALID_CREDENTIALS');
    }
    expect((await signIn(stranger, owner.email, 'fel-lösenord')).errors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    // Refused attempts from the locked address are not checked, and do not add up to the account-wide lock either.
    for (let attempt = 1; attempt <= ACCOUNT_WIDE + 5; attempt += 1) {
      expect((await signIn(stranger, owner.email, 'fel-lösenord')).errors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    }
    const atHome = await signIn(from('198.51.100.20'), owner.email, TEST_PASSWORD);
    expect(atHome).toEqual({ me: { id: owner.id }, errors: [] });
  });

  it('locks the account at that address for the hour, even for the right password', async () => {
    const owner = await personWithAccount();
    const guesser = from('203.0.113.8');
    for (let attempt = 1; attempt <= 5; attempt += 1) await signIn(guesser, owner.email, 'fel-lösenord');
    const right = await signIn(guesser, owner.email, TEST_PASSWORD);
    expect(right).toEqual({
      me: null,
      errors: [{ field: null, code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins. Try again in 60 minutes.' }],
    });
    // Other accounts from that address are not locked by it.
    const other = await personWithAccount();
    expect((await signIn(guesser, other.email, TEST_PASSWORD)).errors).toEqual([]);
  });

  it('counts the address the request came from only through a trusted proxy', async () => {
    const direct = await startTestApi({ throttle: { maxFailuresPerAccountAndAddress: 5 } });
    try {
      const owner = await personWithAccount(direct);
      // Without TRUST_PROXY a forged X-Forwarded-For changes nothing: every guess comes from the same socket.
      for (let attempt = 1; attempt <= 5; attempt += 1) await signIn(from(`192.0.2.${attempt}`, direct), owner.email, 'fel-lösenord');
      expect((await signIn(from('192.0.2.99', direct), owner.email, TEST_PASSWORD)).errors[0]!.code).toBe('TOO_MANY_ATTEMPTS');
    } finally {
      await direct.stop();
    }
  });

  it('locks an address that tries many accounts, for the hour', async () => {
    const spraying = await startTestApi({ trustProxy: 'loopback', throttle: { maxFailuresPerAddress: 6 } });
    try {
      const people = await Promise.all(Array.from({ length: 7 }, () => personWithAccount(spraying)));
      for (const person of people.slice(0, 6)) await signIn(from('203.0.113.9', spraying), person.email, 'fel-lösenord');
      expect((await signIn(from('203.0.113.9', spraying), people[6]!.email, TEST_PASSWORD)).errors).toEqual([
        expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS', message: 'Too many failed sign-ins. Try again in 60 minutes.' }),
      ]);
      expect((await signIn(from('198.51.100.21', spraying), people[6]!.email, TEST_PASSWORD)).errors).toEqual([]);
    } finally {
      await spraying.stop();
    }
  });
});

describe('failed sign-ins to one account from many addresses', () => {
  let owner: { id: string; email: string };

  it('lock the account for everyone at the account-wide threshold, and the owner is told once', async () => {
    owner = await personWithAccount();
    const addresses = ['203.0.113.21', '203.0.113.22', '203.0.113.23'];
    const answers: string[] = [];
    for (const address of addresses) {
      // Four guesses each: no address reaches its own lock.
      for (let attempt = 1; attempt <= 4; attempt += 1)
        answers.push((await signIn(from(address), owner.email, 'fel-lösenord')).errors[0]!.code);
    }
    expect(answers.slice(0, ACCOUNT_WIDE - 1).every((code) => code === 'INVALID_CREDENTIALS')).toBe(true);
    expect(answers[ACCOUNT_WIDE - 1]).toBe('TOO_MANY_ATTEMPTS');
    // Now everyone is refused, the owner at home with the right password too.
    expect((await signIn(from('198.51.100.22'), owner.email, TEST_PASSWORD)).errors[0]).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      message: 'Too many failed sign-ins. Try again in 60 minutes.',
    });
    expect((await signIn(from('203.0.113.24'), owner.email, 'fel-lösenord')).errors[0]!.code).toBe('TOO_MANY_ATTEMPTS');

    const told = await api.orm.em
      .getConnection()
      .execute<{ kind: string; to_address: string; subject: string; body: string }[]>(
        'select kind, to_address, subject, body from notification where person_id = ?',
        [rowId(owner.id)],
      );
    expect(told).toEqual([
      expect.objectContaining({
        kind: 'ACCOUNT_LOCKED',
        to_address: owner.email,
        subject: 'Inloggningen till ditt Evikomp-konto är tillfälligt spärrad',
      }),
    ]);
    expect(told[0]!.body).toMatch(/spärrad till .+ kl\. \d\d:\d\d/);
  });

  it('a password reset ends the account-wide lock: whoever holds the link holds the e-mail', async () => {
    await api.anonymous(`mutation($email: String!) { passwordResetRequest(input: { email: $email }) { ok } }`, { email: owner.email });
    const token = api.resetMessages.at(-1)!.token;
    const reset = await api.anonymous(`mutation($input: PasswordResetInput!) { passwordReset(input: $input) { ok ${USER_ERRORS} } }`, {
      input: { token, newPassword: 'ett-nytt-lösenord' },
    });
    expect(reset.data!.passwordReset).toEqual({ ok: true, errors: [] });
    expect(await signIn(from('198.51.100.22'), owner.email, 'ett-nytt-lösenord')).toEqual({ me: { id: owner.id }, errors: [] });
  });
});
